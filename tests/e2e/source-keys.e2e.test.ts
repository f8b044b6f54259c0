// A reader's VirusTotal key goes to the server it was typed in for, and nowhere else. When the
// base URL is changed to another server, that server gets no request carrying the key, and the
// details view and the options page say the key must be entered again for the new server. When
// the keyed server answers with a redirect to another origin, Hostlens does not follow it with
// the key. The key is kept in the extension's IndexedDB, not in storage.local, and a key an
// older version kept there is moved.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardText, waitInCard } from './support/card-view';
import { launchExtension } from './support/browser';
import { readStoredKeys } from './support/key-db';
import { hoverMark, LookupPopup, setResolver, setSource } from './support/pages';
import { startVirusTotalServer, type PdnsServer } from './support/pdns-servers';
import { listen, startPageServer, type StubServer, type StubServerWithPort } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const story = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
const KEY = 'vt-readers-own-key-7f3a';
const ROWS = [{ host_name: 'mail1.trump-email.com', ip_address: '66.216.133.29', date: 1_474_588_800 }];

const carriedKey = (server: { requests: Array<{ headers: Record<string, unknown> }> }) =>
  server.requests.filter((r) => JSON.stringify(r.headers).includes(KEY));

describe('a source key stays with the server it was entered for', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let first: PdnsServer;
  let second: PdnsServer;
  let redirecting: StubServerWithPort;
  let pages: StubServer;

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({ '/story.html': story });
    first = await startVirusTotalServer(ROWS);
    second = await startVirusTotalServer(ROWS);
    // Answers everything with a 302 to the second server (another origin: another port).
    redirecting = await listen((req, res) => {
      res.writeHead(302, { Location: `${second.url}${req.url}`, 'Access-Control-Allow-Origin': '*' }).end();
    }, '');
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([first?.stop(), second?.stop(), redirecting?.stop(), pages?.stop()]);
  });

  it('the key typed in the options page is sent to its server, and kept outside storage.local', async () => {
    expect(await setSource(ext, 'VirusTotal', { baseUrl: `${first.url}/`, key: KEY })).toBe('Saved.');
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('mail1.trump-email.com');
    await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
    expect(
      await popup.page.locator('[data-section="history"] [data-observation="66.216.133.29"]').count(),
    ).toBe(1);
    const asked = first.requests.filter((r) => r.method === 'GET');
    expect(asked[0]!.url).toBe('/api/v3/domains/mail1.trump-email.com/resolutions?limit=40');
    for (const r of asked) expect(r.headers['x-apikey']).toBe(KEY);

    expect(await readStoredKeys(ext.worker)).toEqual([{ source: 'virustotal', key: KEY, origin: first.url }]);
    const local = await ext.worker.evaluate(async () =>
      JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)),
    );
    expect(local).not.toContain(KEY);
    await popup.page.close();
  });

  it('after the base URL is changed to another server, that server never receives the key', async () => {
    expect(await setSource(ext, 'VirusTotal', { baseUrl: `${second.url}/` })).toBe('Saved.');
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('trump1.contact-client.com');
    await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
    expect(carriedKey(second)).toEqual([]);
    expect(second.requests.filter((r) => r.method === 'GET')).toEqual([]);

    const moved =
      `your API key was entered for ${first.url}, but the base URL now points to ${second.url}. ` +
      `Hostlens does not send the key there; enter it again for ${second.url} in Hostlens settings.`;
    const line = popup.page.locator('[data-section="history"] [data-source="VirusTotal"]');
    expect(await line.getAttribute('data-source-state')).toBe('error');
    expect(await line.textContent()).toBe(`VirusTotal: ${moved}`);
    await popup.page.close();

    // The card on an article says the same, and still nothing went to the new server.
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await hoverMark(tab, 'mail1.trump-email.com');
    await waitInCard(tab, '[data-section="history"]:not([data-state="loading"])');
    expect(await cardText(tab, '[data-section="history"] [data-source="VirusTotal"]')).toBe(
      `VirusTotal: ${moved}`,
    );
    expect(carriedKey(second)).toEqual([]);
    await tab.close();

    // The options page shows no key in the field, and says why.
    const options = await ext.openExtensionPage('options.html');
    const field = options.getByLabel('VirusTotal API key');
    await field.waitFor();
    expect(await field.inputValue()).toBe('');
    expect(await options.locator('[data-key-moved="virustotal"]').textContent()).toBe(
      `The key was entered for ${first.url}; the base URL now points to ${second.url}. ` +
        `Enter the key again for ${second.url}, or set the base URL back.`,
    );
    await options.close();
  });

  it('a redirect to another origin is not followed with the key, and the section says so', async () => {
    expect(await setSource(ext, 'VirusTotal', { baseUrl: `${redirecting.url}/`, key: KEY })).toBe('Saved.');
    const before = second.requests.length;
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('mail2.trump-email.com');
    await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
    expect(redirecting.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(carriedKey(second)).toEqual([]);
    expect(second.requests.length).toBe(before);
    const line = popup.page.locator('[data-section="history"] [data-source="VirusTotal"]');
    expect(await line.textContent()).toBe(
      'VirusTotal: the server answered with a redirect; Hostlens does not follow it with your key.',
    );
    await popup.page.close();
  });
  it('a key an older version left in storage.local moves to IndexedDB when the worker starts', async () => {
    await ext.worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({ sourceKeys: { otx: 'otx-key-from-before' } }),
    );
    await ext.stopWorker();
    // Any event starts the worker again: here, the popup asking for the tab's hosts.
    const popup = await LookupPopup.open(ext);
    await expect
      .poll(async () => (await readStoredKeys(ext.worker)).find((row) => row.source === 'otx'))
      .toEqual({ source: 'otx', key: 'otx-key-from-before', origin: 'https://otx.alienvault.com' });
    const local = await ext.worker.evaluate(async () =>
      JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)),
    );
    expect(local).not.toContain('otx-key-from-before');
    await popup.page.close();
  });
});
