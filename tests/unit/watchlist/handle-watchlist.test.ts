import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isExtensionPage } from '@/utils/messages/sender';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/utils/settings/settings';
import {
  handleClearAll,
  handleGetWatchlist,
  handleMarkSeen,
  handleWatchHost,
} from '@/utils/watchlist/handle-watchlist';
import { closeKeyDb } from '@/utils/settings/key-db';
import { loadSourceKeys, saveSourceKeys } from '@/utils/settings/source-keys';
import { closeWatchDb, recordCheck } from '@/utils/watchlist/watch-db';
import { explainStorageError, listWatched, pin } from '@/utils/watchlist/watchlist-store';

describe('watchlist messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    closeWatchDb();
    closeKeyDb();
    globalThis.indexedDB = new IDBFactory();
  });

  it('only the extension’s own pages count as trusted senders', () => {
    const page = browser.runtime.getURL('/watchlist.html');
    expect(isExtensionPage({ id: browser.runtime.id, url: page })).toBe(true);
    expect(isExtensionPage({ id: browser.runtime.id, url: 'https://news.example/story' })).toBe(false);
    expect(isExtensionPage({ id: 'another-extension', url: page })).toBe(false);
    expect(isExtensionPage({ id: browser.runtime.id })).toBe(false);
    expect(isExtensionPage(undefined)).toBe(false);
  });

  it.each([
    ['QUOTA_BYTES quota exceeded', 'full'],
    ['Resource::kQuotaBytes quota exceeded', 'full'],
    ['Resource::kMaxItems quota exceeded', 'full'],
    ['MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'busy'],
    ['Resource::kMaxWriteOperationsPerHour quota exceeded', 'busy'],
  ])('explains the sync error “%s” in words', (message, kind) => {
    const words = explainStorageError(new Error(message));
    expect(words).toMatch(kind === 'full' ? /sync storage is full/ : /^((?!full).)*$/);
    expect(words).not.toContain('quota');
  });

  it('reports an unreadable watch entry in words and leaves it where it is', async () => {
    await pin('mail1.trump-email.com', 1);
    await browser.storage.sync.set({ 'watch:bad.example': 'not an entry' });
    const view = await handleGetWatchlist();
    expect(view.rows.map((r) => r.host)).toEqual(['mail1.trump-email.com']);
    expect(view.problem).toBe(
      '1 watched entry could not be read (bad.example); it is kept as it is, not deleted.',
    );
    expect(await browser.storage.sync.get('watch:bad.example')).toEqual({
      'watch:bad.example': 'not an entry',
    });
  });

  it('pins with a note and tags, then updates them without losing the pin date', async () => {
    expect(
      await handleWatchHost({ host: 'mail1.trump-email.com', note: 'story', tags: ['a', 'a', 'b'] }, 5),
    ).toEqual({
      ok: true,
    });
    expect(await handleWatchHost({ host: 'mail1.trump-email.com', note: 'changed' }, 9)).toEqual({
      ok: true,
    });
    expect(await listWatched()).toEqual([
      { host: 'mail1.trump-email.com', addedAt: 5, note: 'changed', tags: ['a', 'b'] },
    ]);
    expect(await handleWatchHost({ host: 'Not A Host!' })).toMatchObject({ ok: false });
  });

  it('lists each host with its state and unseen changes, until they are marked seen', async () => {
    await pin('mail1.trump-email.com', 1);
    await recordCheck(
      {
        host: 'mail1.trump-email.com',
        lastCheckedAt: 10,
        nextCheckAt: 20,
        lastChangeAt: 10,
        failures: 0,
        snapshot: {
          takenAt: 10,
          resolver: 'r',
          status: 'NOERROR',
          records: { A: ['192.0.2.1'] },
          namesOnAddresses: {},
          incomplete: [],
        },
      },
      [
        {
          host: 'mail1.trump-email.com',
          at: 10,
          kind: 'added',
          subject: 'A',
          value: '192.0.2.1',
          message: 'm',
        },
      ],
    );
    const view = await handleGetWatchlist();
    expect(view).toMatchObject({
      unseen: 1,
      rows: [
        { host: 'mail1.trump-email.com', status: 'NOERROR', addresses: ['192.0.2.1'], unseenChanges: 1 },
      ],
    });
    await handleMarkSeen();
    expect((await handleGetWatchlist()).unseen).toBe(0);
  });

  it('"Clear all data" removes the watchlist, local data, keys and settings', async () => {
    await pin('a.example');
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 900 });
    await saveSourceKeys({ otx: { key: 'k', origin: 'https://otx.alienvault.com' } });
    await fakeBrowser.storage.local.set({ sourceKeys: { otx: 'k' } });
    expect(await handleClearAll()).toEqual({ ok: true });
    expect(await listWatched()).toEqual([]);
    expect((await loadSettings()).settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(await fakeBrowser.storage.local.get('sourceKeys')).toEqual({});
    expect(await loadSourceKeys()).toEqual({});
  });
});
