// findHosts, table by table: what is a host (and its normalized form, kind, defanged flag and
// the exact visible text its offsets cover), and what is not. Samples are the kinds of text the
// issue lists (the 2016 Alfa Bank story, threat-report IOCs, a developer's page).
import { describe, expect, it } from 'vitest';
import { findHosts } from '@/utils/detect/find-hosts';

/** [host, the visible text `text.slice(start, end)`, kind, defanged] */
type Found = [string, string, ('domain' | 'ipv4' | 'ipv6')?, boolean?];

const found = (text: string) =>
  findHosts(text).map((m) => [m.host, text.slice(m.start, m.end), m.kind, m.defanged]);
const expectFound = (text: string, expected: Found[]) =>
  expect(found(text)).toEqual(expected.map(([h, v, k = 'domain', d = false]) => [h, v, k, d]));
const hostsIn = (text: string) => findHosts(text).map((m) => m.host);

describe('host names', () => {
  it.each<[string, Found[]]>([
    ['mail1.trump-email.com', [['mail1.trump-email.com', 'mail1.trump-email.com']]],
    [
      'Servers mail1.trump-email.com and trump1.contact-client.com.',
      [
        ['mail1.trump-email.com', 'mail1.trump-email.com'],
        ['trump1.contact-client.com', 'trump1.contact-client.com'],
      ],
    ],
    ['See MAIL1.Trump-Email.com.', [['mail1.trump-email.com', 'MAIL1.Trump-Email.com']]],
    [
      'GitHub.com and Booking.com',
      [
        ['github.com', 'GitHub.com'],
        ['booking.com', 'Booking.com'],
      ],
    ],
    ['shouted GOOGLE.COM.', [['google.com', 'GOOGLE.COM']]],
    ['policy at _dmarc.trump-email.com', [['_dmarc.trump-email.com', '_dmarc.trump-email.com']]],
    [
      '(see listrak.com), "cendyn.com"',
      [
        ['listrak.com', 'listrak.com'],
        ['cendyn.com', 'cendyn.com'],
      ],
    ],
    ['“example.com” example.com’s example.com…', Array(3).fill(['example.com', 'example.com'])],
    [
      's.l.o.w.io and a--b.com',
      [
        ['s.l.o.w.io', 's.l.o.w.io'],
        ['a--b.com', 'a--b.com'],
      ],
    ],
    [
      'gov sites: state.gov, data.gov.uk',
      [
        ['state.gov', 'state.gov'],
        ['data.gov.uk', 'data.gov.uk'],
      ],
    ],
    [
      'reach us at x.ai or deno.land',
      [
        ['x.ai', 'x.ai'],
        ['deno.land', 'deno.land'],
      ],
    ],
    ['visit example.com.Then we left', [['example.com', 'example.com']]],
    ['root.example.com.', [['root.example.com', 'root.example.com']]],
  ])('%s', (text, expected) => expectFound(text, expected));
});

describe('URL and e-mail hosts: the match covers the host only', () => {
  it.each<[string, Found[]]>([
    ['Visit https://www.example.org:8443/path?q=a.b.c#x now', [['www.example.org', 'www.example.org']]],
    ['at http://user:pass@example.com:8080/x', [['example.com', 'example.com']]],
    ['ftp://files.example.net/pub', [['files.example.net', 'files.example.net']]],
    ['protocol-relative //cdn.example.net/x.js', [['cdn.example.net', 'cdn.example.net']]],
    ['example.com/files/report.zip', [['example.com', 'example.com']]],
    [
      'https://archive.zip/x and t.me/channel',
      [
        ['archive.zip', 'archive.zip'],
        ['t.me', 't.me'],
      ],
    ],
    [
      'web.archive.org/web/2016/mail1.trump-email.com',
      [
        ['web.archive.org', 'web.archive.org'],
        ['mail1.trump-email.com', 'mail1.trump-email.com'],
      ],
    ],
    ['Mail tips@example-news.org today', [['example-news.org', 'example-news.org']]],
    ['john.smith@example.com', [['example.com', 'example.com']]],
    ['192.168.1.1@gmail.com', [['gmail.com', 'gmail.com']]],
    [
      '<a href="https://x.com/a">x.com</a>',
      [
        ['x.com', 'x.com'],
        ['x.com', 'x.com'],
      ],
    ],
    ['status at status.example.io:443', [['status.example.io', 'status.example.io']]],
  ])('%s', (text, expected) => expectFound(text, expected));
});

