// A reader with more than one passive-DNS source: Mnemonic (keyless) and a COF server of their
// own (with a password). Both appear in one timeline, each observation keeping who saw it; one
// source failing leaves the other's data in place; answers survive a stopped worker.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { readStoredKeys } from './support/key-db';
import { LookupPopup, setMnemonic, setResolver, setSource, hoverMark } from './support/pages';
import { cardAttr, cardCount, cardText, cardTexts, waitInCard } from './support/card-view';
import { startCofServer, type PdnsServer } from './support/pdns-servers';
import {
  startMnemonicServer,
  startPageServer,
  type MnemonicRow,
  type StubServer,
} from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const story = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const s = (date: string) => ms(date) / 1000;
const COF = 'Passive DNS server (COF)';

// Made-up observations in the shapes of each format; not data from any real service.
const MNEMONIC_ROWS: MnemonicRow[] = [
  {
    query: 'mail1.trump-email.com',
    answer: '66.216.133.29',
    rrtype: 'a',
    firstSeenTimestamp: ms('2016-05-03'),
    lastSeenTimestamp: ms('2016-09-23'),
    times: 145,
  },
];
const COF_ROWS = [
  // The same (name, type, value) as Mnemonic's row, seen earlier by this sensor.
  {
    rrname: 'mail1.trump-email.com.',
    rrtype: 'A',
    rdata: ['66.216.133.29'],
    time_first: s('2016-04-20'),
    time_last: s('2016-09-01'),
    count: 12,
  },
  {
    rrname: 'trump1.contact-client.com',
    rrtype: 'A',
    rdata: '66.216.133.29',
    time_first: String(s('2016-09-27')),
    time_last: String(s('2017-03-01')),
    count: '7',
  },
];

describe('several history sources at once', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let mnemonic: StubServer;
  let cof: PdnsServer;

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({ '/story.html': story });
    mnemonic = await startMnemonicServer(MNEMONIC_ROWS);
    cof = await startCofServer(COF_ROWS);
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    expect(await setMnemonic(ext, mnemonic.url)).toBe('Saved.');
    expect(await setSource(ext, COF, { baseUrl: `${cof.url}/pdns/query/`, key: 'analyst:s3cret' })).toBe(
      'Saved.',
    );
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages?.stop(), mnemonic?.stop(), cof?.stop()]);
  });

  it('the card merges both sources into one timeline, each observation keeping who saw it', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await hoverMark(tab, 'mail1.trump-email.com');
    const history = '[data-section="history"]';
    await waitInCard(tab, `${history}:not([data-state="loading"])`);
    expect(await cardAttr(tab, history, 'data-state')).toBe('ok');
    const row = `${history} [data-observation="66.216.133.29"]`;
    expect(await cardCount(tab, row)).toBe(1);
    // The span runs from COF's first sighting to Mnemonic's last.
    expect(await cardText(tab, `${row} .meta`)).toBe('A · Apr 20, 2016 → Sep 23, 2016');
    expect(await cardText(tab, `${row} .sightings`)).toBe(`Mnemonic 145× · ${COF} 12×`);
    // Live DNS still gives that address: marked "now".
    expect(await cardAttr(tab, row, 'data-current')).toBe('yes');
    expect(await cardAttr(tab, `${history} [data-source="${COF}"]`, 'data-source-state')).toBe('ok');

    const neighbours = '[data-section="neighbours"]';
    await waitInCard(tab, `${neighbours}:not([data-state="loading"])`);
    expect(await cardTexts(tab, `${neighbours} [data-observation]`)).toHaveLength(1);
    expect(
      await cardText(tab, `${neighbours} [data-observation="trump1.contact-client.com"] .sightings`),
    ).toBe(`${COF} 7×`);

    // Only the host name (then the address) went out, with the password in its header only.
    expect(cof.requests.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual([
      '/pdns/query/mail1.trump-email.com',
      '/pdns/query/66.216.133.29',
    ]);
    for (const r of cof.requests.filter((r) => r.method === 'GET')) {
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from('analyst:s3cret').toString('base64')}`);
      expect(r.headers.referer).toBeUndefined();
      expect(r.headers.cookie).toBeUndefined();
    }
    // The key stays on this computer, in the extension's own IndexedDB (bound to the COF
    // server's origin): never in storage.sync, nor in storage.local.
    const stored = await ext.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      return {
        sync: JSON.stringify(await chrome.storage.sync.get(null)),
        local: JSON.stringify(await chrome.storage.local.get(null)),
      };
    });
    expect(stored.sync).not.toContain('s3cret');
    expect(stored.local).not.toContain('s3cret');
    expect(await readStoredKeys(ext.worker)).toEqual([
      { source: 'cof', key: 'analyst:s3cret', origin: cof.url },
    ]);
    await tab.close();
  });

  it('a source over its limit is named with its wait, while the other source’s data shows', async () => {
    cof.setStatus(429, '120');
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('trump1.contact-client.com');
    const history = popup.page.locator('[data-section="history"]');
    await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
    expect(await history.getAttribute('data-state')).toBe('empty');
    const failed = history.locator(`[data-source="${COF}"]`);
    expect(await failed.getAttribute('data-source-state')).toBe('error');
    expect(await failed.textContent()).toBe(`${COF}: limit reached, try again in 2 min.`);
    expect(await history.locator('[data-source="Mnemonic"]').textContent()).toBe('Mnemonic: nothing seen.');

    // With Mnemonic's data for a name it knows, the section is ok and still names COF's problem.
    await popup.lookUp('mail1.trump-email.com');
    await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
    // (mail1's answers are cached from the card: no source is asked again.)
    expect(await history.getAttribute('data-state')).toBe('ok');
    cof.setStatus(200);
  });

  it('answers are kept across a stopped service worker: reopening costs no request', async () => {
    const before = { mnemonic: mnemonic.requests.length, cof: cof.requests.length };
    await ext.stopWorker();
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('mail1.trump-email.com');
    await popup.page.locator('[data-section="neighbours"]:not([data-state="loading"])').waitFor();
    expect(await popup.page.locator('[data-section="history"] [data-observation]').count()).toBe(1);
    expect({ mnemonic: mnemonic.requests.length, cof: cof.requests.length }).toEqual(before);
  });
});
