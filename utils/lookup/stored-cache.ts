// Answers from history, registration and certificate sources, kept in `storage.local` so that
// a stopped service worker or a browser restart doesn't spend a source's small allowance again.
// Each entry is its own storage key (a write touches one answer, not all of them); a small index
// bounds how many are kept, oldest out first.
//
// Lifetime: `storage.local`, bounded by `maxEntries`; entries expire after their own TTL.
import { browser } from 'wxt/browser';

export interface StoredCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs: number): Promise<void>;
}

interface Entry<T> {
  value: T;
  expires: number;
}

type Index = Array<[key: string, expires: number]>;

export function createStoredCache<T>(
  name: string,
  { maxEntries = 300, now = Date.now }: { maxEntries?: number; now?: () => number } = {},
): StoredCache<T> {
  const prefix = `cache:${name}:`;
  const indexKey = `cacheIndex:${name}`;
  const memory = new Map<string, Entry<T>>();
  let index: Promise<Index> | null = null;
  const loadIndex = () =>
    (index ??= browser.storage.local.get(indexKey).then((got) => {
      const raw = got[indexKey];
      return Array.isArray(raw)
        ? (raw.filter(
            (e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number',
          ) as Index)
        : [];
    }));

  return {
    async get(key) {
      const hit = memory.get(key);
      if (hit) {
        if (hit.expires > now()) return hit.value;
        memory.delete(key);
        return undefined;
      }
      const got = await browser.storage.local.get(prefix + key).catch(() => ({}) as Record<string, unknown>);
      const stored = got[prefix + key] as Entry<T> | undefined;
      if (!stored || typeof stored.expires !== 'number' || stored.expires <= now()) return undefined;
      memory.set(key, stored);
      return stored.value;
    },
    async set(key, value, ttlMs) {
      const entry = { value, expires: now() + ttlMs };
      memory.set(key, entry);
      const before = (await loadIndex().catch(() => [] as Index)).filter(([k]) => k !== key);
      const list = before.filter(([, expires]) => expires > now());
      const dropped = before.filter(([, expires]) => expires <= now());
      list.push([key, entry.expires]);
      dropped.push(...list.splice(0, Math.max(0, list.length - maxEntries)));
      index = Promise.resolve(list);
      for (const [k] of dropped) memory.delete(k);
      try {
        if (dropped.length) await browser.storage.local.remove(dropped.map(([k]) => prefix + k));
        await browser.storage.local.set({ [prefix + key]: entry, [indexKey]: list });
      } catch {
        // Storage full (or failing): keeping an answer is a saving, never a condition. The
        // answer stays in memory for this worker; the lookup that produced it goes on.
      }
    },
  };
}
