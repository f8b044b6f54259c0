// Moves API keys an older version kept in `storage.local` (`local:sourceKeys`, readable by a
// content script in Firefox) into the extension's IndexedDB. Write, read back, and only then
// remove the old value; if any step fails, the old value stays where it was and the problem is
// reported (the options page shows it), so a user's key is never lost on the way. Running it
// again after a failure, or from two contexts at once, is harmless: a source that already has a
// row in IndexedDB keeps it.
//
// Each moved key is bound to the origin of its source's base URL in the current settings. We
// have no record of where the user first typed it; the current base URL is where the older
// version would have sent it on the next lookup anyway, so binding it there takes nothing away,
// and from now on a rewritten base URL no longer receives it.
import { storage } from 'wxt/utils/storage';
import { t } from '../i18n/messages';
import { loadSettings } from './settings';
import { originOf } from './key-binding';
import { addMissingKeyRows, readKeyRows, type KeyRow } from './key-db';
import { KEYED_SOURCES, keyText, type KeyedSource } from './keyed-sources';

const LEGACY_KEY = 'local:sourceKeys';

/** Returns a problem to show, or undefined when there was nothing to move or all of it moved. */
export async function migrateLegacyKeys(): Promise<string | undefined> {
  try {
    const legacy: unknown = await storage.getItem(LEGACY_KEY);
    if (legacy === null || legacy === undefined) return undefined;
    const { settings } = await loadSettings();
    const rows: KeyRow[] = [];
    let unreadable = typeof legacy !== 'object' || Array.isArray(legacy);
    for (const [source, value] of Object.entries(unreadable ? {} : (legacy as object))) {
      if (value === '') continue; // an empty field, saved by an older version: nothing to move
      const key = keyText.safeParse(value);
      const origin = (KEYED_SOURCES as readonly string[]).includes(source)
        ? originOf(settings[source as KeyedSource].baseUrl)
        : null;
      if (!key.success || origin === null) {
        unreadable = true;
        continue;
      }
      rows.push({ source, key: key.data, origin });
    }
    const before = new Set((await readKeyRows()).map((row) => (row as KeyRow).source));
    await addMissingKeyRows(rows);
    const after = (await readKeyRows()) as KeyRow[];
    const landed = rows.every((row) =>
      before.has(row.source)
        ? after.some((a) => a.source === row.source)
        : after.some((a) => a.source === row.source && a.key === row.key && a.origin === row.origin),
    );
    if (!landed) return t('options.keysNotMoved', { error: 'not found after writing' });
    // Something we could not read stays where it was, for the user (or a later version) to see.
    if (unreadable) return t('options.keysPartlyUnreadable');
    await storage.removeItem(LEGACY_KEY, { removeMeta: true });
    return undefined;
  } catch (error) {
    return t('options.keysNotMoved', { error: String(error).slice(0, 200) });
  }
}
