// The export and import messages. An import is validated row by row, merged with the current
// list (never removing a host) and saved in one storage write: all of it or, if sync storage
// refuses, none of it.
import type { ImportReport } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { listChanges } from './watch-db';
import {
  exportChangeLogCsv,
  exportWatchlistCsv,
  exportWatchlistJson,
  mergeImport,
  parseWatchlistImport,
} from './watchlist-io';
import { listWatched, saveWatched, WatchlistError } from './watchlist-store';

export async function handleExportWatchlist(data: unknown): Promise<string> {
  const format = messageSchemas.exportWatchlist.safeParse(data);
  const entries = await listWatched();
  return format.success && format.data === 'csv' ? exportWatchlistCsv(entries) : exportWatchlistJson(entries);
}

export async function handleImportWatchlist(data: unknown): Promise<ImportReport> {
  const request = messageSchemas.importWatchlist.safeParse(data);
  if (!request.success)
    return {
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      problem: 'The file could not be read (too large?).',
    };
  const parsed = parseWatchlistImport(request.data.format, request.data.text);
  const empty = { added: 0, updated: 0, unchanged: 0, rejected: parsed.rejected };
  if (parsed.problem) return { ...empty, problem: parsed.problem };
  const merged = mergeImport(await listWatched(), parsed.entries);
  try {
    if (merged.toSave.length) await saveWatched(merged.toSave);
  } catch (error) {
    return { ...empty, problem: error instanceof WatchlistError ? error.message : String(error) };
  }
  return {
    added: merged.added,
    updated: merged.updated,
    unchanged: merged.unchanged,
    rejected: parsed.rejected,
  };
}

export async function handleExportChangeLog(): Promise<string> {
  return exportChangeLogCsv(await listChanges({ limit: 100_000 }));
}
