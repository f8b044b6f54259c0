// When storage fails: a full sync area, a full local area, a stored value that doesn't fit its
// schema. Each gives a message in words where the user looks, keeps what was there (a backup
// or the value itself), and leaves everything else working.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { readStoredKeys } from './support/key-db';
import { LookupPopup, setResolver, setSource } from './support/pages';
import { startPageServer, type StubServer } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

describe('storage faults', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  const sync = () => ext.worker.evaluate(() => (globalThis as any).chrome.storage.sync.get(null));

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({
      '/story.html':
        '<!doctype html><html><head><title>Story</title></head><body><p>mail1.trump-email.com and trump1.contact-client.com</p></body></html>',
    });
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    const popup = await ext.openExtensionPage('popup.html');
    await popup.evaluate(() =>
      (globalThis as any).chrome.runtime.sendMessage({
        id: 1,
        type: 'watchHost',
        data: { host: 'trump1.contact-client.com', note: 'the renamed server' },
        timestamp: Date.now(),
      }),
    );
    await popup.close();
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.stop();
  });

  it('settings that do not fit their schema: options say so, a copy is kept, defaults work, a save repairs', async () => {
    await ext.worker.evaluate(() =>
      (globalThis as any).chrome.storage.sync.set({
        settings: { version: 1, resolverUrl: 42, cardTrigger: 'x' },
      }),
    );
    const options = await ext.openExtensionPage('options.html');
    await options
      .getByRole('alert')
      .filter({
        hasText: 'Your saved settings could not be read; Hostlens is using its defaults. A copy was kept.',
      })
      .waitFor();
    const backup = await ext.worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.get('settingsBackup'),
    );
    expect(backup.settingsBackup.value).toEqual({ version: 1, resolverUrl: 42, cardTrigger: 'x' });
    // The watchlist is untouched, and saving the options writes readable settings again.
    expect((await sync())['watch:trump1.contact-client.com']).toMatchObject({ note: 'the renamed server' });
    await options.close();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    // That save wrote the defaults back: the real services' names, which reach the world's
    // stand-ins here (world.ts), never the services themselves.
    const reopened = await ext.openExtensionPage('options.html');
    await reopened.getByRole('button').first().waitFor();
    expect(await reopened.getByRole('alert').count()).toBe(0);
    await reopened.close();
  });

  it('an unreadable watch entry is reported on the watchlist page and left in place', async () => {
    await ext.worker.evaluate(() =>
      (globalThis as any).chrome.storage.sync.set({ 'watch:broken.example': 'not an entry' }),
    );
    const page = await ext.openExtensionPage('watchlist.html');
    await page
      .getByText('1 watched entry could not be read (broken.example); it is kept as it is, not deleted.')
      .waitFor();
    await page.locator('[data-host="trump1.contact-client.com"]').waitFor();
    expect((await sync())['watch:broken.example']).toBe('not an entry');
    await ext.worker.evaluate(() => (globalThis as any).chrome.storage.sync.remove('watch:broken.example'));
    await page.close();
  });

  it('a full sync area: pinning says so in words, and the list is kept', async () => {
    // Fill chrome.storage.sync (100 kB, 8 kB an item) until it refuses even a small item —
    // in few writes, as sync also limits writes to 120 a minute.
    const filled = await ext.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const big = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`filler${i}`, 'x'.repeat(8000)]));
      await chrome.storage.sync.set(big);
      let n = 100;
      for (const size of [1000, 200, 40]) {
        for (;;) {
          try {
            await chrome.storage.sync.set({ [`filler${n++}`]: 'x'.repeat(size) });
          } catch {
            break;
          }
        }
      }
      return chrome.storage.sync.getBytesInUse(null);
    });
    expect(filled).toBeGreaterThan(100_000);
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    const tabId = await ext.tabIdOf(tab);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Watch mail1.trump-email.com' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: 'Your browser’s sync storage is full, so the watchlist could not be saved.' })
      .waitFor();
    const stored = await sync();
    expect(stored['watch:mail1.trump-email.com']).toBeUndefined();
    // An options save that can't be completed is not applied at all: the key typed with it
    // (stored in the local area, which has room) is not kept either.
    const saved = await setSource(ext, 'Passive DNS server (COF)', {
      baseUrl: `http://127.0.0.1:9/${'p'.repeat(300)}/pdns/query/`,
      key: 'analyst:s3cret',
    });
    expect(saved).toBe(
      'Your browser’s sync storage is full, so nothing was saved. Remove some watched hosts or shorten notes, then try again.',
    );
    expect(JSON.stringify(await readStoredKeys(ext.worker))).not.toContain('s3cret');
    expect((await sync()).settings).toEqual(stored.settings);
    expect(stored['watch:trump1.contact-client.com']).toMatchObject({ note: 'the renamed server' });
    await ext.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const keys = Object.keys(await chrome.storage.sync.get(null)).filter((k) => k.startsWith('filler'));
      await chrome.storage.sync.remove(keys);
    });
    await Promise.all([popup.close(), tab.close()]);
  });

  it('a full local area: lookups still answer (kept answers are a saving, not a condition)', async () => {
    const filled = await ext.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      let n = 0;
      for (const size of [1_000_000, 100_000, 10_000, 1000]) {
        for (;;) {
          try {
            await chrome.storage.local.set({ [`filler${n}`]: 'x'.repeat(size) });
            n++;
          } catch {
            break;
          }
        }
      }
      return chrome.storage.local.getBytesInUse(null);
    });
    expect(filled).toBeGreaterThan(10_000_000);
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.records('A')).toEqual(['66.216.133.29']);
    // The watchlist and settings (sync) were not touched by the full local area.
    expect((await sync())['watch:trump1.contact-client.com']).toMatchObject({ note: 'the renamed server' });
    await popup.page.close();
  });
});
