// The watchlist's words: a row's state, a check's summary, times and tags, as the watchlist page
// and the popup's tab say them. Pure (no DOM, no browser API), so unit tests run it in Node.
import { describeStatus } from '@/utils/dns/model';
import { toUnicodeName } from '@/utils/hosts/idn';
import type { CheckSummary } from '@/utils/messages/protocol';
import { MAX_TAGS } from '@/utils/watchlist/limits';
import type { WatchRow } from '@/utils/watchlist/model';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A time as the reader's locale writes it; "—" for a time that has not happened yet. */
export function when(ms: number | undefined): string {
  return ms === undefined ? '—' : new Date(ms).toLocaleString();
}

/** The next check: "due now" once its time has passed (the alarm runs due hosts every few minutes). */
export function nextCheckText(ms: number | undefined, now: number): string {
  if (ms === undefined) return '—';
  return ms <= now ? 'due now' : when(ms);
}

/** A watched host's DNS state in plain words. */
export function statusText(row: Pick<WatchRow, 'status' | 'addresses'>): string {
  if (!row.status) return 'not checked yet';
  if (row.status !== 'NOERROR') return describeStatus(row.status);
  const n = row.addresses.length;
  if (n === 0) return 'the name exists but has no address';
  return n === 1
    ? `resolves to ${row.addresses[0]}`
    : `resolves to ${n} addresses: ${row.addresses.join(', ')}`;
}

/** The popup's one-word-ish version of `statusText`. */
export function shortStatusText(row: Pick<WatchRow, 'status' | 'addresses'>): string {
  if (row.status === 'NOERROR' && row.addresses.length > 1) return `${row.addresses.length} addresses`;
  if (row.status === 'NXDOMAIN') return 'does not exist';
  return statusText(row).replace(/^resolves to /, '');
}

/** What to show for a watched host: the Unicode form of an IDN, and its ASCII form when they differ. */
export function hostDisplay(host: string): { display: string; ascii?: string } {
  const display = toUnicodeName(host);
  return display === host ? { display } : { display, ascii: host };
}

/** "story, mail ,, story" → ["story", "mail"]: trimmed, no empties, no repeats, at most MAX_TAGS. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_TAGS);
}

/** "Checked 3 hosts: 2 changes." plus what was postponed. */
export function summaryText(s: CheckSummary): string {
  const changes = s.changes.length;
  const parts = [
    `Checked ${plural(s.checked, 'host')}: ${changes === 0 ? 'no changes' : plural(changes, 'change')}.`,
  ];
  if (s.postponed) parts.push(`${s.postponed} will be finished later (a source asked Hostlens to wait).`);
  return parts.join(' ');
}

/**
 * The id above which change-log entries were unseen when the view opened. The log is newest
 * first and the `unseen` newest entries are the unseen ones, so it is the id of the first seen
 * entry (0 when every entry shown is unseen; +∞ when none is).
 */
export function unseenAbove(changes: Array<{ id?: number }>, unseen: number): number {
  if (unseen <= 0) return Number.MAX_SAFE_INTEGER;
  return changes[unseen]?.id ?? 0;
}
