// The watchlist as a file: JSON (our own versioned document) and CSV (for spreadsheets), and
// reading either back. Every row of an imported file is validated on its own; rows that don't
// fit are reported by line, the rest are imported. Importing never removes a host.
import { parseLookupInput } from '../hosts/parse-input';
import { z } from '../zod-jitless';
import { csvLine, parseCsv } from './csv';
import { MAX_NOTE, MAX_TAG, MAX_TAGS } from './limits';
import type { Change, WatchEntry } from './model';

const MAX_ROWS = 10_000;
export const WATCHLIST_FORMAT = 'hostlens-watchlist';

export function exportWatchlistJson(entries: WatchEntry[], now = Date.now()): string {
  return JSON.stringify(
    {
      format: WATCHLIST_FORMAT,
      version: 1,
      exportedAt: new Date(now).toISOString(),
      hosts: entries.map((e) => ({
        host: e.host,
        addedAt: new Date(e.addedAt).toISOString(),
        note: e.note,
        tags: e.tags,
      })),
    },
    null,
    2,
  );
}

export function exportWatchlistCsv(entries: WatchEntry[]): string {
  return [
    csvLine(['host', 'added_at', 'note', 'tags']),
    ...entries.map((e) => csvLine([e.host, new Date(e.addedAt).toISOString(), e.note, e.tags.join(';')])),
  ].join('\r\n');
}

export function exportChangeLogCsv(changes: Change[]): string {
  return [
    csvLine(['at', 'host', 'kind', 'subject', 'value', 'previous', 'message']),
    ...changes.map((c) =>
      csvLine([
        new Date(c.at).toISOString(),
        c.host,
        c.kind,
        c.subject,
        c.value,
        c.previous ?? '',
        c.message,
      ]),
    ),
  ].join('\r\n');
}

export interface ParsedImport {
  entries: WatchEntry[];
  rejected: Array<{ line: number; reason: string }>;
  /** Set when the file as a whole can't be read. */
  problem?: string;
}

/** A spreadsheet's leading apostrophe (our own formula guard) is not part of the value. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

const rowSchema = z.object({
  host: z.string().trim().min(1, 'the host is empty').max(2048, 'the host is too long'),
  addedAt: z.union([z.string().max(100), z.number()]).optional(),
  note: z.string().max(MAX_NOTE, `the note is longer than ${MAX_NOTE} characters`).optional(),
  tags: z
    .array(z.string().trim().min(1).max(MAX_TAG, `a tag is longer than ${MAX_TAG} characters`))
    .max(MAX_TAGS, `more than ${MAX_TAGS} tags`)
    .optional(),
});

function toEntry(raw: unknown, now: number): { entry: WatchEntry } | { reason: string } {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) return { reason: parsed.error.issues[0]?.message ?? 'the row does not fit' };
  const host = parseLookupInput(unguard(parsed.data.host));
  if (!host.ok) return { reason: `“${parsed.data.host.slice(0, 80)}” is not a host name or IP address` };
  const added =
    parsed.data.addedAt === undefined || parsed.data.addedAt === ''
      ? now
      : new Date(parsed.data.addedAt).getTime();
  if (Number.isNaN(added)) return { reason: `“${String(parsed.data.addedAt).slice(0, 40)}” is not a date` };
  return {
    entry: {
      host: host.host.name,
      addedAt: added,
      note: unguard(parsed.data.note ?? ''),
      tags: [...new Set((parsed.data.tags ?? []).map(unguard))],
    },
  };
}

function fromJson(text: string, now: number): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { entries: [], rejected: [], problem: 'The file is not JSON.' };
  }
  const list = Array.isArray(json) ? json : (json as { hosts?: unknown } | null)?.hosts;
  if (!Array.isArray(list))
    return { entries: [], rejected: [], problem: 'The file is JSON but not a watchlist (no list of hosts).' };
  const out: ParsedImport = { entries: [], rejected: [] };
  // JSON has no line per row: the row's position in the list (1-based) stands in for it.
  list.slice(0, MAX_ROWS).forEach((item, i) => {
    const result = toEntry(typeof item === 'string' ? { host: item } : item, now);
    if ('entry' in result) out.entries.push(result.entry);
    else out.rejected.push({ line: i + 1, reason: `host ${i + 1} in the list: ${result.reason}` });
  });
  if (list.length > MAX_ROWS)
    out.rejected.push({ line: MAX_ROWS + 1, reason: `only the first ${MAX_ROWS} hosts are read` });
  return out;
}

function fromCsv(text: string, now: number): ParsedImport {
  const records = parseCsv(text, MAX_ROWS + 2);
  const out: ParsedImport = { entries: [], rejected: [] };
  if (records.length === 0) return { ...out, problem: 'The file is empty.' };
  const header = records[0]!.fields.map((f) => f.trim().toLowerCase());
  const hasHeader = header.includes('host');
  const column = (name: string) => (hasHeader ? header.indexOf(name) : name === 'host' ? 0 : -1);
  const [hostCol, addedCol, noteCol, tagsCol] = ['host', 'added_at', 'note', 'tags'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  for (const { line, fields } of records.slice(hasHeader ? 1 : 0, MAX_ROWS + (hasHeader ? 1 : 0))) {
    const at = (col: number) => (col >= 0 ? fields[col] : undefined);
    const tags = at(tagsCol);
    const result = toEntry(
      {
        host: at(hostCol) ?? '',
        ...(at(addedCol) !== undefined && { addedAt: at(addedCol) }),
        ...(at(noteCol) !== undefined && { note: at(noteCol) }),
        ...(tags && {
          tags: tags
            .split(/[;,]/)
            .map((t) => t.trim())
            .filter(Boolean),
        }),
      },
      now,
    );
    if ('entry' in result) out.entries.push(result.entry);
    else out.rejected.push({ line, reason: result.reason });
  }
  if (records.length > MAX_ROWS + 1)
    out.rejected.push({ line: records.at(-1)!.line, reason: `only the first ${MAX_ROWS} rows are read` });
  return out;
}

export function parseWatchlistImport(format: 'json' | 'csv', text: string, now = Date.now()): ParsedImport {
  return format === 'json' ? fromJson(text, now) : fromCsv(text, now);
}

/**
 * The list after an import: new hosts added; a host already watched keeps its pin date and
 * note (a note the user wrote is never replaced silently — the file's note fills an empty one),
 * and gets the file's tags added to its own.
 */
export function mergeImport(existing: WatchEntry[], imported: WatchEntry[]) {
  const byHost = new Map(existing.map((e) => [e.host, e]));
  const toSave = new Map<string, WatchEntry>();
  const seen = new Set<string>();
  for (const entry of imported) {
    seen.add(entry.host);
    const current = toSave.get(entry.host) ?? byHost.get(entry.host);
    toSave.set(
      entry.host,
      current
        ? {
            ...current,
            note: current.note || entry.note,
            tags: [...new Set([...current.tags, ...entry.tags])].slice(0, MAX_TAGS),
          }
        : entry,
    );
  }
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const host of seen) {
    const before = byHost.get(host);
    const after = toSave.get(host)!;
    if (!before) added++;
    else if (before.note !== after.note || before.tags.join('\u0000') !== after.tags.join('\u0000'))
      updated++;
    else {
      unchanged++;
      toSave.delete(host);
    }
  }
  return { toSave: [...toSave.values()], added, updated, unchanged };
}
