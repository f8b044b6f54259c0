// The API keys Hostlens keeps in its own IndexedDB (`hostlens-keys`), read from inside the
// extension's service worker: where a spec checks what was stored, and that nothing else was.
import type { Worker } from 'playwright-core';

export interface StoredKeyRow {
  source: string;
  key: string;
  origin: string;
}

/** Every stored key row (none before the store was first opened). */
export function readStoredKeys(worker: Worker): Promise<StoredKeyRow[]> {
  return worker.evaluate(async () => {
    const db: IDBDatabase | null = await new Promise((done) => {
      const open = indexedDB.open('hostlens-keys');
      // Not there yet: don't create it (an empty database would stop Hostlens's own upgrade).
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onsuccess = () => done(open.result);
      open.onerror = () => done(null);
    });
    if (!db) return [];
    return new Promise<StoredKeyRow[]>((done) => {
      const req = db.transaction('keys').objectStore('keys').getAll();
      req.onsuccess = () => done(req.result);
    });
  });
}
