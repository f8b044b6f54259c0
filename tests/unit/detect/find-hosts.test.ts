import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHosts } from '@/utils/detect/find-hosts';
import { normalizeHost } from '@/utils/hosts/host';

/** [text, [host, the visible text the match covers, kind, defanged][]] */
type Row = [string, Array<[string, string, string?, boolean?]>];
const found = (text: string) =>
  findHosts(text).map((m) => [m.host, text.slice(m.start, m.end), m.kind, m.defanged] as const);
const check = ([text, expected]: Row) =>
  expect(found(text)).toEqual(expected.map(([h, v, k = 'domain', d = false]) => [h, v, k, d]));

describe('findHosts: what is a host', () => {
  it.each<Row>([
    [
      'Servers mail1.trump-email.com and trump1.contact-client.com.',
      [
        ['mail1.trump-email.com', 'mail1.trump-email.com'],
        ['trump1.contact-client.com', 'trump1.contact-client.com'],
      ],
    ],
    ['See <b>MAIL1.Trump-Email.com</b>.', [['mail1.trump-email.com', 'MAIL1.Trump-Email.com']]],
    ['Visit https://www.example.org:8443/path?q=a.b.c#x now', [['www.example.org', 'www.example.org']]],
    ['at http://user:pass@example.com:8080/x', [['example.com', 'example.com']]],
    ['Mail tips@example-news.org today', [['example-news.org', 'example-news.org']]],
    ['policy at _dmarc.trump-email.com', [['_dmarc.trump-email.com', '_dmarc.trump-email.com']]],
    ['example.com/files/report.zip is one host', [['example.com', 'example.com']]],
    [
      '(see listrak.com), "cendyn.com"',
      [
        ['listrak.com', 'listrak.com'],
        ['cendyn.com', 'cendyn.com'],
      ],
    ],
  ])('%s', (...row) => check(row));
});

describe('findHosts: defanged forms', () => {
  it.each<Row>([
    ['mail1[.]trump-email[.]com', [['mail1.trump-email.com', 'mail1[.]trump-email[.]com', 'domain', true]]],
    [
      'evil(.)com and evil[dot]com and evil{.}com',
      [
        ['evil.com', 'evil(.)com', 'domain', true],
        ['evil.com', 'evil[dot]com', 'domain', true],
        ['evil.com', 'evil{.}com', 'domain', true],
      ],
    ],
    ['hxxps://cdn[.]badstuff[.]io/p.exe', [['cdn.badstuff.io', 'cdn[.]badstuff[.]io', 'domain', true]]],
    ['hxxp://login.example.net/x', [['login.example.net', 'login.example.net', 'domain', true]]],
    ['user[@]mail.example.org', [['mail.example.org', 'mail.example.org', 'domain', true]]],
    ['66.216.133[.]29', [['66.216.133.29', '66.216.133[.]29', 'ipv4', true]]],
  ])('%s', (...row) => check(row));
});

describe('findHosts: addresses', () => {
  it.each<Row>([
    [
      'from 66.216.133.29 and 192.0.2.1:443',
      [
        ['66.216.133.29', '66.216.133.29', 'ipv4'],
        ['192.0.2.1', '192.0.2.1', 'ipv4'],
      ],
    ],
    [
      'v6 2001:DB8:0:0::1 and fe80::1',
      [
        ['2001:db8::1', '2001:DB8:0:0::1', 'ipv6'],
        ['fe80::1', 'fe80::1', 'ipv6'],
      ],
    ],
    ['http://[2001:db8:bad::1]:443/', [['2001:db8:bad::1', '2001:db8:bad::1', 'ipv6']]],
    ['mapped ::ffff:192.0.2.1 here', [['::ffff:c000:201', '::ffff:192.0.2.1', 'ipv6']]],
  ])('%s', (...row) => check(row));
});

describe('findHosts: international names', () => {
  it.each<Row>([
    ['bücher.de', [['xn--bcher-kva.de', 'bücher.de']]],
    ['пример.рф', [['xn--e1afmkfd.xn--p1ai', 'пример.рф']]],
    ['xn--bcher-kva.de', [['xn--bcher-kva.de', 'xn--bcher-kva.de']]],
    ['a look-alike аррӏе.com', [['xn--80ak6aa92e.com', 'аррӏе.com']]],
  ])('%s', (...row) => check(row));
});

describe('findHosts: what is not a host', () => {
  it.each([
    ['file names', 'main.py README.md lib.rs setup.sh archive.zip clip.mov notes.txt'],
    ['product names', 'Node.js ASP.NET Vue.js Three.js'],
    ['abbreviations', 'e.g. U.S. a.m. p.m. i.e. Ph.D.'],
    ['sentences run together', 'the narrative.Security experts said'],
    [
      'code identifiers',
      'window.location.href document.body this.name user.email item.id el.style self.host',
    ],
    ['non-public suffixes', 'printer.local host.internal foo.invalid example.test localhost'],
    [
      'numbers, versions and times',
      '3.14 10.0.19041 v1.2.3 999.1.1.1 1.2.3.4.5 04:12:45 std::string 00:1a:2b:3c:4d:5e',
    ],
    ['the local part of an e-mail address', 'john.smith@'],
    ['underscored identifiers', 'my_module.name _example.com'],
  ])('%s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it('needs a subdomain or context for ambiguous TLDs', () => {
    expect(found('docs.example.zip and https://archive.zip/x').map(([h]) => h)).toEqual([
      'docs.example.zip',
      'archive.zip',
    ]);
  });
});

describe('findHosts: robustness', () => {
  it.each([
    ['dots', '.'.repeat(1_000_000)],
    ['brackets', '[.]'.repeat(300_000)],
    ['labels', 'a.'.repeat(500_000)],
    ['colons', 'a:'.repeat(500_000)],
  ])('handles a megabyte of %s quickly', (_label, text) => {
    const started = performance.now();
    findHosts(text);
    // Generous bound: this catches quadratic behaviour, not small slowdowns.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('never throws, keeps offsets in order and in bounds, and normalizes (seeded property)', () => {
    const alphabet = fc.constantFrom(
      ...'ab.-_:[]()@/ 0123456789xnü.comorgé'.split(''),
      '[.]',
      'http://',
      '.com',
      '.zip',
      '::',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join('')),
        (text) => {
          let last = -1;
          for (const m of findHosts(text)) {
            expect(m.start).toBeGreaterThan(last);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(normalizeHost(m.host)?.name).toBe(m.host);
            last = m.start;
          }
        },
      ),
      { seed: 20161031, numRuns: 400 },
    );
  });
});
