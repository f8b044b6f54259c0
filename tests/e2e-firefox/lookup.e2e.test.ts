// In Firefox, a reader looks up the story's mail server in the popup of a fresh install: the
// default resolver (https://cloudflare-dns.com/dns-query, here dnsdist + Knot under that name)
// answers — the journey of ../e2e/lookup.e2e.test.ts, with nothing set in the options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, waitFor, type LaunchedFirefox } from './support/firefox';
import { LookupPopup } from './support/pages';

describe('Firefox: looking up a host in the popup', () => {
  let ff: LaunchedFirefox;

  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => ff?.close());

  it('shows the addresses of mail1.trump-email.com, answered by the default resolver', async () => {
    const popup = await LookupPopup.open(ff);
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    // Records only our zone files hold: the answer came from Knot, through the extension's fetch
    // to https://cloudflare-dns.com/dns-query, which the proxy routed to dnsdist.
    expect(await popup.records('A')).toEqual(['66.216.133.29']);
    expect(await popup.records('AAAA')).toEqual(['2001:db8:66::29']);
    expect(await popup.text('[data-section="dns"] .status')).toBe('Resolves to 2 addresses.');
    expect(await popup.text('[data-section="dns"] .meta')).toMatch(/^cloudflare-dns\.com answered at /);
    // The reverse name and network come from the same resolver (PTR and Team Cymru's TXT).
    // (a follow-up row: it may still be loading when the section turns `ok`).
    const network = await waitFor(
      popup.page,
      () => {
        const text = document.querySelector('[data-address-info="66.216.133.29"]')?.textContent?.trim();
        return text?.includes(' AS') ? text : null;
      },
      undefined,
      { what: 'the address’s PTR and network' },
    );
    expect(network).toBe(
      'PTR mail1.trump-email.com · AS64500 EXAMPLE-MAIL-HOSTING - test data, US · 66.216.133.0/24',
    );
    await popup.page.close();
  });

  it('nothing tried to leave the test’s world', () => {
    expect(ff.outbound).toEqual([]);
  });
});
