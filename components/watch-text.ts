// The watchlist's words: a row's state, a check's summary, times and tags, as the watchlist page
// and the popup's tab say them. Pure (no DOM, no browser API), so unit tests run it in Node.
import { describeStatus } from '@/utils/dns/model';
import { toUnicodeName } from '@/utils/hosts/idn';
import { formatMoment } from '@/utils/i18n/format';
import { plural, t } from '@/utils/i18n/messages';
import type { CheckSummary } from '@/utils/messages/protocol';
import { MAX_TAGS } from '@/utils/watchlist/limits';
import type { WatchRow } from '@/utils/watchlist/model';

/** A time as the reader's locale writes it; "—" for a time that has not happened yet. */
export function when(ms: number | undefined): string {
  return ms === undefined ? t('watchlist.time.never') : formatMoment(ms);
}

/** The next check: "due now" once its time has passed (the alarm runs due hosts every few minutes). */
export function nextCheckText(ms: number | undefined, now: number): string {
  if (ms === undefined) return t('watchlist.time.never');
  return ms <= now ? t('watchlist.time.dueNow') : when(ms);
}

/** A watched host's DNS state in plain words. */
export function statusText(row: Pick<WatchRow, 'status' | 'addresses'>): string {
  if (!row.status) return t('watchlist.status.notChecked');
  if (row.status !== 'NOERROR') return describeStatus(row.status);
  const n = row.addresses.length;
  if (n === 0) return t('watchlist.status.noAddress');
  return n === 1
    ? t('watchlist.status.resolvesTo', { address: row.addresses[0]! })
    : plural('watchlist.status.resolvesToMany', n, { addresses: row.addresses.join(', ') });
}

/** The popup's one-word-ish version of `statusText`. */
export function shortStatusText(row: Pick<WatchRow, 'status' | 'addresses'>): string {
  if (row.status === 'NOERROR' && row.addresses.length > 1)
    return plural('watchlist.status.addresses', row.addresses.length);
  if (row.status === 'NXDOMAIN') return t('watchlist.status.doesNotExist');
  if (row.status === 'NOERROR' && row.addresses.length === 1) return row.addresses[0]!;
  return statusText(row);
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
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_TAGS);
}

/** "Checked 3 hosts: 2 changes." plus what was postponed. */
export function summaryText(s: CheckSummary): string {
  const changes = s.changes.length;
  const parts = [
    t('watchlist.summary.checked', {
      hosts: plural('watchlist.summary.hosts', s.checked),
      changes:
        changes === 0 ? t('watchlist.summary.noChanges') : plural('watchlist.summary.changes', changes),
    }),
  ];
  if (s.postponed) parts.push(plural('watchlist.summary.postponed', s.postponed));
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
