// A reader opens card after card on a page full of addresses: the cards spend Mnemonic's minute
// (10 requests) down to the part kept for the watchlist, and are told when to try again. The
// watchlist's "Check now" right after still gets its answers from Mnemonic: the check is complete,
// not postponed. Counted at the loopback Mnemonic server.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { inContentScript } from './support/content-world';
import { setMnemonic, setResolver, setSource } from './support/pages';
import {
  MAIL1_MNEMONIC_ROW,
  startMnemonicServer,
  startPageServer,
  type StubServer,
} from './support/stub-servers';
import { readWatchStates } from './support/watch-db';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const HOST = 'mail1.trump-email.com';
const ADDRESS = '66.216.133.29';
/** More cards than Mnemonic's whole minute: documentation addresses, one Mnemonic request each. */
const CARDS = Array.from({ length: 12 }, (_, i) => `192.0.2.${i + 1}`);

describe('the watchlist’s part of a source’s allowance', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let mnemonic: StubServer;

  beforeAll(async () => {
    ext = await launchExtension();
    [pages, mnemonic] = await Promise.all([
      startPageServer({
        '/addresses.html': `<!doctype html><html><head><meta charset="utf-8"><title>Addresses</title></head><body><p>${CARDS.join(' ')}</p></body></html>`,
      }),
      startMnemonicServer([MAIL1_MNEMONIC_ROW]),
    ]);
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    expect(await setMnemonic(ext, mnemonic.url)).toBe('Saved.');
    // Mnemonic alone: the other sources' allowances are not what this spec is about.
    for (const source of ['RDAP', 'Cert Spotter', 'crt.sh'])
      expect(await setSource(ext, source, { enabled: false })).toBe('Saved.');
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages, mnemonic].map((s) => s?.stop()));
  });

  it('cards stop short of it; "Check now" right after still asks Mnemonic and completes', async () => {
    const tab: Page = await ext.context.newPage();
    await tab.goto(`${pages.url}/addresses.html`);
    const send = await inContentScript(tab, ext.extensionId);
    const cards: string[] = [];
    for (const input of CARDS) cards.push(JSON.stringify(await send('lookupHistory', { input })));
    const asked = () => mnemonic.requests.filter((r) => r.url.startsWith('/pdns/v3/'));
    // 8 of the 10 a minute for cards; the rest are told when to try again.
    expect(asked()).toHaveLength(8);
    expect(cards.filter((c) => c.includes('Mnemonic') && c.includes('try again'))).toHaveLength(4);

    const popup = await ext.openExtensionPage('popup.html');
    const message = (type: string, data?: unknown) =>
      popup.evaluate(
        ([type, data]) =>
          (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
        [type, data] as const,
      );
    expect((await message('watchHost', { host: HOST })).res).toMatchObject({ ok: true });
    const summary = (await message('checkNow', HOST)).res;
    expect(summary).toMatchObject({ checked: 1, postponed: 0, problems: [] });
    expect(asked().map((r) => r.url)).toContain(`/pdns/v3/${ADDRESS}?limit=1000`);
    // Never more than the source's own 10 a minute, the watchlist's requests included.
    expect(asked().length).toBeLessThanOrEqual(10);
    const state = (await readWatchStates(ext.worker)).find((s) => s.host === HOST);
    expect(state).toMatchObject({ failures: 0 });
    await popup.close();
    await tab.close();
  });
});
