// Which sources take an API key, and what a stored key looks like: shared by the key store, its
// migration and the options page.
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

/** A key and the origin (`https://host:port`) of the base URL it was entered for. */
export interface BoundKey {
  key: string;
  origin: string;
}
export type SourceKeys = Partial<Record<KeyedSource, BoundKey>>;

/** Printable ASCII without spaces at the ends: what every source's keys (and `user:password`) are. */
export const keyText = z
  .string()
  .max(500)
  .regex(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/, 'a key is printable text without spaces at the ends');
