// In Firefox, a fact-checker exports the story page as evidence from the popup: every host the
// page names with its live DNS (records, TTLs, DNSSEC), the history and registration already
// fetched, and the hostile TXT of hostile.contact-client.com made inert in the Markdown. The
// files are saved by Firefox's own download (no dialog) and read from disk — the journey of
// ../e2e/evidence.e2e.test.ts, against the default services' stand-ins.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_HOSTS } from '../fixtures/pages/expected-hosts';
import { startPageServer, type StubServer } from '../e2e/support/stub-servers';
import { DEFAULT_SERVICE_HOSTS } from '../e2e/support/world';
import { launchFirefox, type LaunchedFirefox } from './support/firefox';
import { click, downloadedFile, element, LookupPopup, waitForMarks } from './support/pages';
import { MAIL1_MNEMONIC_ROW } from '../e2e/support/stub-servers';

// The story fixture, plus one paragraph naming the host whose TXT records are attacker text.
const STORY = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8').replace(
  '</article>',
  '<p>A reader pointed at hostile.contact-client.com too.</p></article>',
);
const HOSTS = [...EXPECTED_HOSTS['story-2016.html']!, 'hostile.contact-client.com'].sort();
const REGISTRAR = '[Registrar](javascript:x)';

describe('Firefox: evidence export', () => {
  let ff: LaunchedFirefox;
  let pages: StubServer;

  beforeAll(async () => {
    pages = await startPageServer({ '/story.html': STORY });
    ff = await launchFirefox({
      world: {
        mnemonic: [MAIL1_MNEMONIC_ROW],
        // What the .com registry (rdap.verisign.com, found through IANA's bootstrap) holds.
        rdapDomains: {
          'trump-email.com': {
            objectClassName: 'domain',
            ldhName: 'TRUMP-EMAIL.COM',
            status: ['client transfer prohibited'],
            events: [{ eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' }],
            entities: [{ roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', REGISTRAR]]] }],
          },
        },
      },
    });
  });
  afterAll(async () => {
    await ff?.close();
    await pages?.stop();
  });

  /** How many requests each history and registration stand-in has had so far. */
  const asked = () =>
    Object.fromEntries(
      [DEFAULT_SERVICE_HOSTS.mnemonic, DEFAULT_SERVICE_HOSTS.bootstrap, 'rdap.verisign.com'].map((h) => [
        h,
        ff.world.requests(h).length,
      ]),
    );

  it('reports each host’s records with TTLs and DNSSEC, and what was already fetched', async () => {
    const tab = await ff.openArticle(`${pages.url}/story.html`);
    await waitForMarks(tab, HOSTS.length);
    const tabId = await ff.tabIdOf(tab);
    const popup = await ff.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-host="hostile.contact-client.com"]');
    // Marking the page and opening the popup asked no source anything.
    expect(Object.values(asked())).toEqual([0, 0, 0]);

    // The reader opened one host's details earlier: its history and registration were fetched then.
    const details = await LookupPopup.open(ff);
    await details.lookUp('mail1.trump-email.com');
    expect(await details.settled('history')).toBe('ok');
    expect(await details.settled('registration')).toBe('ok');
    await details.page.close();
    const before = asked();

    await click(popup, 'button', 'Export evidence');
    await element(popup, 'button', 'Download JSON');
    // The export asked the resolver (its answers below are fresh) and no history or registration source.
    expect(asked()).toEqual(before);

    await click(popup, 'button', 'Download JSON');
    const report = JSON.parse(await downloadedFile(ff, '.json'));
    expect(report).toMatchObject({
      format: 'hostlens-evidence',
      version: 1,
      resolver: 'https://cloudflare-dns.com/dns-query',
      omittedHosts: 0,
    });
    // A popup opened as a tab, not from the toolbar button, holds no activeTab grant for the
    // article, so Firefox's `tabs.get` gives no address or title; they come from the article's
    // content script (the address as the browser gave it for the sender).
    expect(report.page).toEqual({ url: `${pages.url}/story.html`, title: 'A server that talked to a bank' });
    expect(report.hosts.map((h: any) => h.host).sort()).toEqual(HOSTS);
    const byHost = (name: string) => report.hosts.find((h: any) => h.host === name);
    // Our zones are unsigned: no AD flag. What the details view asked earlier (mail1 and its
    // address's PTR) comes from the DNS cache, its TTL counting down; the others were asked now.
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
      expect(record.ttl, host).toBeLessThanOrEqual(300);
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

    await click(popup, 'button', 'Download Markdown');
    const markdown = await downloadedFile(ff, '.md');
    expect(markdown).toContain(`- Page: \` ${pages.url}/story.html \``);
    expect(markdown).toContain('- Title: A server that talked to a bank');
    expect(markdown).toContain('never who looked it up');
    expect(markdown).toMatch(/\| A \| ` mail1\.trump-email\.com ` \| \d+ \| ` 66\.216\.133\.29 ` \|/);
    expect(markdown).toContain('| A | ` hostile.contact-client.com ` | 300 | ` 192.0.2.67 ` |');
    // Hostile TXT: only ever inside code spans, one table row each.
    const txt = markdown.split('\n').filter((l) => l.startsWith('| TXT | ` hostile.contact-client.com `'));
    expect(txt.map((l) => l.split(' | ')[3])).toEqual(
      expect.arrayContaining(['` <img src=x onerror=alert(1)> `', '` <script>alert(2)</script> `']),
    );
    expect(markdown.split('<script>').length - 1).toBe(1);
    expect(markdown).toContain(`registrar \` ${REGISTRAR} \``);
    expect(markdown.split('\n').some((l) => /^\s*</.test(l))).toBe(false);
    await popup.close();
    await tab.close();
  });

  it('nothing tried to leave the test’s world', () => {
    expect(ff.outbound).toEqual([]);
  });
});
