// The watchlist messages from extension pages: the list with each host's state, pin with note
// and tags, "Check now", the change log, "seen", and "Clear all data". Every payload is
// validated here; the sender was checked by the caller.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { plural, t } from '../i18n/messages';
import type { ActionResult, CheckSummary, WatchlistView } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { clearSourceKeys } from '../settings/source-keys';
import { showUnseenChanges } from '../tab-hosts/tab-hosts';
import type { Change, WatchRow } from './model';
import type { WatchRunner } from './watch-runner';
import { allStates, clearWatchDb, countChangesAfter, lastChangeId, listChanges } from './watch-db';
import {
  getWatched,
  isWatchKey,
  listWatched,
  saveWatched,
  unreadableWatched,
  WatchlistError,
} from './watchlist-store';

const seenItem = storage.defineItem<number>('local:changesSeenUpTo', { fallback: 0 });
/** Bumped after anything the watchlist view shows has changed, so open views refresh. */
const revisionItem = storage.defineItem<number>('local:watchlistRevision', { fallback: 0 });

export async function bumpRevision(): Promise<void> {
  await revisionItem.setValue((await revisionItem.getValue()) + 1);
}

/** Repaints the badge with the number of changes not yet seen. */
export async function refreshUnseen(): Promise<number> {
  const unseen = await countChangesAfter(await seenItem.getValue());
  await showUnseenChanges(unseen);
  return unseen;
}

export async function handleGetWatchlist(problem?: string): Promise<WatchlistView> {
  const [entries, states, seenUpTo] = await Promise.all([listWatched(), allStates(), seenItem.getValue()]);
  const unseenChanges = await listChanges({ afterId: seenUpTo, limit: 10_000 });
  const unseenBy = new Map<string, number>();
  for (const c of unseenChanges) unseenBy.set(c.host, (unseenBy.get(c.host) ?? 0) + 1);
  const stateOf = new Map(states.map((s) => [s.host, s]));
  const rows: WatchRow[] = entries.map((entry) => {
    const state = stateOf.get(entry.host);
    const snapshot = state?.snapshot;
    const row: WatchRow = {
      ...entry,
      addresses: snapshot ? [...(snapshot.records.A ?? []), ...(snapshot.records.AAAA ?? [])] : [],
      unseenChanges: unseenBy.get(entry.host) ?? 0,
    };
    if (snapshot) row.status = snapshot.status;
    if (state?.lastCheckedAt !== undefined) row.lastCheckedAt = state.lastCheckedAt;
    if (state?.nextCheckAt !== undefined) row.nextCheckAt = state.nextCheckAt;
    if (state?.lastChangeAt !== undefined) row.lastChangeAt = state.lastChangeAt;
    if (state?.lastProblem) row.lastProblem = state.lastProblem;
    return row;
  });
  const unreadable = await unreadableWatched();
  const problems = [
    problem,
    unreadable.length > 0 &&
      plural('watchlist.problem.unreadableEntries', unreadable.length, {
        hosts: unreadable.slice(0, 5).join(', '),
      }),
  ].filter((p): p is string => Boolean(p));
  return { rows, unseen: unseenChanges.length, ...(problems.length > 0 && { problem: problems.join(' ') }) };
}

export async function handleWatchHost(data: unknown, now = Date.now()): Promise<ActionResult> {
  const request = messageSchemas.watchHost.safeParse(data);
  if (!request.success) return { ok: false, message: t('watchlist.problem.notWatchable') };
  const { host, note, tags } = request.data;
  const existing = await getWatched(host);
  try {
    await saveWatched([
      {
        host,
        addedAt: existing?.addedAt ?? now,
        note: note ?? existing?.note ?? '',
        tags: tags ? [...new Set(tags)] : (existing?.tags ?? []),
      },
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof WatchlistError ? error.message : String(error) };
  }
}

export async function handleCheckNow(data: unknown, runner: WatchRunner): Promise<CheckSummary> {
  const request = messageSchemas.checkNow.safeParse(data);
  if (!request.success)
    return { checked: 0, postponed: 0, changes: [], problems: [t('watchlist.problem.notWatched')] };
  return runner.checkNow(request.data);
}

export async function handleGetChangeLog(data: unknown): Promise<Change[]> {
  const request = messageSchemas.getChangeLog.safeParse(data);
  if (!request.success) return [];
  return listChanges({ ...request.data, limit: request.data.limit ?? 500 });
}

export async function handleMarkSeen(): Promise<void> {
  await seenItem.setValue(await lastChangeId());
  await refreshUnseen();
}

/** "Clear all data": the watchlist (on every synced browser), local state, caches, keys, settings. */
export async function handleClearAll(): Promise<ActionResult> {
  try {
    const synced = Object.keys(await browser.storage.sync.get(null));
    await browser.storage.sync.remove(synced.filter((k) => isWatchKey(k) || k === 'settings'));
    await browser.storage.local.clear();
    await clearWatchDb();
    await clearSourceKeys();
    await refreshUnseen();
    await bumpRevision();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: t('watchlist.problem.clearFailed', { error: String(error).slice(0, 200) }) };
  }
}
