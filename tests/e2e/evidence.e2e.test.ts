// A fact-checker exports the story page as evidence: page address and title, every host with
// its live DNS (records, TTLs, DNSSEC), the history and registration already fetched, and the
// hostile TXT of hostile.contact-client.com made inert in the Markdown. Nothing reaches any
// source until a click: the resolver (behind a logging proxy), the passive-DNS and RDAP
// servers all keep a log of what they were asked.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as packet from '@dnsquery/dns-packet';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXPECTED_HOSTS } from '../fixtures/pages/expected-hosts';
import { launchExtension } from './support/browser';
import { LookupPopup, setMnemonic, setRdap, setResolver } from './support/pages';
import {
  startDelayProxy,
  startMnemonicServer,
  startPageServer,
  startRdapServer,
  type StubServer,
} from './support/stub-servers';
import { MAIL1_MNEMONIC_ROW } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

// The story fixture, plus one paragraph naming the host whose TXT records are attacker text.
const STORY = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/story-2016.html'), 'utf8').replace(
  '</article>',
  '<p>A reader pointed at hostile.contact-client.com too.</p></article>',
);
const TITLE = 'A server that talked to a bank';
const HOSTS = [...EXPECTED_HOSTS['story-2016.html']!, 'hostile.contact-client.com'].sort();

/** The names a DoH proxy was asked about (`GET ?dns=<base64url>`). */
const askedNames = (doh: StubServer) =>
  new Set(
    doh.requests.map((r) => {
      const query = new URL(r.url, 'http://127.0.0.1').searchParams.get('dns') ?? '';
      return packet.decode(Buffer.from(query, 'base64url')).questions?.[0]?.name ?? '';
    }),
  );

/** Clicks a download button and returns the saved file's text. */
async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

