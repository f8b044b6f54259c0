// The watchlist: hosts the reader pinned. The Watchlist issue adds checks, notes and tags.
//
// Lifetime: `storage.sync` (follows the reader across browsers), versioned from day one.
// Every change is one read-modify-write of the whole list; writes happen only on a click.
import { storage } from 'wxt/utils/storage';

export interface WatchedHost {
  host: string;
  addedAt: number;
}

export const watchlistItem = storage.defineItem<WatchedHost[]>('sync:watchlist', {
  fallback: [],
  version: 1,
});

export async function isPinned(host: string): Promise<boolean> {
  return (await watchlistItem.getValue()).some((w) => w.host === host);
}

export async function pin(host: string, now = Date.now()): Promise<boolean> {
  const list = await watchlistItem.getValue();
  if (!list.some((w) => w.host === host)) await watchlistItem.setValue([...list, { host, addedAt: now }]);
  return true;
}

export async function unpin(host: string): Promise<boolean> {
  const list = await watchlistItem.getValue();
  await watchlistItem.setValue(list.filter((w) => w.host !== host));
  return false;
}
