import { describe, expect, it } from 'vitest';
import { parseLookupInput } from '@/utils/hosts/parse-input';
import { reverseName } from '@/utils/hosts/ip';

describe('parseLookupInput', () => {
  it.each([
    ['mail1.trump-email.com', 'mail1.trump-email.com', 'domain', 'mail1.trump-email.com'],
    ['  MAIL1.Trump-Email.COM. ', 'mail1.trump-email.com', 'domain', 'mail1.trump-email.com'],
    ['https://bücher.de/x', 'xn--bcher-kva.de', 'domain', 'bücher.de'],
    ['http://user:pw@Example.org:8080/path?q#f', 'example.org', 'domain', 'example.org'],
    ['evil[.]example[.]com', 'evil.example.com', 'domain', 'evil.example.com'],
    ['hxxps://x[.]y[.]com/z', 'x.y.com', 'domain', 'x.y.com'],
    ['evil(.)com', 'evil.com', 'domain', 'evil.com'],
    ['evil[dot]com', 'evil.com', 'domain', 'evil.com'],
    ['user[@]mail.example.org', 'mail.example.org', 'domain', 'mail.example.org'],
    ['alice@Example.ORG', 'example.org', 'domain', 'example.org'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai', 'domain', 'пример.рф'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de', 'domain', 'bücher.de'],
    ['_dmarc.trump-email.com', '_dmarc.trump-email.com', 'domain', '_dmarc.trump-email.com'],
    ['66.216.133.29', '66.216.133.29', 'ipv4', '66.216.133.29'],
    ['66.216.133[.]29', '66.216.133.29', 'ipv4', '66.216.133.29'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', 'ipv6', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1', 'ipv6', '2001:db8::1'],
    ['http://[2001:db8::1]/x', '2001:db8::1', 'ipv6', '2001:db8::1'],
    ['example.com:8443', 'example.com', 'domain', 'example.com'],
  ])('%s → %s', (input, name, kind, display) => {
    expect(parseLookupInput(input)).toEqual({ ok: true, host: { name, kind, display } });
  });

  it.each([
    '',
    '   ',
    'not a host',
    'a..b',
    '-bad.com',
    'x'.repeat(64) + '.com',
    'xn--zz-.com',
    'http://',
    'a b.com',
  ])('rejects %j with a message', (input) => {
    const result = parseLookupInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/\S/);
  });
});

describe('reverseName', () => {
  it('reverses IPv4 octets', () => {
    expect(reverseName('66.216.133.29')).toBe('29.133.216.66.in-addr.arpa');
  });
  it('reverses IPv6 nibbles', () => {
    expect(reverseName('2001:db8::1')).toBe(
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
  });
});
