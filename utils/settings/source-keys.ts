// API keys for history sources. They live in `storage.local` only — never synced to the user's
// other browsers, never logged, never sent anywhere but to the source they belong to.
//
// Lifetime: `storage.local`, versioned; an unreadable value is reported and kept, not replaced.
import { storage } from 'wxt/utils/storage';
import { z } from '../zod-jitless';

export const KEYED_SOURCES = [
  'mnemonic',
  'cof',
  'otx',
  'securitytrails',
  'virustotal',
  'dnsdb',
  'validin',
  'certspotter',
] as const;
export type KeyedSource = (typeof KEYED_SOURCES)[number];
export type SourceKeys = Partial<Record<KeyedSource, string>>;

const keysItem = storage.defineItem<SourceKeys>('local:sourceKeys', { fallback: {}, version: 1 });

/** Printable ASCII without spaces at the ends: what every source's keys (and `user:password`) are. */
const keyText = z
  .string()
  .max(500)
  .regex(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/, 'a key is printable text without spaces at the ends');

export const sourceKeysSchema = z.partialRecord(z.enum(KEYED_SOURCES), z.union([z.literal(''), keyText]));

export async function loadSourceKeys(): Promise<SourceKeys> {
  const parsed = sourceKeysSchema.safeParse(await keysItem.getValue());
  // A damaged value is left in place (the user can re-enter keys); lookups go without keys.
  return parsed.success ? parsed.data : {};
}

export async function saveSourceKeys(keys: SourceKeys): Promise<void> {
  const clean: SourceKeys = {};
  for (const [source, key] of Object.entries(sourceKeysSchema.parse(keys)))
    if (key) clean[source as KeyedSource] = key;
  await keysItem.setValue(clean);
}
