// The change log as CSV, for a spreadsheet or a story's notes. Values are what DNS, passive DNS
// and RDAP returned (a TXT record is anyone's text), so csv.ts quotes them and keeps formulas
// inert. Oldest first, as a log reads; the watchlist page shows newest first.
import { csvLine } from './csv';
import type { Change } from './model';
import { isoTime } from './watchlist-io';

export const CHANGELOG_COLUMNS = ['at', 'host', 'kind', 'subject', 'value', 'previous', 'message'];

export function changeLogCsv(changes: Change[]): string {
  const ordered = [...changes].sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  const rows = ordered.map((c) => [
    isoTime(c.at),
    c.host,
    c.kind,
    c.subject,
    c.value,
    c.previous ?? '',
    c.message,
  ]);
  return [CHANGELOG_COLUMNS, ...rows].map((r) => csvLine(r) + '\r\n').join('');
}
