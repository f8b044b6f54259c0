// What an import does to the list already watched. It only adds: a host is never removed, a
// pin date never moves, and a note the reader wrote is never replaced (a file's note only fills
// an empty one: the file may be an old backup or a colleague's list, and silently swapping or
// appending text would change words the reader chose). Tags are the union of both.
import { MAX_TAGS } from './limits';
import type { WatchEntry } from './model';

export interface MergedImport {
  /** New and changed entries only: what `saveWatched` must write, in one call. */
  toSave: WatchEntry[];
  added: number;
  updated: number;
  unchanged: number;
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

export function mergeImport(existing: WatchEntry[], imported: WatchEntry[]): MergedImport {
  const current = new Map(existing.map((e) => [e.host, e]));
  const next = new Map<string, WatchEntry>();
  for (const entry of imported) {
    const base = next.get(entry.host) ?? current.get(entry.host);
    next.set(
      entry.host,
      base
        ? {
            ...base,
            note: base.note || entry.note,
            tags: [...new Set([...base.tags, ...entry.tags])].slice(0, MAX_TAGS),
          }
        : entry,
    );
  }
  const result: MergedImport = { toSave: [], added: 0, updated: 0, unchanged: 0 };
  for (const [host, after] of next) {
    const before = current.get(host);
    if (!before) result.added++;
    else if (before.note !== after.note || !sameTags(before.tags, after.tags)) result.updated++;
    else {
      result.unchanged++;
      continue;
    }
    result.toSave.push(after);
  }
  return result;
}
