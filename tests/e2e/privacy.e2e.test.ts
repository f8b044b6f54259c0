// Privacy, proved at the servers: every endpoint Hostlens can reach logs what it receives.
// Reading, scrolling and selecting cause no request at all; a hover sends only the host name
// (or its address) to the resolver and the sources that are on — no page address, title,
// referrer or cookie; a source switched off gets nothing; "never on this site" stops everything.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from './support/browser';
import { ARTICLE_HOST } from './support/world-names';
import { setExcludedSites, setMnemonic, setResolver, setSource, hoverMark } from './support/pages';
import { waitInCard } from './support/card-view';
import {
  startDelayProxy,
  startMnemonicServer,
  startPageServer,
  startStubServer,
  type StubServer,
} from './support/stub-servers';
import { staysEqual } from './support/quiet';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const story = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
const PAGE_TITLE = 'A server that talked to a bank';

describe('privacy at the servers', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let doh: StubServer;
  let mnemonic: StubServer;
  let rdap: StubServer;
  let certspotter: StubServer;
  let crtsh: StubServer;
  const sources = () => ({ doh, mnemonic, rdap, certspotter, crtsh });
  const counts = () =>
    Object.fromEntries(Object.entries(sources()).map(([name, s]) => [name, s.requests.length]));

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({ '/story.html': story });
    doh = await startDelayProxy(dohUrl, 0);
    mnemonic = await startMnemonicServer([]);
    const notFound = (_req: unknown, res: import('node:http').ServerResponse) =>
      void res.writeHead(404, { 'Content-Type': 'application/json' }).end('{}');
    rdap = await startStubServer(notFound);
    certspotter = await startStubServer(
      (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]'),
    );
    crtsh = await startStubServer(
      (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]'),
    );
    const origin = (s: StubServer) => new URL(s.url).origin;
    expect(await setResolver(ext, doh.url)).toBe('Saved.');
    expect(await setMnemonic(ext, mnemonic.url)).toBe('Saved.');
    expect(await setSource(ext, 'RDAP', { baseUrl: origin(rdap) })).toBe('Saved.');
    expect(await setSource(ext, 'Cert Spotter', { baseUrl: origin(certspotter) })).toBe('Saved.');
    expect(await setSource(ext, 'crt.sh', { baseUrl: origin(crtsh) })).toBe('Saved.');
    for (const s of Object.values(sources())) s.requests.length = 0;
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages, ...Object.values(sources())].map((s) => s?.stop()));
  });

  async function openStory(): Promise<Page> {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    // A cookie for the article's site: none may go along with any request to a source.
    await tab.evaluate(() => (document.cookie = 'session=secret-cookie; path=/'));
    return tab;
  }

  it('reading, scrolling and selecting text send nothing anywhere', async () => {
    const tab = await openStory();
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await tab.mouse.wheel(0, 400);
    await tab.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('article')!);
      getSelection()!.addRange(range);
    });
    await tab.mouse.move(5, 5);
    await staysEqual(counts, { doh: 0, mnemonic: 0, rdap: 0, certspotter: 0, crtsh: 0 }, 1500, 'requests');
    await tab.close();
  });

  it('a hover sends only the host name, to the resolver and the sources that are on', async () => {
    const tab = await openStory();
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await hoverMark(tab, 'mail1.trump-email.com');
    await waitInCard(tab, '[data-section="certificates"]:not([data-state="loading"])');
    await waitInCard(tab, '[data-section="history"]:not([data-state="loading"])');
    const all = Object.entries(sources()).flatMap(([name, s]) => s.requests.map((r) => ({ name, ...r })));
    expect(new Set(all.map((r) => r.name))).toEqual(
      new Set(['doh', 'mnemonic', 'rdap', 'certspotter', 'crtsh']),
    );
    for (const r of all) {
      expect(r.headers.cookie, `${r.name} ${r.url}`).toBeUndefined();
      expect(r.headers.referer, `${r.name} ${r.url}`).toBeUndefined();
      expect(r.url).not.toMatch(/story|127\.0\.0\.1|server%20that|talked/i);
      expect(JSON.stringify(r.headers)).not.toContain(PAGE_TITLE);
    }
    expect(mnemonic.requests.map((r) => r.url.split('?')[0])).toEqual(['/pdns/v3/mail1.trump-email.com']);
    expect(rdap.requests.map((r) => r.url)).toEqual(['/domain/trump-email.com']);
    expect(
      certspotter.requests.every(
        (r) => new URL(r.url, 'http://x').searchParams.get('domain') === 'trump-email.com',
      ),
    ).toBe(true);
    await tab.close();
  });

  it('a source switched off gets nothing; "never on this site" stops everything there', async () => {
    expect(await setMnemonic(ext, mnemonic.url, false)).toBe('Saved.');
    const before = mnemonic.requests.length;
    let tab = await openStory();
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await hoverMark(tab, 'listrak.com');
    await waitInCard(tab, '[data-section="history"][data-state="disabled"]');
    expect(mnemonic.requests.length).toBe(before);
    await tab.close();

    expect(await setExcludedSites(ext, [ARTICLE_HOST])).toBe('Saved.');
    const snapshot = counts();
    tab = await openStory();
    const marks = () => tab.evaluate(() => (CSS as any).highlights?.get('hostlens')?.size ?? 0);
    await staysEqual(marks, 0, 1500, 'marks');
    await tab.mouse.move(200, 200, { steps: 5 });
    await staysEqual(() => tab.locator('hostlens-card').count(), 0, 800, 'cards');
    expect(counts()).toEqual(snapshot);
    await tab.close();
  });
});
