// The options page's key fields: what each shows, and what a save stores. A key is bound to the
// origin of its source's base URL when the user types it and saves (`key-binding.ts`). A key
// left untouched keeps the origin it was entered for, even when the base URL is changed in the
// same save: changing where a source points never carries the key along. Such a key is not shown
// in its field; a line under the field says where it was entered and that it must be entered
// again for the new server.
import { t } from '@/utils/i18n/messages';
import { keyFor, originOf } from '@/utils/settings/key-binding';
import { KEYED_SOURCES, type KeyedSource, type SourceKeys } from '@/utils/settings/keyed-sources';
import type { Settings } from '@/utils/settings/settings';
import type { KeyFields } from './history-sources';

/** Keys typed on the page since it was loaded (an empty text deletes the key). */
export type TypedKeys = Partial<Record<KeyedSource, string>>;

export function keyFields(stored: SourceKeys, typed: TypedKeys, settings: Settings): KeyFields {
  const fields: KeyFields = { text: {}, notes: {} };
  for (const source of KEYED_SOURCES) {
    const text = typed[source];
    if (text !== undefined) {
      fields.text[source] = text;
      continue;
    }
    const state = keyFor(stored, source, settings[source].baseUrl);
    if (state.state === 'usable') fields.text[source] = state.key.key;
    if (state.state === 'moved')
      fields.notes[source] = t('sources.keyMovedNote', { from: state.from, to: state.to });
  }
  return fields;
}

/** Which sources will have a key after the save, for the "needs a key" check. */
export function keysPresent(stored: SourceKeys, typed: TypedKeys): Partial<Record<KeyedSource, boolean>> {
  const present: Partial<Record<KeyedSource, boolean>> = {};
  for (const source of KEYED_SOURCES) present[source] = Boolean(typed[source] ?? stored[source]);
  return present;
}

/** The keys to store with `saved` settings: typed ones bound to their base URL's origin now. */
export function keysToSave(stored: SourceKeys, typed: TypedKeys, saved: Settings): SourceKeys {
  const next: SourceKeys = {};
  for (const source of KEYED_SOURCES) {
    const text = typed[source];
    if (text === undefined) {
      if (stored[source]) next[source] = stored[source];
      continue;
    }
    const origin = originOf(saved[source].baseUrl);
    if (text && origin) next[source] = { key: text, origin };
  }
  return next;
}
