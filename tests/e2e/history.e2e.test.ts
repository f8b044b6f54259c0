// A reader checks the story's claim: what did mail1.trump-email.com resolve to, when, and which
// other names were seen on that address? (Passive DNS from a loopback server in Mnemonic's format.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { LookupPopup, setCertSpotter, setMnemonic, setRdap, setResolver } from './support/pages';
import {
  startCertSpotterServer,
  startMnemonicServer,
  startRdapServer,
  type MnemonicRow,
} from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
// Made-up observations in the shape the story describes; not data from the real service.
const ROWS: MnemonicRow[] = [
  {
    query: 'mail1.trump-email.com',
    answer: '66.216.133.29',
    rrtype: 'a',
    firstSeenTimestamp: ms('2016-05-03'),
    lastSeenTimestamp: ms('2016-09-23'),
    times: 145,
  },
  {
    query: 'trump1.contact-client.com',
    answer: '66.216.133.29',
    rrtype: 'a',
    firstSeenTimestamp: ms('2016-09-27'),
    lastSeenTimestamp: ms('2017-03-01'),
    times: 60,
  },
  {
    query: '<img src=x onerror=alert(1)>.example',
    answer: '66.216.133.29',
    rrtype: 'a',
    firstSeenTimestamp: ms('2017-01-01'),
    lastSeenTimestamp: ms('2017-01-02'),
    times: 1,
  },
];

describe('history and neighbours from passive DNS', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
  });
  afterAll(async () => ext?.close());

  it('shows when the name resolved to which address, and the other names seen there', async () => {
    const server = await startMnemonicServer(ROWS);
    try {
      expect(await setMnemonic(ext, server.url)).toBe('Saved.');
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('mail1.trump-email.com');
      const history = popup.page.locator('[data-section="history"]');
      await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
      expect(await history.getAttribute('data-state')).toBe('ok');
      const row = history.locator('[data-observation="66.216.133.29"]');
      expect(await row.locator('.meta').first().textContent()).toBe('A · May 3, 2016 → Sep 23, 2016');
      expect(await row.locator('.sightings').textContent()).toBe('Mnemonic 145×');
      expect(await history.locator('[data-source="Mnemonic"]').textContent()).toBe(
        'Mnemonic: 1 observation.',
      );
      const neighbours = popup.page.locator('[data-section="neighbours"]');
      await popup.page.locator('[data-section="neighbours"]:not([data-state="loading"])').waitFor();
      expect(await neighbours.getAttribute('data-state')).toBe('ok');
      expect(
        await neighbours
          .locator('[data-observation]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-observation'))),
      ).toEqual(['trump1.contact-client.com', '<img src=x onerror=alert(1)>.example']);
      // Hostile rdata is text: no element was made from it.
      expect(await popup.page.locator('[data-section="neighbours"] img').count()).toBe(0);
      // Only the host name (and then the address) went to the source, nothing else.
      expect(server.requests.map((r) => new URL(r.url, server.url).pathname)).toEqual([
        '/pdns/v3/mail1.trump-email.com',
        '/pdns/v3/66.216.133.29',
      ]);
      expect(
        server.requests.every((r) => r.headers.cookie === undefined && r.headers.referer === undefined),
      ).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('a source over its limit says so in its own section, and live DNS is unaffected', async () => {
    const server = await startMnemonicServer(ROWS, { limitReached: true });
    try {
      expect(await setMnemonic(ext, server.url)).toBe('Saved.');
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('trump1.contact-client.com');
      expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
      await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
      expect(await popup.page.locator('[data-section="history"]').getAttribute('data-state')).toBe('error');
      expect(await popup.page.locator('[data-section="history"] .status').textContent()).toBe(
        'Mnemonic: limit reached, try again in 3 h.',
      );
    } finally {
      await server.stop();
    }
  });

  it('a source switched off asks nothing and says so', async () => {
    const server = await startMnemonicServer(ROWS);
    try {
      expect(await setMnemonic(ext, server.url, false)).toBe('Saved.');
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('listrak.com');
      await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
      expect(await popup.page.locator('[data-section="history"]').getAttribute('data-state')).toBe(
        'disabled',
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.stop();
    }
  });

  it('shows the registration of the registered domain, with registry text kept inert', async () => {
    const recent = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const rdap = await startRdapServer({
      'trump-email.com': {
        objectClassName: 'domain',
        ldhName: 'TRUMP-EMAIL.COM',
        status: ['client transfer prohibited'],
        events: [
          { eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' },
          { eventAction: 'expiration', eventDate: '2017-04-01T00:00:00Z' },
        ],
        entities: [
          {
            roles: ['registrar'],
            vcardArray: ['vcard', [['fn', {}, 'text', '<b onmouseover=alert(1)>Registrar</b>']]],
          },
        ],
        nameservers: [{ ldhName: 'NS1.TRUMP-EMAIL.COM' }],
      },
      'contact-client.com': {
        objectClassName: 'domain',
        events: [{ eventAction: 'registration', eventDate: recent }],
      },
    });
    try {
      expect(await setRdap(ext, rdap.url)).toBe('Saved.');
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('mail1.trump-email.com');
      const section = popup.page.locator('[data-section="registration"]');
      await popup.page.locator('[data-section="registration"]:not([data-state="loading"])').waitFor();
      expect(await section.getAttribute('data-state')).toBe('ok');
      expect(await section.locator('[data-field="created"]').textContent()).toBe('Apr 1, 2016');
      expect(await section.locator('[data-field="registrar"]').textContent()).toBe(
        '<b onmouseover=alert(1)>Registrar</b>',
      );
      expect(await section.locator('b').count()).toBe(0);
      // RDAP was asked about the registered domain, not the subdomain.
      expect(rdap.requests.map((r) => r.url)).toEqual(['/domain/trump-email.com']);

      await popup.lookUp('trump1.contact-client.com');
      await popup.page.locator('[data-section="registration"][data-state="ok"]').waitFor();
      expect(await section.locator('.warning').textContent()).toBe('⚠ Registered 10 days ago.');
    } finally {
      await rdap.stop();
    }
  });

  it('lists the names seen in certificates for the registered domain', async () => {
    const ct = await startCertSpotterServer({
      'trump-email.com': [
        {
          id: '1',
          dns_names: ['mail1.trump-email.com'],
          issuer: { friendly_name: 'Example CA' },
          not_before: '2016-05-01T00:00:00Z',
        },
        { id: '2', dns_names: ['<script>x</script>.trump-email.com'], not_before: '2016-06-01T00:00:00Z' },
      ],
    });
    try {
      expect(await setCertSpotter(ext, ct.url)).toBe('Saved.');
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('mail1.trump-email.com');
      const section = popup.page.locator('[data-section="certificates"]');
      await popup.page.locator('[data-section="certificates"]:not([data-state="loading"])').waitFor();
      expect(await section.getAttribute('data-state')).toBe('ok');
      expect(
        await section
          .locator('[data-observation]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-observation'))),
      ).toEqual(['<script>x</script>.trump-email.com', 'mail1.trump-email.com']);
      expect(await section.locator('[data-observation="mail1.trump-email.com"]').textContent()).toContain(
        'first in a certificate May 1, 2016 · 1 cert · Example CA',
      );
      expect(await section.locator('script').count()).toBe(0);
      expect(ct.requests.map((r) => new URL(r.url, ct.url).searchParams.get('domain'))).toEqual([
        'trump-email.com',
      ]);
    } finally {
      await ct.stop();
    }
  });
});
