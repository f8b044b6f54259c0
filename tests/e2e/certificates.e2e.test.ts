// A reader checks which names of a domain appeared in certificates: Cert Spotter and crt.sh
// (loopback servers in their formats) merged in the popup's detail view — and crt.sh being
// down, as it often is, costs only a line under Cert Spotter's names.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { startCrtshServer } from './support/ct-servers';
import { LookupPopup } from './support/pages';
import { startCertSpotterServer } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

// Made-up certificates in each source's documented shape (data-sources.md §4), not real data.
const SPOTTED = {
  'trump-email.com': [
    {
      id: '1',
      dns_names: ['mail1.trump-email.com'],
      issuer: { friendly_name: 'Example CA' },
      not_before: '2016-05-01T00:00:00Z',
    },
    {
      id: '2',
      dns_names: ['<script>x</script>.trump-email.com', 'pay\u202Elap.trump-email.com'],
      not_before: '2016-06-01T00:00:00Z',
    },
  ],
};
const CRT_ROWS = {
  'trump-email.com': [
    {
      issuer_ca_id: 1,
      issuer_name: "C=US, O=Let's Encrypt, CN=R3",
      common_name: 'mail1.trump-email.com',
      name_value: 'mail1.trump-email.com',
      id: 11223344556,
      entry_timestamp: '2016-04-20T10:00:00.123',
      not_before: '2016-04-20T10:00:00',
      not_after: '2030-01-01T00:00:00',
    },
    {
      issuer_ca_id: 1,
      issuer_name: "C=US, O=Let's Encrypt, CN=R3",
      common_name: 'trump-email.com',
      name_value: 'trump-email.com\n*.trump-email.com\nhostmaster@trump-email.com',
      id: '11223344557',
      entry_timestamp: '2016-03-01T00:00:00',
      not_before: '2016-03-01T00:00:00',
      not_after: '2030-01-01T00:00:00',
    },
  ],
};

describe('certificates from Cert Spotter and crt.sh', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;

  /** Points the resolver and both sources at loopback, straight in `chrome.storage.sync`. */
  async function configure(certspotter: string, crtsh: string) {
    await ext.worker.evaluate(
      async ({ resolverUrl, certspotter, crtsh }) => {
        const chrome = (globalThis as any).chrome;
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({
          settings: {
            ...settings,
            resolverUrl,
            certspotter: { enabled: true, baseUrl: certspotter },
            crtsh: { enabled: true, baseUrl: crtsh },
          },
        });
      },
      { resolverUrl: dohUrl, certspotter, crtsh },
    );
  }

  async function certificatesOf(name: string) {
    const popup = await LookupPopup.open(ext);
    await popup.lookUp(name);
    await popup.page.locator('[data-section="certificates"]:not([data-state="loading"])').waitFor();
    return { section: popup.page.locator('[data-section="certificates"]') };
  }

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  it('lists the names from both sources, each with who listed it, as plain text', async () => {
    const spotter = await startCertSpotterServer(SPOTTED);
    const crtsh = await startCrtshServer(CRT_ROWS);
    try {
      await configure(spotter.url, crtsh.url);
      const { section } = await certificatesOf('mail1.trump-email.com');
      expect(await section.getAttribute('data-state')).toBe('ok');
      expect(
        await section
          .locator('[data-observation]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-observation'))),
      ).toEqual([
        '<script>x</script>.trump-email.com',
        'pay\u202Elap.trump-email.com',
        'mail1.trump-email.com',
        '*.trump-email.com',
        'trump-email.com',
      ]);
      // Earliest date of either source; both issuers; both sources.
      expect(await section.locator('[data-observation="mail1.trump-email.com"]').textContent()).toBe(
        "mail1.trump-email.com first in a certificate Apr 20, 2016 · 1 cert · Example CA, Let's Encrypt · Cert Spotter + crt.sh",
      );
      expect(await section.locator('[data-observation="trump-email.com"] .meta').textContent()).toBe(
        "first in a certificate Mar 1, 2016 · 1 cert · Let's Encrypt · crt.sh",
      );
      // Hostile names are inert text; the bidi override is shown, not obeyed.
      expect(await section.locator('script').count()).toBe(0);
      expect(
        await section
          .locator('[data-observation="pay\u202Elap.trump-email.com"] .record-value')
          .textContent(),
      ).toBe('pay⟨U+202E⟩lap.trump-email.com');
      expect(await section.locator('p.meta').last().textContent()).toBe(
        'From Cert Spotter and crt.sh; expired certificates are not listed.',
      );

      // Each source was asked once, about the registered domain only, with nothing else attached.
      expect(spotter.requests.map((r) => new URL(r.url, spotter.url).searchParams.get('domain'))).toEqual([
        'trump-email.com',
      ]);
      expect(crtsh.requests.map((r) => r.url)).toEqual([
        '/?q=trump-email.com&output=json&exclude=expired&deduplicate=Y',
      ]);
      for (const r of [...spotter.requests, ...crtsh.requests]) {
        expect(r.method).toBe('GET');
        expect(r.headers.cookie).toBeUndefined();
        expect(r.headers.referer).toBeUndefined();
        expect(r.headers.authorization).toBeUndefined();
      }
    } finally {
      await spotter.stop();
      await crtsh.stop();
    }
  });

  it('shows Cert Spotter’s names when crt.sh answers 503 pages, and says crt.sh did not answer', async () => {
    const spotter = await startCertSpotterServer(SPOTTED);
    const crtsh = await startCrtshServer(CRT_ROWS, { failWith: 503 });
    try {
      await configure(spotter.url, crtsh.url);
      const { section } = await certificatesOf('trump-email.com');
      expect(await section.getAttribute('data-state')).toBe('ok');
      expect(
        await section
          .locator('[data-observation]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-observation'))),
      ).toEqual([
        '<script>x</script>.trump-email.com',
        'pay\u202Elap.trump-email.com',
        'mail1.trump-email.com',
      ]);
      expect(await section.locator('[data-source="crt.sh"]').textContent()).toBe(
        'crt.sh did not answer (HTTP 503); it is often overloaded — try again later.',
      );
      expect(await section.locator('p.meta').last().textContent()).toBe(
        'From Cert Spotter; expired certificates are not listed.',
      );
      // One retry, then crt.sh is left alone.
      expect(crtsh.requests.map((r) => new URL(r.url, crtsh.url).searchParams.get('q'))).toEqual([
        'trump-email.com',
        'trump-email.com',
      ]);
    } finally {
      await spotter.stop();
      await crtsh.stop();
    }
  });
});
