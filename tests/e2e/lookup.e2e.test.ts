// A reader looks up the story's names in the toolbar popup, against a real DoH server
// (dnsdist + Knot on loopback, zones in tests/fixtures/zones/).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { BIG_ZONE } from './support/dns-servers';
import { LookupPopup, setResolver } from './support/pages';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

describe('looking up a host in the popup', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let popup: LookupPopup;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    popup = await LookupPopup.open(ext);
  });
  afterAll(async () => ext?.close());

  it('shows the addresses of mail1.trump-email.com, the resolver and the time', async () => {
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.records('A')).toEqual(['66.216.133.29']);
    expect(await popup.records('AAAA')).toEqual(['2001:db8:66::29']);
    expect(await popup.statusLine()).toBe('Resolves to 2 addresses.');
    // Under each address: its reverse name and its network (Team Cymru's TXT, same resolver).
    expect(await popup.page.locator('[data-address-info="66.216.133.29"]').textContent()).toBe(
      'PTR mail1.trump-email.com · AS64500 EXAMPLE-MAIL-HOSTING - test data, US · 66.216.133.0/24',
    );
    const meta = await popup.dns.locator('.meta').first().textContent();
    expect(meta).toContain(new URL(dohUrl).host);
    expect(meta).toMatch(/answered at \d/);
    expect(meta).toContain('not DNSSEC-validated');
  });

  it('shows mail, name servers, SPF, DMARC, SOA and CAA of the domain', async () => {
    await popup.lookUp('trump-email.com');
    expect(await popup.records('MX')).toEqual(['10 mail1.trump-email.com → 66.216.133.29, 2001:db8:66::29']);
    expect((await popup.records('NS')).length).toBeGreaterThan(0);
    expect(await popup.records('TXT')).toContain('SPF v=spf1 ip4:66.216.133.29 -all');
    expect(await popup.records('DMARC')).toEqual([
      'DMARC v=DMARC1; p=none; rua=mailto:dmarc@trump-email.com',
    ]);
    expect(await popup.records('SOA')).toHaveLength(1);
    expect(await popup.records('CAA')).toEqual(['0 issue "letsencrypt.org"']);
    // A reader who is not an engineer can ask what the records mean.
    await popup.page.getByText('What these records mean').click();
    expect(await popup.page.locator('.explanations dt').allTextContents()).toEqual(
      expect.arrayContaining(['MX', 'NS', 'TXT', 'SOA', 'CAA', 'SPF', 'DMARC']),
    );
    expect(await popup.page.locator('.explanations dd').allTextContents()).toContain(
      'the servers that receive e-mail for this domain, lowest number tried first.',
    );
    // Every row shows its TTL.
    expect(await popup.page.locator('[data-record-type="MX"] .ttl').textContent()).toMatch(/^\d+ s$/);
  });

  it('follows a CNAME chain to the final address', async () => {
    await popup.lookUp('www.trump-email.com');
    expect(await popup.page.locator('.cname-chain').textContent()).toContain(
      'www.trump-email.com → web.trump-email.com → cdn.trump-email.com',
    );
    expect(await popup.records('A')).toEqual(['198.51.100.7']);
  });

  it('reads defanged names, URLs and international names', async () => {
    await popup.lookUp('hxxps://mail1[.]trump-email[.]com/some/path');
    expect(await popup.page.locator('#host-title').textContent()).toBe('mail1.trump-email.com');
    expect(await popup.records('A')).toEqual(['66.216.133.29']);

    await popup.lookUp('https://bücher.de/x');
    expect(await popup.page.locator('#host-title').textContent()).toBe('bücher.de');
    expect(await popup.page.locator('.host-heading .meta').textContent()).toContain('xn--bcher-kva.de');
    expect(await popup.records('A')).toEqual(['192.0.2.80']);
  });

  it('shows the reverse name of an address, and whether it resolves back', async () => {
    await popup.lookUp('66.216.133[.]29');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.page.locator('.network').textContent()).toBe(
      'Network: AS64500 EXAMPLE-MAIL-HOSTING - test data, US · 66.216.133.0/24',
    );
    expect(await popup.records('PTR')).toEqual(['mail1.trump-email.com ✓ resolves back']);
    await popup.lookUp('2001:db8:66::29');
    expect(await popup.records('PTR')).toEqual(['mail1.trump-email.com ✓ resolves back']);
  });

  it('says in plain words when a name does not exist or the resolver fails', async () => {
    await popup.lookUp('gone.trump-email.com');
    expect(await popup.dnsState()).toEqual({ state: 'empty', status: 'NXDOMAIN' });
    expect(await popup.statusLine()).toBe('The name does not exist (NXDOMAIN).');

    await popup.lookUp('servfail.test');
    expect(await popup.dnsState()).toMatchObject({ status: 'SERVFAIL' });
    expect(await popup.statusLine()).toBe('No answer: the resolver failed (SERVFAIL).');
  });

  it('shows hostile TXT records as inert text', async () => {
    let dialogs = 0;
    popup.page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await popup.lookUp('hostile.test');
    const txt = await popup.records('TXT');
    expect(txt).toContain('<img src=x onerror=alert(1)>');
    expect(txt).toContain('<script>alert(2)</script>');
    expect(txt).toContain('javascript:alert(3)');
    expect(txt).toContain('⟨U+202E⟩evil');
    expect(txt).toContain('zero⟨U+200B⟩width⟨U+200C⟩joiner');
    expect(await popup.page.locator('[data-section="dns"] img, [data-section="dns"] script').count()).toBe(0);
    expect(await popup.page.locator('[data-section="dns"] a').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('a CNAME loop and a 253-character name give a bounded answer, not a hang', async () => {
    await popup.lookUp('loop1.hostile.test');
    // The resolver ends the loop; whatever it answers, the section settles and lists the chain once.
    const state = await popup.dnsState();
    expect(state.state === 'ok' || state.state === 'error').toBe(true);
    const cnames = await popup.records('CNAME');
    expect(cnames.length).toBeLessThanOrEqual(20);
    const long = `${['1', '2', '3'].map((n) => `${'a'.repeat(60)}${n}`).join('.')}.${'b'.repeat(54)}.hostile.test`;
    expect(long).toHaveLength(253);
    await popup.lookUp(long);
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.records('A')).toEqual(['192.0.2.68']);
  });

  it('a 1,000-record answer shows 20 rows, all 500 kept on a click, and says what was left out', async () => {
    // 16 kB: more than UDP carries, so dnsdist asked Knot again over TCP.
    await popup.lookUp('many.big.test');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.records('A')).toHaveLength(20);
    const more = popup.page.locator('[data-more-records="A"]');
    expect(await more.textContent()).toContain(
      'The answer had 500 more records; Hostlens keeps the first 500.',
    );
    await more.getByRole('button', { name: 'Show all 500 A records' }).click();
    const rows = await popup.records('A');
    expect(rows).toHaveLength(500);
    expect(rows[0]).toBe('10.0.0.1');
  });

  it('a 64 kB TXT record is cut to a readable length, and shown whole on request', async () => {
    await popup.lookUp('long.big.test');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    const cell = popup.page.locator('[data-record-type="TXT"] td:first-of-type').first();
    const full = BIG_ZONE.txtStrings * BIG_ZONE.txtStringLength;
    expect(((await cell.textContent()) ?? '').length).toBeLessThan(400);
    await cell.getByRole('button', { name: /^show more \([\d,]+ more characters\)$/ }).click();
    const text = (await cell.textContent()) ?? '';
    expect(text.length).toBeGreaterThanOrEqual(full);
    expect(text).toContain(`254${'x'.repeat(BIG_ZONE.txtStringLength - 3)}`);
  });

  it('explains a bad input without asking anything', async () => {
    const field = popup.page.getByLabel('Look up');
    await field.fill('not a host at all');
    await field.press('Enter');
    expect(await popup.page.getByRole('alert').textContent()).toContain('is not a host name or IP address');
  });
});
