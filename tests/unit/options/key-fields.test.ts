// The options page's key fields: a typed key is bound to its base URL's origin at save; an
// untouched key keeps the origin it was entered for, so changing a base URL never carries a key
// to the new server, and the field says so.
import { describe, expect, it } from 'vitest';
import { keyFields, keysPresent, keysToSave } from '@/components/key-fields';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const VT = 'https://www.virustotal.com';
const stored = { virustotal: { key: 'vt-key', origin: VT } };
const moved = { ...DEFAULT_SETTINGS, virustotal: { enabled: true, baseUrl: 'http://127.0.0.1:9/' } };

describe('key fields', () => {
  it('shows a key whose origin matches, with no note', () => {
    expect(keyFields(stored, {}, DEFAULT_SETTINGS)).toEqual({ text: { virustotal: 'vt-key' }, notes: {} });
  });

  it('hides a key entered for another origin and says it must be entered again', () => {
    expect(keyFields(stored, {}, moved)).toEqual({
      text: {},
      notes: {
        virustotal:
          'The key was entered for https://www.virustotal.com; the base URL now points to http://127.0.0.1:9. Enter the key again for http://127.0.0.1:9, or set the base URL back.',
      },
    });
    // Typing a key replaces the note by what was typed.
    expect(keyFields(stored, { virustotal: 'new' }, moved)).toEqual({
      text: { virustotal: 'new' },
      notes: {},
    });
  });

  it('a changed base URL does not carry the key along; a typed key is bound to the new origin', () => {
    expect(keysToSave(stored, {}, moved)).toEqual(stored);
    expect(keysToSave(stored, { virustotal: 'vt-key' }, moved)).toEqual({
      virustotal: { key: 'vt-key', origin: 'http://127.0.0.1:9' },
    });
    expect(keysToSave(stored, { virustotal: '' }, moved)).toEqual({});
    expect(keysPresent(stored, {}).virustotal).toBe(true);
    expect(keysPresent(stored, { virustotal: '' }).virustotal).toBe(false);
  });
});
