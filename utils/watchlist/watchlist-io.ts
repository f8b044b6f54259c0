// The watchlist as a file: JSON (our own versioned document) and CSV (for spreadsheets), and
// reading either back. An imported file may come from anywhere (a colleague, a threat report,
// a spreadsheet), so every row is validated on its own: rows that don't fit are reported by the
// line they start on, the rest are imported. Reading never throws; merging is `merge-import.ts`.
import { parseLookupInput } from '../hosts/parse-input';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/messages';
import { z } from '../zod-jitless';
import { csvLine, parseCsv } from './csv';
import { MAX_NOTE, MAX_TAG, MAX_TAGS } from './limits';
import type { WatchEntry } from './model';

export const WATCHLIST_FORMAT = 'hostlens-watchlist';
export const WATCHLIST_FILE_VERSION = 1;
/** Rows read from one file: a watchlist is hundreds of hosts; sync storage holds ~500. */
export const MAX_IMPORT_ROWS = 10_000;
const MAX_HOST_TEXT = 2048;

export interface Rejected {
  /** 1-based, as a text editor counts: the line where the row (or JSON list item) starts. */
  line: number;
  reason: string;
}

export interface ParsedImport {
  entries: WatchEntry[];
  rejected: Rejected[];
  /** Set when the file as a whole can't be read; then nothing is imported. */
  problem?: string;
}

/** ISO time, or '' for a stored time no Date can hold (an import then takes it as "now"). */
export const isoTime = (ms: number) =>
  Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : '';

// csv.ts neutralises `=1+1` as `'=1+1`. A note that itself starts with apostrophes before a
// formula character gets one more, so reading strips exactly one and the round trip is exact.
const GUARDED = /^'+[=+\-@\t\r]/;
const guard = (s: string) => (GUARDED.test(s) ? `'${s}` : s);
const unguard = (s: string) => (GUARDED.test(s) ? s.slice(1) : s);

export function exportWatchlistJson(entries: WatchEntry[], now = Date.now()): string {
  const hosts = entries.map((e) => ({
    host: e.host,
    addedAt: isoTime(e.addedAt),
    note: e.note,
    tags: e.tags,
  }));
  return JSON.stringify(
    { format: WATCHLIST_FORMAT, version: WATCHLIST_FILE_VERSION, exportedAt: isoTime(now), hosts },
    null,
    2,
  );
}

export function exportWatchlistCsv(entries: WatchEntry[]): string {
  const rows = entries.map((e) => [e.host, isoTime(e.addedAt), e.note, e.tags.join(';')].map(guard));
  return [['host', 'added_at', 'note', 'tags'], ...rows].map((r) => csvLine(r) + '\r\n').join('');
}