describe('defanged forms: refanged host, brackets inside the match', () => {
  it.each<[string, Found[]]>([
    ['mail1[.]trump-email[.]com', [['mail1.trump-email.com', 'mail1[.]trump-email[.]com', 'domain', true]]],
    ['evil(.)com', [['evil.com', 'evil(.)com', 'domain', true]]],
    ['evil[dot]com', [['evil.com', 'evil[dot]com', 'domain', true]]],
    ['evil{.}com', [['evil.com', 'evil{.}com', 'domain', true]]],
    ['evil [.] com', [['evil.com', 'evil [.] com', 'domain', true]]],
    ['hxxps://cdn[.]badstuff[.]io/p.exe', [['cdn.badstuff.io', 'cdn[.]badstuff[.]io', 'domain', true]]],
    ['hxxp://login.example.net/x', [['login.example.net', 'login.example.net', 'domain', true]]],
    ['hxxp[:]//evil[.]com/x', [['evil.com', 'evil[.]com', 'domain', true]]],
    ['user[@]mail.example.org', [['mail.example.org', 'mail.example.org', 'domain', true]]],
    ['user [at] mail.example.org', [['mail.example.org', 'mail.example.org', 'domain', true]]],
    ['66.216.133[.]29', [['66.216.133.29', '66.216.133[.]29', 'ipv4', true]]],
    ['hxxps://x[.]y/z', []], // `y` is no TLD: the shorthand, not a host
    [
      'drop.zip[.]py and cmd[.]sh',
      [
        ['drop.zip.py', 'drop.zip[.]py', 'domain', true],
        ['cmd.sh', 'cmd[.]sh', 'domain', true],
      ],
    ],
  ])('%s', (text, expected) => expectFound(text, expected));
});

describe('IP addresses', () => {
  it.each<[string, Found[]]>([
    ['4.4.4.4', [['4.4.4.4', '4.4.4.4', 'ipv4']]],
    [
      'from 66.216.133.29 and 192.0.2.1:443',
      [
        ['66.216.133.29', '66.216.133.29', 'ipv4'],
        ['192.0.2.1', '192.0.2.1', 'ipv4'],
      ],
    ],
    ['192.168.1.1/abc', [['192.168.1.1', '192.168.1.1', 'ipv4']]],
    [
      'v6 2001:DB8:0:0::1 and fe80::1',
      [
        ['2001:db8::1', '2001:DB8:0:0::1', 'ipv6'],
        ['fe80::1', 'fe80::1', 'ipv6'],
      ],
    ],
    [
      'full 2001:0db8:0000:0000:0000:ff00:0042:8329',
      [['2001:db8::ff00:42:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329', 'ipv6']],
    ],
    ['http://[2001:db8:bad::1]:443/', [['2001:db8:bad::1', '2001:db8:bad::1', 'ipv6']]],
    ['mapped ::ffff:192.0.2.1 here', [['::ffff:c000:201', '::ffff:192.0.2.1', 'ipv6']]],
  ])('%s', (text, expected) => expectFound(text, expected));
});

describe('international names', () => {
  it.each<[string, Found[]]>([
    ['bücher.de', [['xn--bcher-kva.de', 'bücher.de']]],
    ['пример.рф', [['xn--e1afmkfd.xn--p1ai', 'пример.рф']]],
    ['xn--bcher-kva.de', [['xn--bcher-kva.de', 'xn--bcher-kva.de']]],
    ['a look-alike аррӏе.com', [['xn--80ak6aa92e.com', 'аррӏе.com']]],
    ['例子.中国', [['xn--fsqu00a.xn--fiqs8s', '例子.中国']]],
    // No spaces between words in these scripts: the name is cut out of the sentence.
    ['访问example.com了解更多', [['example.com', 'example.com']]],
    ['example.com에서 확인', [['example.com', 'example.com']]],
  ])('%s', (text, expected) => expectFound(text, expected));
});

