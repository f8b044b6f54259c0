// A content script runs inside a hostile page: whatever it sends the background may have been
// shaped by that page. Sent from the content script's own world (found through the DevTools
// protocol), every message the table (`MESSAGE_SENDERS`) doesn't allow from a content script —
// those that would change the watchlist, settings or keys, read the watchlist, export, or that
// only the background sends — is refused with the one refusal error; the only change a content
// script may ask for is the card's Pin for a host its own page shows. Settings, keys and the
// watchlist are compared before and after.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_SENDERS, refusalMessage, type ProtocolMap } from '../../utils/messages/protocol';
import { launchExtension } from './support/browser';
import { contentScriptWorld, inContentScript } from './support/content-world';
import { readStoredKeys } from './support/key-db';
import { setSource } from './support/pages';
import { startPageServer, type StubServer } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const story = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');

/** What an extension page would send; a message left out here is sent without data. */
const PLAUSIBLE: Partial<Record<keyof ProtocolMap, unknown>> = {
  unpinHost: 'trump1.contact-client.com',
  watchHost: { host: 'planted.example.com', note: 'planted' },
  checkNow: null,
  getChangeLog: { limit: 10 },
  exportWatchlist: 'json',
  importWatchlist: {
    format: 'json',
    text: JSON.stringify({
      format: 'hostlens-watchlist',
      version: 2,
      hosts: [{ host: 'planted.example.com' }],
    }),
  },
  exportEvidence: { tabId: 1 },
};
const refusedFromPages = Object.entries(MESSAGE_SENDERS).filter(([, sender]) => sender !== 'contentScript');

describe('messages from a content script', () => {
  let ext: Extension;
  let pages: StubServer;
  const stored = async () => ({
    ...(await ext.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const sync = await chrome.storage.sync.get(null);
      const watched = Object.keys(sync)
        .filter((k) => k.startsWith('watch:'))
        .sort();
      return {
        settings: sync.settings,
        watched,
        notes: watched.map((k) => sync[k]),
        // Only whether the key is there: caches and budgets in storage.local change on their own.
        keyInLocal: JSON.stringify(await chrome.storage.local.get(null)).includes('users-own-key'),
      };
    })),
    keys: await readStoredKeys(ext.worker),
  });

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({ '/story.html': story });
    // The user's own state, set from Hostlens's pages: one source key typed in the options
    // page, one pinned host.
    expect(await setSource(ext, 'VirusTotal', { enabled: false, key: 'users-own-key' })).toBe('Saved.');
    const popup = await ext.openExtensionPage('popup.html');
    const pinned = await popup.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      return chrome.runtime.sendMessage({
        id: 1,
        type: 'watchHost',
        data: { host: 'trump1.contact-client.com' },
        timestamp: Date.now(),
      });
    });
    expect(pinned.res).toMatchObject({ ok: true });
    await popup.close();
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.stop();
  });

  it('is refused every message the table keeps from content scripts, with the refusal error', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    const send = await inContentScript(tab, ext.extensionId);
    const before = await stored();
    expect(before.watched).toEqual(['watch:trump1.contact-client.com']);
    expect(before.keys).toEqual([
      { source: 'virustotal', key: 'users-own-key', origin: 'https://www.virustotal.com' },
    ]);
    // Kept in the extension's IndexedDB, which a content script cannot open; not in storage.local.
    expect(before.keyInLocal).toBe(false);

    expect(refusedFromPages.length).toBeGreaterThan(10);
    for (const [type] of refusedFromPages) {
      const reply = await send(type, PLAUSIBLE[type as keyof ProtocolMap]);
      expect(reply, type).toEqual({
        err: expect.objectContaining({ message: refusalMessage(type, 'a content script') }),
      });
    }
    // The card's Pin, for a host that is not on this page: answered "not pinned", nothing pinned.
    expect(await send('pinHost', 'planted.example.com')).toEqual({ res: false });
    // No such messages exist: settings and keys are written by the options page only.
    for (const [type, data] of [
      ['saveSettings', { resolver: { url: 'https://attacker.example/dns-query' } }],
      ['setSourceKey', { source: 'virustotal', key: 'attacker' }],
    ] as const) {
      const reply = await send(type, data).catch((error: Error) => ({ thrown: error.message }));
      expect(JSON.stringify(reply), type).not.toMatch(/"ok":true|users-own-key/);
    }
    expect(await stored()).toEqual(before);
    await tab.close();
  });

  it('cannot read storage: settings, the watchlist and what is kept locally stay out of reach', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    const world = await contentScriptWorld(tab, ext.extensionId);
    for (const area of ['sync', 'local']) {
      const read = (await world.evaluate(`chrome.storage.${area}.get(null).then(
        (items) => ({ items }),
        (error) => ({ refused: String(error?.message ?? error) }),
      )`)) as { items?: Record<string, unknown>; refused?: string };
      expect(read.items ?? {}, area).toEqual({});
    }
    await tab.close();
  });

  it('cannot write storage: settings, the watchlist and local data are unchanged', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    const world = await contentScriptWorld(tab, ext.extensionId);
    const before = await stored();
    expect(before.watched).toContain('watch:trump1.contact-client.com');
    const planted = {
      version: 1,
      resolverUrl: 'https://attacker.example/dns-query',
      mnemonic: { enabled: true, baseUrl: 'https://attacker.example/pdns/' },
    };
    const writes = [
      `chrome.storage.sync.set(${JSON.stringify({ settings: planted, 'watch:planted.example.com': {} })})`,
      `chrome.storage.local.set({ sourceKeys: { virustotal: 'attacker' }, plantedByPage: true })`,
      `chrome.storage.sync.remove('watch:trump1.contact-client.com')`,
      `chrome.storage.sync.clear()`,
      `chrome.storage.local.clear()`,
    ];
    // Refused, or a no-op: each attempt is judged by what the worker reads afterwards.
    for (const write of writes) await world.evaluate(`${write}.then(() => 'done', (e) => String(e))`);
    expect(await stored()).toEqual(before);
    const local = await ext.worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.get('plantedByPage'),
    );
    expect(local).toEqual({});
    await tab.close();
  });

  it('may pin the host the reader clicked in the card, when the page shows it', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    const send = await inContentScript(tab, ext.extensionId);
    await expect.poll(async () => (await send('pinHost', 'mail1.trump-email.com')).res).toBe(true);
    expect((await stored()).watched).toEqual([
      'watch:mail1.trump-email.com',
      'watch:trump1.contact-client.com',
    ]);
    await tab.close();
  });
});
