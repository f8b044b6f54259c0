// A new user installs Hostlens and changes nothing: the release build, a fresh profile, the
// default settings. The welcome page opens by itself; on an article from an ordinary site,
// resting the pointer on a host opens its card, filled by the default services — reached under
// their real names, each stood in for by a local server (world.ts) answering with what the real
// service answered for someone else (tests/fixtures/recorded/, origins noted there).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from './support/browser';
import { hoverMark } from './support/pages';
import { cardAttr, cardText, waitInCard, type CardTarget } from './support/card-view';
import { startPageServer, type StubServerWithPort } from './support/stub-servers';
import { DEFAULT_SERVICE_HOSTS } from './support/world-names';
import { RECORDED_NAMES, RECORDED_WORLD } from './support/recorded-world';

const story = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
// The story, with one more paragraph naming the hosts the recorded answers are about.
const { registration, certspotter, crtsh } = RECORDED_NAMES;
const ARTICLE = story.replace(
  '</article>',
  `<p>Anyone can check such names: ${registration.name} has been registered since the nineties,
   ${certspotter.name} logs its certificates, and so does https://${crtsh.name}/ itself.</p></article>`,
);

describe('first run, with the defaults', () => {
  let ext: LaunchedExtension;
  let pages: StubServerWithPort;
  let welcome: Page;

  beforeAll(async () => {
    pages = await startPageServer({ '/story.html': ARTICLE });
    // Nothing allowed beyond what the manifest grants at install.
    const opened = launchExtension({ world: RECORDED_WORLD, allowLoopback: false });
    ext = await opened;
    welcome =
      ext.context.pages().find((p) => p.url().endsWith('/welcome.html')) ??
      (await ext.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html') }));
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.stop();
  });

  it('opens the welcome page by itself, once', async () => {
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(welcome.url()).protocol).toBe('chrome-extension:');
  });

  it('the options page shows the default resolver and the keyless sources switched on', async () => {
    const options = await ext.openExtensionPage('options.html');
    await expect
      .poll(() => options.getByLabel('DoH resolver URL').inputValue())
      .toBe('https://cloudflare-dns.com/dns-query');
    for (const source of ['Mnemonic', 'RDAP', 'Cert Spotter', 'crt.sh'])
      expect(await options.getByLabel(source, { exact: true }).isChecked(), source).toBe(true);
    await options.close();
  });

  it('a hover on an ordinary site opens the card: live DNS from the default resolver', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await hoverMark(tab, 'mail1.trump-email.com');
    const dns = '[data-section="dns"]';
    await waitInCard(tab, '[data-section="dns"]:not([data-state="loading"])');
    expect(await cardAttr(tab, dns, 'data-state')).toBe('ok');
    expect(await cardAttr(tab, dns, 'data-status')).toBe('NOERROR');
    // Only the resolver stand-in (dnsdist + Knot behind cloudflare-dns.com) knows this answer.
    expect(await cardText(tab, `${dns} [data-record-type="A"] td`)).toBe('66.216.133.29');
    await tab.close();
  });

  /** Opens the article, rests the pointer on `host` and waits for `sections` to settle. */
  async function cardOf(host: string, sections: string[]): Promise<Page> {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 11);
    await hoverMark(tab, host);
    for (const name of sections)
      await waitInCard(tab, `[data-section="${name}"]:not([data-state="loading"])`);
    return tab;
  }
  /** The card's section `name`, or something in it. */
  const section = (name: string, inside = ''): CardTarget => `[data-section="${name}"] ${inside}`;

  it('registration: IANA’s bootstrap names the registry, which answers as Verisign did', async () => {
    const tab = await cardOf(registration.name, ['registration', 'history']);
    expect(await cardAttr(tab, section('registration'), 'data-state')).toBe('ok');
    expect(await cardText(tab, section('registration', '[data-field="registrar"]'))).toBe(
      registration.registrar,
    );
    expect(await cardText(tab, section('registration'))).toContain(registration.registered);
    // Mnemonic was asked, under its own name, and said it had seen nothing.
    expect(await cardAttr(tab, section('history'), 'data-state')).toBe('empty');
    const mnemonic = ext.world.requests(DEFAULT_SERVICE_HOSTS.mnemonic);
    expect(mnemonic.map((r) => r.url.split('?')[0])).toContain(`/pdns/v3/${registration.name}`);
    expect(mnemonic.every((r) => r.headers.host === `${DEFAULT_SERVICE_HOSTS.mnemonic}`)).toBe(true);
    expect(ext.world.requests(DEFAULT_SERVICE_HOSTS.bootstrap).map((r) => r.url)).toContain('/rdap/dns.json');
    expect(ext.world.requests('rdap.verisign.com').map((r) => r.url)).toContain(
      `/com/v1/domain/${registration.name}`,
    );
    await tab.close();
  });

  it('certificates: Cert Spotter and crt.sh answer as they did for others', async () => {
    let tab = await cardOf(certspotter.name, ['certificates']);
    expect(await cardAttr(tab, section('certificates'), 'data-state')).toBe('ok');
    await waitInCard(tab, section('certificates', `[data-observation="${certspotter.sees}"]`));
    await tab.close();
    tab = await cardOf(crtsh.name, ['certificates']);
    expect(await cardAttr(tab, section('certificates'), 'data-state')).toBe('ok');
    await waitInCard(tab, section('certificates', `[data-observation="${crtsh.sees}"]`));
    await tab.close();
    // Nothing about the page went to any service: only host names and domains.
    for (const host of [...Object.values(DEFAULT_SERVICE_HOSTS), 'rdap.verisign.com'])
      for (const request of ext.world.requests(host)) {
        expect(request.url).not.toMatch(/story|example-paper/);
        expect(request.headers.referer).toBeUndefined();
        expect(request.headers.cookie).toBeUndefined();
      }
  });
});
