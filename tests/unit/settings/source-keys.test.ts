// The key store: keys live in the extension's IndexedDB, bound to the origin they were entered
// for; an older version's keys in storage.local are moved on first use, and a move that fails
// part-way keeps them where they were (fake IndexedDB, fake browser).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keyFor } from '@/utils/settings/key-binding';
import { closeKeyDb } from '@/utils/settings/key-db';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';
import {
  forgetKeyMigration,
  loadSourceKeys,
  readSourceKeys,
  saveSourceKeys,
} from '@/utils/settings/source-keys';

const VT = 'https://www.virustotal.com';

function freshStores() {
  fakeBrowser.reset();
  closeKeyDb();
  forgetKeyMigration();
  globalThis.indexedDB = new IDBFactory();
}

/** What a user of the previous version has in storage.local (WXT's versioned item and its meta). */
async function legacyKeys(value: unknown) {
  await fakeBrowser.storage.local.set({ sourceKeys: value, sourceKeys$: { v: 1 } });
}

describe('key store', () => {
  beforeEach(freshStores);

  it('keeps keys in IndexedDB, with their origin, and nothing in storage.local', async () => {
    await saveSourceKeys({ virustotal: { key: 'vt-key', origin: VT } });
    expect(await loadSourceKeys()).toEqual({ virustotal: { key: 'vt-key', origin: VT } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('vt-key');
  });

  it('refuses a key with spaces at its ends or an origin that is a full URL', async () => {
    await expect(saveSourceKeys({ otx: { key: ' k', origin: VT } })).rejects.toThrow();
    await expect(saveSourceKeys({ otx: { key: 'k', origin: `${VT}/api/` } })).rejects.toThrow();
  });
});

describe('key binding', () => {
  const keys = { virustotal: { key: 'vt-key', origin: VT } };
  it.each([
    ['the same base URL', `${VT}/`, 'usable'],
    ['another path on the same origin', `${VT}/proxy/v3/`, 'usable'],
    ['another host', 'https://vt.attacker.example/', 'moved'],
    ['another port', 'https://www.virustotal.com:8443/', 'moved'],
    ['another scheme', 'http://www.virustotal.com/', 'moved'],
  ])('%s → %s', (_what, baseUrl, state) => {
    expect(keyFor(keys, 'virustotal', baseUrl).state).toBe(state);
  });

  it('names where the key was entered and where the base URL points now', () => {
    expect(keyFor(keys, 'virustotal', 'http://127.0.0.1:9000/vt/')).toEqual({
      state: 'moved',
      from: VT,
      to: 'http://127.0.0.1:9000',
    });
    expect(keyFor(keys, 'otx', 'https://otx.alienvault.com/')).toEqual({ state: 'none' });
  });
});

describe('moving an older version’s keys out of storage.local', () => {
  beforeEach(freshStores);

  it('moves them, bound to the origins of the base URLs in the current settings, then removes the old value', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      cof: { enabled: true, baseUrl: 'https://pdns.example.org:8443/pdns/query/' },
    });
    await legacyKeys({ virustotal: 'vt-key', cof: 'analyst:s3cret', otx: '' });
    expect(await readSourceKeys()).toEqual({
      keys: {
        virustotal: { key: 'vt-key', origin: VT },
        cof: { key: 'analyst:s3cret', origin: 'https://pdns.example.org:8443' },
      },
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps the old value and says so when IndexedDB cannot be written; moves it on a later start', async () => {
    await legacyKeys({ virustotal: 'vt-key' });
    const working = globalThis.indexedDB;
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      },
    } as unknown as IDBFactory;
    const failed = await readSourceKeys();
    expect(failed.keys).toEqual({});
    expect(failed.problem).toMatch(
      /^Your API keys from an earlier version could not be moved .*disk is full/,
    );
    expect(await fakeBrowser.storage.local.get('sourceKeys')).toEqual({
      sourceKeys: { virustotal: 'vt-key' },
    });

    globalThis.indexedDB = working;
    closeKeyDb();
    expect(await readSourceKeys()).toEqual({ keys: { virustotal: { key: 'vt-key', origin: VT } } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps the old value when removing it fails after the write (halfway), and finishes next time', async () => {
    await legacyKeys({ virustotal: 'vt-key' });
    const remove = fakeBrowser.storage.local.remove;
    fakeBrowser.storage.local.remove = () => Promise.reject(new Error('storage is busy'));
    try {
      const halfway = await readSourceKeys();
      // The key is usable from its new place already, and still in its old one.
      expect(halfway.keys).toEqual({ virustotal: { key: 'vt-key', origin: VT } });
      expect(halfway.problem).toMatch(/storage is busy/);
      expect(await fakeBrowser.storage.local.get('sourceKeys')).toEqual({
        sourceKeys: { virustotal: 'vt-key' },
      });
    } finally {
      fakeBrowser.storage.local.remove = remove;
    }
    // A key the user saved meanwhile is newer than the old one and is kept.
    await saveSourceKeys({ virustotal: { key: 'newer-key', origin: VT } });
    expect(await readSourceKeys()).toEqual({ keys: { virustotal: { key: 'newer-key', origin: VT } } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('leaves an old value it cannot read where it was, moves what it can, and says so', async () => {
    await legacyKeys({ virustotal: 'vt-key', otx: '  spaced  ' });
    const loaded = await readSourceKeys();
    expect(loaded.keys).toEqual({ virustotal: { key: 'vt-key', origin: VT } });
    expect(loaded.problem).toBe(
      'Some API keys saved by an earlier version could not be read; they were left where they were. Enter them again here.',
    );
    expect(await fakeBrowser.storage.local.get('sourceKeys')).toEqual({
      sourceKeys: { virustotal: 'vt-key', otx: '  spaced  ' },
    });
  });

  it('does nothing when there is nothing to move', async () => {
    expect(await readSourceKeys()).toEqual({ keys: {} });
  });
});
