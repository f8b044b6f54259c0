// A key belongs to the server it was entered for. Each stored key carries the origin of its
// source's base URL at the moment the user saved it; it is used only while the base URL still
// points at that origin. If the base URL is later rewritten (by a synced settings change, a
// mistake, or anything that can write settings), the key is not sent to the new server: the
// source acts as one without a key, and Hostlens says where the key was entered and that it must
// be entered again for the new server. `fetchText` checks the same binding once more, next to
// the request itself.
import type { BoundKey, KeyedSource, SourceKeys } from './keyed-sources';

/** `https://host:port` of a URL, or null for text that is no http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export type KeyState =
  | { state: 'none' }
  | { state: 'usable'; key: BoundKey }
  /** Entered for `from`; the base URL now points at `to`. */
  | { state: 'moved'; from: string; to: string };

/** Whether `source`'s stored key may go to its base URL as now set. */
export function keyFor(keys: SourceKeys, source: KeyedSource, baseUrl: string): KeyState {
  const bound = keys[source];
  if (!bound) return { state: 'none' };
  const origin = originOf(baseUrl);
  if (origin !== null && origin === bound.origin) return { state: 'usable', key: bound };
  return { state: 'moved', from: bound.origin, to: origin ?? baseUrl };
}
