// Where API keys are kept: the extension origin's own IndexedDB. A content script, in Chrome and
// in Firefox alike, opens the page's IndexedDB, never the extension's, so a hostile page that
// subverts our content script still cannot read a key (`storage.local` gives it no such wall in
// Firefox). The background and the options page share this origin, so both read the same keys.
//
// Lifetime: IndexedDB `hostlens-keys`, one row per source; written by the options page, emptied
// by "clear all data"; schema versioned by IndexedDB itself (`upgrade`).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** One stored key and the origin it was entered for (see `key-binding.ts`). */
export interface KeyRow {
  source: string;
  key: string;
  origin: string;
}

interface KeyDb extends DBSchema {
  keys: { key: string; value: KeyRow };
}

const DB_NAME = 'hostlens-keys';
const DB_VERSION = 1;

let db: Promise<IDBPDatabase<KeyDb>> | null = null;

function openKeyDb(): Promise<IDBPDatabase<KeyDb>> {
  db ??= openDB<KeyDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('keys', { keyPath: 'source' });
    },
    // Another context (an old worker) holding an older version must let go.
    blocking() {
      void db?.then((d) => d.close());
      db = null;
    },
  });
  // A failed open is not kept: the next call tries again.
  db.catch(() => {
    db = null;
  });
  return db;
}

/** For tests: forget the open connection (after the fake IndexedDB is reset). */
export function closeKeyDb(): void {
  void db?.then((d) => d.close()).catch(() => undefined);
  db = null;
}

/** Every stored row, unchecked: the caller validates. */
export async function readKeyRows(): Promise<unknown[]> {
  return (await openKeyDb()).getAll('keys');
}

/** Replaces every stored row with `rows`, in one transaction: all of them or none. */
export async function replaceKeyRows(rows: KeyRow[]): Promise<void> {
  const tx = (await openKeyDb()).transaction('keys', 'readwrite');
  await tx.store.clear();
  for (const row of rows) await tx.store.put(row);
  await tx.done;
}

/** Adds `rows` for sources that have no row yet (a row already there is newer), in one transaction. */
export async function addMissingKeyRows(rows: KeyRow[]): Promise<void> {
  const tx = (await openKeyDb()).transaction('keys', 'readwrite');
  for (const row of rows) if (!(await tx.store.get(row.source))) await tx.store.put(row);
  await tx.done;
}

export async function clearKeyRows(): Promise<void> {
  await (await openKeyDb()).clear('keys');
}