/** Quoted in a reason: one line, short, so a 5 MB field or a binary blob stays readable. */
function quote(text: string): string {
  const flat = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}”`;
}

function toHost(text: string, ctx: z.RefinementCtx): string {
  const issue = (message: string) => {
    ctx.issues.push({ code: 'custom', message, input: text });
    return z.NEVER;
  };
  if (!text.trim()) return issue(t('watchIo.reason.noHostOnLine'));
  // A quoted field that swallowed the following lines: almost always a missing closing quote.
  if (/[\r\n]/.test(text.trim())) return issue(t('watchIo.reason.spansLines', { text: quote(text) }));
  // Defanged names, URLs and e-mail addresses are how hosts appear in threat reports and
  // newsroom spreadsheets; the look-up box takes them, and so does the import.
  const parsed = parseLookupInput(text);
  return parsed.ok ? parsed.host.name : issue(t('watchIo.reason.notAHost', { text: quote(text) }));
}

/** A date as ISO 8601 or epoch milliseconds; anything else (or nothing) is undefined: "now". */
function toTime(value: string | number | null | undefined): number | undefined {
  const text = typeof value === 'string' ? value.trim() : value;
  let ms = NaN;
  if (typeof text === 'number') ms = text;
  else if (text && /^\d{1,16}$/.test(text)) ms = Number(text);
  else if (text && /^\d{4}-\d{2}-\d{2}/.test(text)) ms = Date.parse(text);
  return isoTime(ms) && ms >= 0 ? ms : undefined;
}

const tagList = (value: string | string[]) => [
  ...new Set((typeof value === 'string' ? value.split(';') : value).map((t) => t.trim()).filter(Boolean)),
];

const rowSchema = z.object({
  host: z
    .string({
      error: (issue) =>
        issue.input === undefined ? t('watchIo.reason.noHost') : t('watchIo.reason.hostNotText'),
    })
    .max(MAX_HOST_TEXT, {
      error: () => t('watchIo.reason.hostTooLong', { max: MAX_HOST_TEXT }),
    })
    .transform(toHost),
  addedAt: z
    .union([z.string(), z.number()])
    .nullish()
    .catch(undefined)
    .transform((v) => toTime(v)),
  note: z
    .string({ error: () => t('watchIo.reason.noteNotText') })
    .max(MAX_NOTE, { error: () => t('watchIo.reason.noteTooLong', { max: MAX_NOTE }) })
    .nullish()
    .transform((v) => v ?? ''),
  tags: z
    .union([z.string(), z.array(z.string())], { error: () => t('watchIo.reason.tagsNotText') })
    .nullish()
    .transform((v) => (v ? tagList(v) : []))
    .pipe(
      z
        .array(z.string().max(MAX_TAG, { error: () => t('watchIo.reason.tagTooLong', { max: MAX_TAG }) }))
        .max(MAX_TAGS, { error: () => t('watchIo.reason.tooManyTags', { max: MAX_TAGS }) }),
    ),
});

/** Collects valid rows by host: a host listed twice becomes one entry (see `add`). */
class Collector {
  readonly byHost = new Map<string, WatchEntry>();
  readonly rejected: Rejected[] = [];
  constructor(private readonly now: number) {}

  /**
   * A host twice in one file: the earliest pin date, the later row's note unless it is empty,
   * and the tags of both rows. Nothing is reported: the host is imported either way.
   */
  add(line: number, raw: unknown, index?: number): void {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? t('watchIo.reason.rowDoesNotFit');
      this.rejected.push({
        line,
        // Several items can share a line (compact JSON): the reason also names the item.
        reason:
          index === undefined ? reason : t('watchIo.reason.inList', { reason, index: formatNumber(index) }),
      });
      return;
    }
    // A pin date in the future (a wrong clock, a typo) would sort the host oddly for years.
    const { addedAt, ...rest } = parsed.data;
    const row: WatchEntry = {
      ...rest,
      addedAt: addedAt !== undefined && addedAt <= this.now ? addedAt : this.now,
    };
    const before = this.byHost.get(row.host);
    this.byHost.set(
      row.host,
      before
        ? {
            host: row.host,
            addedAt: Math.min(before.addedAt, row.addedAt),
            note: row.note || before.note,
            tags: [...new Set([...before.tags, ...row.tags])].slice(0, MAX_TAGS),
          }
        : row,
    );
  }

  result(): ParsedImport {
    return { entries: [...this.byHost.values()], rejected: this.rejected };
  }
}

/** 1-based line of each item of the watchlist's host list (root array, or root object's `hosts`). */
function listItemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let target = -1;
  let expectItem = false;
  let lastString = '';
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') continue;
    if (depth === target && expectItem && c !== ']') {
      lines.push(line);
      expectItem = false;
    }
    if (c === '"') {
      const start = i + 1;
      // Valid JSON (it parsed): no raw line breaks inside strings, every quote escaped.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      lastString = text.slice(start, i);
    } else if (c === ':' && depth === 1) key = lastString;
    else if (c === ',' && depth === target) expectItem = true;
    else if (c === '[' || c === '{') {
      depth++;
      // JSON.parse keeps the last of duplicate keys; so does this (the list restarts).
      if (c === '[' && (depth === 1 || (depth === 2 && key === 'hosts'))) {
        target = depth;
        expectItem = true;
        lines.length = 0;
      }
    } else if (c === ']' || c === '}') {
      if (depth === target) expectItem = false;
      depth--;
    }
  }
  return lines;
}

function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /line (\d+)/.exec(message)?.[1] ?? /position (\d+)/.exec(message)?.[1];
  const lineOf = (pos: number) => text.slice(0, pos).split(/\r\n|\r|\n/).length;
  if (!at) return t('watchIo.problem.notJson');
  return t('watchIo.problem.notJsonAt', { line: /line/.test(message) ? at : lineOf(Number(at)) });
}

function fromJson(text: string, now: number): ParsedImport {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { entries: [], rejected: [], problem: jsonProblem(body, error) };
  }
  const doc = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (!Array.isArray(json)) {
    if (doc.format !== undefined && doc.format !== WATCHLIST_FORMAT)
      return { entries: [], rejected: [], problem: t('watchIo.problem.notWatchlist') };
    if (typeof doc.version === 'number' && doc.version > WATCHLIST_FILE_VERSION)
      return {
        entries: [],
        rejected: [],
        problem: t('watchIo.problem.newerVersion', { version: doc.version }),
      };
  }
  const list = Array.isArray(json) ? json : doc.hosts;
  if (!Array.isArray(list)) return { entries: [], rejected: [], problem: t('watchIo.problem.noList') };
  const lines = listItemLines(body);
  const lineOf = (i: number) => (lines.length === list.length ? lines[i]! : 1);
  const rows = new Collector(now);
  list.slice(0, MAX_IMPORT_ROWS).forEach((item: unknown, i) => {
    const where = i + 1;
    if (typeof item === 'string') rows.add(lineOf(i), { host: item }, where);
    else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      rows.add(lineOf(i), { ...o, addedAt: o.addedAt ?? o.added_at }, where);
    } else rows.add(lineOf(i), { host: undefined }, where);
  });
  const result = rows.result();
  if (list.length > MAX_IMPORT_ROWS)
    result.rejected.push({ line: lineOf(MAX_IMPORT_ROWS), reason: tooMany(list.length - MAX_IMPORT_ROWS) });
  return result;
}

const tooMany = (count: number) =>
  count > 1
    ? t('watchIo.reason.tooManyAfter', { max: formatNumber(MAX_IMPORT_ROWS), count: formatNumber(count - 1) })
    : t('watchIo.reason.tooManyRest', { max: formatNumber(MAX_IMPORT_ROWS) });

const PARSE_CAP = 2 * MAX_IMPORT_ROWS + 2;
const COLUMNS = ['host', 'added_at', 'note', 'tags'] as const;

function fromCsv(text: string, now: number): ParsedImport {
  // Whitespace-only lines count as blank, so the parser may read some more records than the cap.
  const raw = parseCsv(text, PARSE_CAP);
  const records = raw.filter((r) => r.fields.some((f) => f.trim()));
  if (records.length === 0) return { entries: [], rejected: [], problem: t('watchIo.problem.noHosts') };
  const first = records[0]!.fields.map((f) => f.trim().toLowerCase());
  const named = first.some((f) => (COLUMNS as readonly string[]).includes(f));
  if (named && !first.includes('host'))
    return {
      entries: [],
      rejected: [],
      problem: t('watchIo.problem.noHostColumn'),
    };
  // Without our header, the file is a list: the host is the first column, others are ignored.
  const column = (name: (typeof COLUMNS)[number]) => (named ? first.indexOf(name) : name === 'host' ? 0 : -1);
  const [hostAt, addedAt, noteAt, tagsAt] = COLUMNS.map(column) as [number, number, number, number];
  const rows = new Collector(now);
  let body = records.slice(named ? 1 : 0);
  // Someone else's header ("domain,comment"): a title, not a host, though one word is a valid name.
  const title = named ? undefined : records[0]!.fields[0]!.trim();
  if (title !== undefined && records[0]!.fields.length > 1 && /^[a-z][a-z _-]*$/i.test(title)) {
    rows.rejected.push({
      line: records[0]!.line,
      reason: t('watchIo.reason.columnTitle', { text: quote(title) }),
    });
    body = body.slice(1);
  }
  for (const { line, fields } of body.slice(0, MAX_IMPORT_ROWS)) {
    const at = (col: number) => (col >= 0 && fields[col] !== undefined ? unguard(fields[col]) : undefined);
    rows.add(line, { host: at(hostAt) ?? '', addedAt: at(addedAt), note: at(noteAt), tags: at(tagsAt) });
  }
  const result = rows.result();
  // The parser stopped reading at its cap, so the count past it is unknown: "the rest".
  const stop = body[MAX_IMPORT_ROWS]?.line ?? (raw.length === PARSE_CAP ? raw.at(-1)!.line + 1 : undefined);
  if (stop !== undefined) result.rejected.push({ line: stop, reason: tooMany(1) });
  return result;
}

export function parseWatchlistImport(format: 'json' | 'csv', text: string, now = Date.now()): ParsedImport {
  try {
    return format === 'json' ? fromJson(text, now) : fromCsv(text, now);
  } catch {
    // Nothing above is expected to throw; a file must still never take the import down.
    return { entries: [], rejected: [], problem: t('watchIo.unreadable') };
  }
}
