// In Firefox, a reader sets a resolver and looks up the story's mail server in the popup, against
// a real DoH server (dnsdist + Knot on loopback) — the journey of ../e2e/lookup.e2e.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFirefox, type LaunchedFirefox } from './support/firefox';
import { LookupPopup, setResolver } from './support/pages';

describe('Firefox: looking up a host in the popup', () => {
  const dohUrl = inject('dohUrl');
  let ff: LaunchedFirefox;

  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => ff?.close());

  it('saves the loopback resolver in the options', async () => {
    expect(await setResolver(ff, dohUrl)).toBe('Saved.');
  });

  it('shows the addresses of mail1.trump-email.com and the resolver that answered', async () => {
    const popup = await LookupPopup.open(ff);
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.records('A')).toEqual(['66.216.133.29']);
    expect(await popup.records('AAAA')).toEqual(['2001:db8:66::29']);
    expect(await popup.text('[data-section="dns"] .status')).toBe('Resolves to 2 addresses.');
    expect(await popup.text('[data-section="dns"] .meta')).toContain(new URL(dohUrl).host);
    // The reverse name and network come from the same resolver (PTR and Team Cymru's TXT).
    expect(await popup.text('[data-address-info="66.216.133.29"]')).toBe(
      'PTR mail1.trump-email.com · AS64500 EXAMPLE-MAIL-HOSTING - test data, US · 66.216.133.0/24',
    );
    await popup.page.close();
  });

  it('nothing tried to leave loopback', () => {
    expect(ff.outbound).toEqual([]);
  });
});
