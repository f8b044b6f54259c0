// API keys for history sources: kept in the extension origin's IndexedDB (`key-db.ts`), never in
// `storage.local` or `storage.sync`, never logged, and each bound to the origin it was entered
// for (`key-binding.ts`). The background reads them for lookups; the options page (same origin)
// reads and writes them.
//
// Lifetime: IndexedDB `hostlens-keys`. Keys an older version kept in `storage.local` are moved
// here on first use (`key-migration.ts`). A row that does not fit the schema is ignored (the
// source goes without a key) until the user saves keys on the options page again.
import { t } from '../i18n/messages';
import { z } from '../zod-jitless';
import { originOf } from './key-binding';
import { clearKeyRows, readKeyRows, replaceKeyRows } from './key-db';
import { migrateLegacyKeys } from './key-migration';
import { KEYED_SOURCES, keyText, type SourceKeys } from './keyed-sources';

const origin = z
  .string()
  .max(300)
  .refine((o) => originOf(o) === o, 'not an origin');

const keyRow = z.object({ source: z.enum(KEYED_SOURCES), key: keyText, origin });

export interface LoadedKeys {
  keys: SourceKeys;
  /** Set when keys an older version kept could not be moved (they are still where they were). */
  problem?: string;
}

let migrated: Promise<string | undefined> | null = null;

/** The stored keys; the first call in a context moves an older version's keys first. */
export async function readSourceKeys(): Promise<LoadedKeys> {
  migrated ??= migrateLegacyKeys();
  const problem = await migrated;
  // A failed move is tried again by the next reader.
  if (problem) migrated = null;
  const keys: SourceKeys = {};
  let rows: unknown[];
  try {
    rows = await readKeyRows();
  } catch (error) {
    // Lookups go without keys rather than fail; the options page says why.
    const unreadable = t('options.keysUnreadable', { error: String(error).slice(0, 200) });
    return { keys, problem: problem ? `${problem} ${unreadable}` : unreadable };
  }
  for (const raw of rows) {
    const row = keyRow.safeParse(raw);
    if (row.success) keys[row.data.source] = { key: row.data.key, origin: row.data.origin };
  }
  return problem ? { keys, problem } : { keys };
}

export async function loadSourceKeys(): Promise<SourceKeys> {
  return (await readSourceKeys()).keys;
}

/** Stores exactly `keys` (a source left out has no key any more). Throws on a malformed key. */
export async function saveSourceKeys(keys: SourceKeys): Promise<void> {
  const rows = Object.entries(keys)
    .filter(([, bound]) => bound && bound.key)
    .map(([source, bound]) => keyRow.parse({ source, ...bound }));
  await replaceKeyRows(rows);
}

/** "Clear all data". */
export async function clearSourceKeys(): Promise<void> {
  await clearKeyRows();
}

/** For tests: the next reader checks for an older version's keys again. */
export function forgetKeyMigration(): void {
  migrated = null;
}