describe('not hosts', () => {
  it.each([
    [
      'file names',
      [
        'main.py',
        'README.md',
        'lib.rs',
        'setup.sh',
        'archive.zip',
        'clip.mov',
        'script.pl',
        'main.tf',
        'configure.ac',
        'Makefile.am',
        'Safari.app',
        'notes.txt',
      ],
    ],
    ['files in paths', ['src/main.rs', '/path/to/file.pl', 'path:to:file.pm', 'C:\\tools\\run.sh']],
    ['product names', ['Node.js', 'ASP.NET', 'VB.NET', 'Vue.js', 'Three.js', 'Socket.IO']],
    ['abbreviations', ['e.g.', 'U.S.', 'a.m.', 'p.m.', 'i.e.', 'Ph.D.', 'D.C.', 'U.K.']],
    [
      'sentences run together',
      ['the narrative.Security experts', 'Read the docs.Next, go', 'e-mail.narrative.Security'],
    ],
    [
      'code identifiers',
      [
        'window.location.href',
        'document.body',
        'this.name',
        'user.email',
        'item.id',
        'el.style',
        'self.host',
        'e.target.name',
        'this.props.data',
        'window.location.host',
        'arr.map(f)',
        'logger.info("x")',
        'foo.bar',
        'config.server.host = 1',
        'my_module.name',
        '__init__.py',
        '#main.app',
        '$this.name',
      ],
    ],
    ['reverse-DNS identifiers', ['com.example.app', 'org.apache.commons.io']],
    [
      'non-public suffixes',
      ['printer.local', 'host.internal', 'foo.invalid', 'example.test', 'localhost', 'example.coma'],
    ],
    [
      'numbers and versions',
      ['3.14', '10.0.19041', 'v1.2.3', 'Chrome 120.0.6099.109', '1.2.3.4.5', '1.2.3', 'a1.2.3.4'],
    ],
    [
      'not addresses',
      [
        '999.1.1.1',
        '1.2.3.400',
        '010.1.1.1',
        '04:12:45',
        'std::string',
        '00:1a:2b:3c:4d:5e',
        'dead::beef',
        '::',
      ],
    ],
    ['local parts alone', ['john.smith@', 'first.last [at]']],
    ['a single label', ['http://intranet', 'mailto:foo@bar', '_example.com']],
  ])('%s', (_class, samples) => {
    expect(samples.map((text) => [text, hostsIn(text)])).toEqual(samples.map((text) => [text, []]));
  });
});

describe('ambiguous TLDs need more evidence than .com', () => {
  it.each<[string, string[]]>([
    ['archive.zip', []],
    ['docs.example.zip', ['docs.example.zip']],
    ['https://archive.zip', ['archive.zip']],
    ['www.example.zip', ['www.example.zip']],
    ['user@mail.zip', ['mail.zip']],
    ['item.id', []],
    ['detik.id/news', ['detik.id']],
    ['trump-email.name', ['trump-email.name']],
    ['setup-x86.zip', []],
    ['README.md', []],
    ['readme.example.md', ['readme.example.md']],
    ['CHANGELOG.old.md', []],
  ])('%s → %j', (text, expected) => expect(hostsIn(text)).toEqual(expected));
});

describe('a run that begins inside a word is no host, nor is any part of it', () => {
  // A label may not start with `-` or a combining mark; a dotted run that does is passed over
  // whole, and the scan goes on after it. Pinned as they were before the scan skipped such runs.
  it.each<[string, string[]]>([
    ['-a.example.com', []],
    ['a--b.-c.example.com', []],
    ['foo-.bar.com', []],
    ['see -www.example.com.', []],
    ['x.-a.example.com see mail1.trump-email.com', ['mail1.trump-email.com']],
    ['\u0301a.example.com then example.org', ['example.org']],
    ['-1.2.3.4 and 10.0.0.1', ['10.0.0.1']],
  ])('%s → %j', (text, expected) => expect(hostsIn(text)).toEqual(expected));
});

describe('robustness', () => {
  // No timing assertion: catastrophic backtracking would blow vitest's 5 s test timeout.
  it.each([
    ['dots', '.'.repeat(1_000_000)],
    ['defanged dots', '[.]'.repeat(350_000)],
    ['brackets', '[('.repeat(500_000)],
    ['labels', 'a.'.repeat(500_000)],
    ['colons', 'a:'.repeat(500_000)],
    ['digits and dots', '1.'.repeat(500_000)],
    ['at-signs', 'a@'.repeat(500_000)],
    ['one long word', 'a'.repeat(1_000_000)],
    ['schemes', 'http://'.repeat(150_000)],
    // Issue 13: every dot of these walked back to the run's start (quadratic: 80 kB took 44 s).
    ['labels after a hyphen', '-' + 'a.'.repeat(500_000)],
    ['labels after a combining mark', '\u0301' + 'a.'.repeat(500_000)],
  ])('scans a megabyte of %s', (_label, text) => {
    expect(findHosts(text)).toBeInstanceOf(Array);
  });

  it('scans an empty string', () => expect(findHosts('')).toEqual([]));
});
