// A reader checks the story's claim: what did mail1.trump-email.com resolve to, when, and which
// other names were seen on that address? (Passive DNS from a loopback server in Mnemonic's format.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { LookupPopup, setMnemonic, setResolver } from './support/pages';
import { startMnemonicServer, type MnemonicRow } from './support/stub-servers';

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
      expect(await history.locator('[data-observation="66.216.133.29"]').textContent()).toBe(
        '66.216.133.29 A · 2016-05-03 → 2016-09-23 · seen 145×',
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
});
