// The watchlist: hosts the reader pinned, with a note and tags. It follows the reader across
// browsers through `storage.sync`, one key per host (`watch:<host>`): each pin is its own small
// write, two browsers editing different hosts never overwrite each other, and the 8 kB per-item
// quota holds for any one host.
//
// Lifetime: `storage.sync`, versioned (`watchlistVersion`). Version 1 kept the whole list in
// one `watchlist` key; `migrateWatchlist` moves it and removes the old key only after the new
// ones are written — a failed migration leaves the old list in place and says so.
import { browser } from 'wxt/browser';
import { t } from '../i18n/messages';
import { MAX_NOTE, MAX_TAGS } from './limits';
import type { WatchEntry } from './model';

const PREFIX = 'watch:';
const VERSION_KEY = 'watchlistVersion';
export const WATCHLIST_VERSION = 2;

type Stored = Omit<WatchEntry, 'host'>;

export class WatchlistError extends Error {}

/**
 * Plain words for the browser's sync quota errors, whose messages name the quota — each browser
 * its own way: `QUOTA_BYTES quota exceeded` (Firefox, older Chrome), `Resource::kQuotaBytes
 * quota exceeded` (Chromium today, found by tests/e2e/storage-faults.e2e.test.ts).
 */
export function syncQuotaKind(error: unknown): 'full' | 'busy' | null {
  const named = (error instanceof Error ? error.message : String(error)).replace(/_/g, '').toLowerCase();
  if (named.includes('quotabytes') || named.includes('maxitems')) return 'full';
  if (named.includes('maxwriteoperations')) return 'busy';
  return null;
}

export function explainStorageError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const kind = syncQuotaKind(error);
  if (kind === 'full') return t('watchlist.problem.syncFull');
  if (kind === 'busy') return t('watchlist.problem.syncBusy');
  return t('watchlist.problem.notSaved', { error: text.slice(0, 200) });
}

function fromStored(host: string, raw: unknown): WatchEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Partial<Stored>;
  return {
    host,
    addedAt: typeof r.addedAt === 'number' && Number.isFinite(r.addedAt) ? r.addedAt : 0,
    note: typeof r.note === 'string' ? r.note.slice(0, MAX_NOTE) : '',
    tags: Array.isArray(r.tags)
      ? r.tags.filter((t): t is string => typeof t === 'string').slice(0, MAX_TAGS)
      : [],
  };
}

export async function listWatched(): Promise<WatchEntry[]> {
  const all = await browser.storage.sync.get(null);
  const entries: WatchEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const entry = fromStored(key.slice(PREFIX.length), value);
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => a.addedAt - b.addedAt || a.host.localeCompare(b.host));
}

/**
 * Watch entries that can't be read (not an object: written by a broken or foreign version).
 * They are left exactly where they are — never deleted — and reported, so nothing is lost.
 */
export async function unreadableWatched(): Promise<string[]> {
  const all = await browser.storage.sync.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && fromStored(key.slice(PREFIX.length), value) === null)
    .map(([key]) => key.slice(PREFIX.length))
    .sort();
}

export async function getWatched(host: string): Promise<WatchEntry | null> {
  const got = await browser.storage.sync.get(PREFIX + host);
  return fromStored(host, got[PREFIX + host]);
}

export async function isPinned(host: string): Promise<boolean> {
  return (await getWatched(host)) !== null;
}

/** Writes entries (new or changed) in one storage operation; throws a `WatchlistError` in plain words. */
export async function saveWatched(entries: WatchEntry[]): Promise<void> {
  const items: Record<string, Stored> = {};
  for (const { host, addedAt, note, tags } of entries)
    items[PREFIX + host] = { addedAt, note: note.slice(0, MAX_NOTE), tags: tags.slice(0, MAX_TAGS) };
  try {
    await browser.storage.sync.set(items);
  } catch (error) {
    throw new WatchlistError(explainStorageError(error));
  }
}

export async function pin(host: string, now = Date.now()): Promise<boolean> {
  if (!(await isPinned(host))) await saveWatched([{ host, addedAt: now, note: '', tags: [] }]);
  return true;
}

export async function unpin(host: string): Promise<boolean> {
  await browser.storage.sync.remove(PREFIX + host);
  return false;
}

export const isWatchKey = (key: string) => key.startsWith(PREFIX) || key === VERSION_KEY;

/**
 * Brings a stored watchlist of an older version to the current one. Returns a problem to show
 * when it could not; the old data then stays exactly where it was.
 */
export async function migrateWatchlist(now = Date.now()): Promise<string | undefined> {
  const got = await browser.storage.sync.get([VERSION_KEY, 'watchlist']);
  const version = typeof got[VERSION_KEY] === 'number' ? got[VERSION_KEY] : got.watchlist ? 1 : 0;
  if (version >= WATCHLIST_VERSION) return undefined;
  if (version === 0) {
    await browser.storage.sync.set({ [VERSION_KEY]: WATCHLIST_VERSION });
    return undefined;
  }
  try {
    const old: unknown = got.watchlist;
    if (!Array.isArray(old)) throw new Error('the stored list is not a list');
    const entries: WatchEntry[] = [];
    for (const item of old) {
      const host = (item as { host?: unknown } | null)?.host;
      if (typeof host !== 'string') throw new Error('a stored entry has no host');
      const addedAt = (item as { addedAt?: unknown }).addedAt;
      entries.push({ host, addedAt: typeof addedAt === 'number' ? addedAt : now, note: '', tags: [] });
    }
    await saveWatched(entries);
    await browser.storage.sync.set({ [VERSION_KEY]: WATCHLIST_VERSION });
    await browser.storage.sync.remove('watchlist');
    return undefined;
  } catch (error) {
    await browser.storage.local.set({ watchlistBackup: { savedAt: now, value: got.watchlist ?? null } });
    return t('watchlist.problem.migrationFailed', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
