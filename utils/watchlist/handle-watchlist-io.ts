// The export and import messages. An import is validated row by row, merged with the current
// list (never removing a host) and saved in one storage write: all of it or, when sync storage
// refuses, none of it. Nothing throws out of these: a failure is a value the page shows.
import { t } from '../i18n/messages';
import type { ImportReport } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { changeLogCsv } from './changelog-csv';
import { mergeImport } from './merge-import';
import { listChanges } from './watch-db';
import { exportWatchlistCsv, exportWatchlistJson, parseWatchlistImport } from './watchlist-io';
import { listWatched, saveWatched, WatchlistError } from './watchlist-store';

/** Every change kept: `pruneChanges` bounds the log well below this. */
const ALL_CHANGES = 100_000;

/** The file's text; '' when the request is malformed or the list can't be read. */
export async function handleExportWatchlist(data: unknown): Promise<string> {
  const format = messageSchemas.exportWatchlist.safeParse(data);
  if (!format.success) return '';
  try {
    const entries = await listWatched();
    return format.data === 'csv' ? exportWatchlistCsv(entries) : exportWatchlistJson(entries);
  } catch {
    return '';
  }
}

const failed = (problem: string, rejected: ImportReport['rejected'] = []): ImportReport => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  rejected,
  problem,
});

export async function handleImportWatchlist(data: unknown, now = Date.now()): Promise<ImportReport> {
  const request = messageSchemas.importWatchlist.safeParse(data);
  if (!request.success) return failed(t('watchIo.problem.badRequest'));
  const parsed = parseWatchlistImport(request.data.format, request.data.text, now);
  if (parsed.problem) return failed(parsed.problem, parsed.rejected);
  try {
    const { toSave, added, updated, unchanged } = mergeImport(await listWatched(), parsed.entries);
    if (toSave.length) await saveWatched(toSave);
    return { added, updated, unchanged, rejected: parsed.rejected };
  } catch (error) {
    const problem =
      error instanceof WatchlistError
        ? error.message
        : t('watchIo.problem.notSaved', { error: error instanceof Error ? error.message : String(error) });
    return failed(t('watchIo.problem.nothingImported', { problem }), parsed.rejected);
  }
}

/** The whole change log as CSV; '' when the local database can't be read. */
export async function handleExportChangeLog(data?: unknown): Promise<string> {
  if (!messageSchemas.exportChangeLog.safeParse(data).success) return '';
  try {
    return changeLogCsv(await listChanges({ limit: ALL_CHANGES }));
  } catch {
    return '';
  }
}
