// What stays on this computer about watched hosts: each host's check state and last snapshot,
// and the change log. IndexedDB (through `idb`): the log can grow to thousands of entries and
// is read a page at a time, which `storage.local` can't do without loading everything.
//
// Lifetime: IndexedDB `hostlens-watch`, schema versioned by IndexedDB itself (`upgrade`), bounded
// by `pruneChanges` (oldest first, by count and by age).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Change, WatchState } from './model';

interface WatchDb extends DBSchema {
  state: { key: string; value: WatchState };
  changes: { key: number; value: Change; indexes: { at: number; host: string } };
}

const DB_NAME = 'hostlens-watch';
export const DB_VERSION = 1;

let db: Promise<IDBPDatabase<WatchDb>> | null = null;

export function openWatchDb(): Promise<IDBPDatabase<WatchDb>> {
  db ??= openDB<WatchDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      // One step per version, so a database of any age reaches the current one.
      if (oldVersion < 1) {
        database.createObjectStore('state', { keyPath: 'host' });
        const changes = database.createObjectStore('changes', { keyPath: 'id', autoIncrement: true });
        changes.createIndex('at', 'at');
        changes.createIndex('host', 'host');
      }
    },
    // Another context (an old worker) holding an older version must let go.
    blocking() {
      void db?.then((d) => d.close());
      db = null;
    },
  });
  return db;
}

/** For tests: forget the open connection (after the fake IndexedDB is reset). */
export function closeWatchDb(): void {
  void db?.then((d) => d.close());
  db = null;
}

export async function getState(host: string): Promise<WatchState | undefined> {
  return (await openWatchDb()).get('state', host);
}

export async function allStates(): Promise<WatchState[]> {
  return (await openWatchDb()).getAll('state');
}

export async function putState(state: WatchState): Promise<void> {
  await (await openWatchDb()).put('state', state);
}

export async function deleteState(host: string): Promise<void> {
  await (await openWatchDb()).delete('state', host);
}

/** Stores the check's state and its changes together: both or neither. */
export async function recordCheck(state: WatchState, changes: Change[]): Promise<Change[]> {
  const database = await openWatchDb();
  const tx = database.transaction(['state', 'changes'], 'readwrite');
  const stored: Change[] = [];
  for (const change of changes) {
    const { id: _id, ...rest } = change;
    const id = await tx.objectStore('changes').add(rest as Change);
    stored.push({ ...rest, id });
  }
  await tx.objectStore('state').put(state);
  await tx.done;
  return stored;
}

/** Newest first; `host` narrows to one host, `afterId` to changes newer than an id. */
export async function listChanges(
  options: { host?: string; limit?: number; afterId?: number } = {},
): Promise<Change[]> {
  const { host, limit = 200, afterId = 0 } = options;
  const database = await openWatchDb();
  const out: Change[] = [];
  let cursor = await database.transaction('changes').store.openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    if (cursor.value.id! <= afterId) break;
    if (!host || cursor.value.host === host) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function countChangesAfter(afterId: number): Promise<number> {
  const database = await openWatchDb();
  return database.count('changes', IDBKeyRange.lowerBound(afterId, true));
}

export async function lastChangeId(): Promise<number> {
  const database = await openWatchDb();
  const cursor = await database.transaction('changes').store.openCursor(null, 'prev');
  return cursor?.value.id ?? 0;
}

/** Keeps at most `maxEntries` changes, none older than `maxAgeMs`; oldest go first. */
export async function pruneChanges(maxEntries: number, maxAgeMs: number, now = Date.now()): Promise<number> {
  const database = await openWatchDb();
  const tx = database.transaction('changes', 'readwrite');
  let excess = (await tx.store.count()) - maxEntries;
  let removed = 0;
  let cursor = await tx.store.openCursor();
  while (cursor && (excess > 0 || cursor.value.at < now - maxAgeMs)) {
    await cursor.delete();
    excess--;
    removed++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

export async function clearWatchDb(): Promise<void> {
  const database = await openWatchDb();
  const tx = database.transaction(['state', 'changes'], 'readwrite');
  await tx.objectStore('state').clear();
  await tx.objectStore('changes').clear();
  await tx.done;
}
