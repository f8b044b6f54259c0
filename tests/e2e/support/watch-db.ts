// The watchlist's IndexedDB state, read and nudged from inside the extension's service worker:
// what a test needs to see whether a check happened, and to make hosts due "as time passing
// would" without waiting for it.
import type { Worker } from 'playwright-core';

export interface StoredWatchState {
  host: string;
  lastCheckedAt?: number;
  nextCheckAt: number;
  failures: number;
}

/** Every stored watch state. */
export function readWatchStates(worker: Worker): Promise<StoredWatchState[]> {
  return worker.evaluate(async () => {
    const db: IDBDatabase = await new Promise((done, fail) => {
      const open = indexedDB.open('hostlens-watch');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    return new Promise<StoredWatchState[]>((done) => {
      const req = db.transaction('state').objectStore('state').getAll();
      req.onsuccess = () => done(req.result);
    });
  });
}

/** Makes `hosts` due now (their next check set to 0). */
export function makeDue(worker: Worker, hosts: string[]): Promise<void> {
  return worker.evaluate(async (wanted) => {
    const db: IDBDatabase = await new Promise((done, fail) => {
      const open = indexedDB.open('hostlens-watch');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const store = db.transaction('state', 'readwrite').objectStore('state');
    for (const host of wanted)
      await new Promise<void>((done) => {
        const get = store.get(host);
        get.onsuccess = () => void (store.put({ ...get.result, nextCheckAt: 0 }).onsuccess = () => done());
      });
  }, hosts);
}