describe('evidence export', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let doh: StubServer;
  let mnemonic: StubServer;
  let rdap: StubServer;

  beforeAll(async () => {
    ext = await launchExtension();
    [pages, doh, mnemonic, rdap] = await Promise.all([
      startPageServer({ '/story.html': STORY }),
      startDelayProxy(dohUrl, 0),
      startMnemonicServer([MAIL1_MNEMONIC_ROW]),
      startRdapServer({
        'trump-email.com': {
          objectClassName: 'domain',
          ldhName: 'TRUMP-EMAIL.COM',
          status: ['client transfer prohibited'],
          events: [{ eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' }],
          entities: [
            {
              roles: ['registrar'],
              vcardArray: ['vcard', [['fn', {}, 'text', '[Registrar](javascript:x)']]],
            },
          ],
        },
      }),
    ]);
    expect(await setResolver(ext, doh.url)).toBe('Saved.');
    expect(await setMnemonic(ext, mnemonic.url)).toBe('Saved.');
    expect(await setRdap(ext, rdap.url)).toBe('Saved.');
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages, doh, mnemonic, rdap].map((s) => s?.stop()));
  });

  it('reports the page, each host’s records with TTLs and DNSSEC, and what was already fetched', async () => {
    const url = `${pages.url}/story.html`;
    const tab = await ext.context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(
      (n) => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= n,
      HOSTS.length,
    );
    const tabId = await ext.tabIdOf(tab);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.locator('[data-host="hostile.contact-client.com"]').waitFor();
    // Marking the page and opening the popup asked nobody anything.
    expect([doh.requests, mnemonic.requests, rdap.requests].map((r) => r.length)).toEqual([0, 0, 0]);

    // The reader opened one host's details earlier: its history and registration were fetched then.
    const details = await LookupPopup.open(ext);
    await details.lookUp('mail1.trump-email.com');
    await details.page.locator('[data-section="history"][data-state="ok"]').waitFor();
    await details.page.locator('[data-section="registration"][data-state="ok"]').waitFor();
    await details.page.close();
    const before = { mnemonic: mnemonic.requests.length, rdap: rdap.requests.length };
    expect(askedNames(doh).has('hostile.contact-client.com')).toBe(false);

    await popup.getByRole('button', { name: 'Export evidence' }).click();
    await popup.getByRole('button', { name: 'Download JSON' }).waitFor();
    // The click asked the resolver about every host, and no history or registration source.
    const asked = askedNames(doh);
    for (const host of HOSTS.filter((h) => !h.includes(':') && !/^\d/.test(h)))
      expect(asked, host).toContain(host);
    expect(asked).toContain('29.133.216.66.in-addr.arpa');
    expect({ mnemonic: mnemonic.requests.length, rdap: rdap.requests.length }).toEqual(before);

    const report = JSON.parse(await downloaded(popup, 'Download JSON'));
    expect(report).toMatchObject({
      format: 'hostlens-evidence',
      version: 1,
      resolver: doh.url,
      omittedHosts: 0,
    });
    expect(report.page).toEqual({ url, title: TITLE });
    expect(report.hosts.map((h: any) => h.host).sort()).toEqual(HOSTS);
    const byHost = (name: string) => report.hosts.find((h: any) => h.host === name);
    // Our zones are unsigned: no AD flag. A host looked up earlier comes from the DNS cache, its
    // TTL counted down (so does its address's PTR, which that lookup asked as a follow-up); the
    // others were asked now.
    for (const [host, type, value, fresh] of [
      ['mail1.trump-email.com', 'A', '66.216.133.29', false],
      ['trump1.contact-client.com', 'A', '66.216.133.29', true],
      ['hostile.contact-client.com', 'A', '192.0.2.67', true],
      ['66.216.133.29', 'PTR', 'mail1.trump-email.com', false],
    ] as const) {
      const h = byHost(host);
      expect(h.dns, host).toMatchObject({ status: 'NOERROR', dnssecValidated: false });
      const record = h.dns.records.find((r: any) => r.type === type);
      expect(record, host).toMatchObject({ value });
      if (fresh) expect(record.ttl, host).toBe(300);
      else expect(record.ttl, host).toBeGreaterThan(200);
    }
    expect(byHost('mail1.trump-email.com').history[0].observations[0]).toMatchObject({
      rdata: '66.216.133.29',
      count: 145,
    });
    expect(byHost('mail1.trump-email.com').registration).toMatchObject({
      outcome: 'domain',
      domain: 'trump-email.com',
      created: '2016-04-01T00:00:00.000Z',
    });
    expect(byHost('hostile.contact-client.com')).toMatchObject({ history: null, registration: null });

    const markdown = await downloaded(popup, 'Download Markdown');
    expect(markdown).toContain(`- Page: \` ${url} \``);
    expect(markdown).toContain(`- Title: ${TITLE}`);
    expect(markdown).toContain('never who looked it up');
    expect(markdown).toMatch(/\| A \| ` mail1\.trump-email\.com ` \| \d+ \| ` 66\.216\.133\.29 ` \|/);
    expect(markdown).toContain('| A | ` hostile.contact-client.com ` | 300 | ` 192.0.2.67 ` |');
    // Hostile TXT: only ever inside code spans, one table row each.
    const txt = markdown.split('\n').filter((l) => l.startsWith('| TXT | ` hostile.contact-client.com `'));
    expect(txt.map((l) => l.split(' | ')[3])).toEqual(
      expect.arrayContaining(['` <img src=x onerror=alert(1)> `', '` <script>alert(2)</script> `']),
    );
    expect(markdown.split('<script>').length - 1).toBe(1);
    expect(markdown).toContain('registrar ` [Registrar](javascript:x) `');
    expect(markdown.split('\n').some((l) => /^\s*</.test(l))).toBe(false);
    await popup.close();
    await tab.close();
  });

  it('pins a host to the watchlist from the same list', async () => {
    const url = `${pages.url}/story.html`;
    const tab = await ext.context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 2);
    const tabId = await ext.tabIdOf(tab);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Watch mail1.trump-email.com' }).click();
    await popup.getByRole('status').filter({ hasText: 'Watching' }).waitFor();
    const watchlist = await ext.openExtensionPage('watchlist.html');
    await watchlist.locator('[data-host="mail1.trump-email.com"]').waitFor();
    await Promise.all([popup.close(), watchlist.close(), tab.close()]);
  });
});
