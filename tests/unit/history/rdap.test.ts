// Shapes written from RFC 9083 / RFC 9224 and the ICANN gTLD profile (../shared/docs/data-sources.md §3).
import { describe, expect, it } from 'vitest';
import { rdapBaseFor, readRdapDomain } from '@/utils/history/rdap';

const BOOTSTRAP = {
  version: '1.0',
  services: [
    [['com', 'net'], ['https://rdap.verisign.com/com/v1/']],
    [['uk'], ['http://rdap.nominet.uk/uk/', 'https://rdap.nominet.uk/uk/']],
    [['co.uk'], ['https://rdap.example/co.uk']],
  ],
};

const DOMAIN = {
  objectClassName: 'domain',
  ldhName: 'TRUMP-EMAIL.COM',
  status: ['client transfer prohibited', 'active'],
  events: [
    { eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' },
    { eventAction: 'last changed', eventDate: '2016-10-31T00:00:00Z' },
    { eventAction: 'expiration', eventDate: '2017-04-01T00:00:00Z' },
  ],
  entities: [
    { roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text', 'REDACTED FOR PRIVACY']]] },
    {
      roles: ['registrar'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', 'Example Registrar, Inc.'],
        ],
      ],
    },
  ],
  nameservers: [{ ldhName: 'NS1.TRUMP-EMAIL.COM.' }],
  secureDNS: { delegationSigned: false },
};

describe('RDAP bootstrap', () => {
  it.each([
    ['mail1.trump-email.com', 'https://rdap.verisign.com/com/v1/'],
    ['example.co.uk', 'https://rdap.example/co.uk/'],
    ['example.org.uk', 'https://rdap.nominet.uk/uk/'],
    ['example.zz', null],
  ])('%s → %s', (domain, base) => {
    expect(rdapBaseFor(BOOTSTRAP, domain)).toBe(base);
  });

  it('gives nothing for a broken file', () => {
    expect(rdapBaseFor({ services: 'x' }, 'example.com')).toBeNull();
  });
});

describe('RDAP domain answers', () => {
  it('reads dates, the registrar (never a redacted placeholder), statuses, name servers, DNSSEC', () => {
    expect(readRdapDomain('trump-email.com', 'rdap.test', 200, JSON.stringify(DOMAIN), 0, null)).toEqual({
      ok: true,
      value: {
        domain: 'trump-email.com',
        created: Date.parse('2016-04-01T00:00:00Z'),
        updated: Date.parse('2016-10-31T00:00:00Z'),
        expires: Date.parse('2017-04-01T00:00:00Z'),
        registrar: 'Example Registrar, Inc.',
        statuses: ['client transfer prohibited', 'active'],
        nameservers: ['ns1.trump-email.com'],
        delegationSigned: false,
        server: 'rdap.test',
      },
    });
  });

  it('reads 404 as "not registered", not an error', () => {
    expect(readRdapDomain('x.com', 'r', 404, '{"errorCode":404}', 0, null)).toEqual({
      ok: true,
      value: null,
    });
  });

  it.each([
    [429, '', 'rate-limited'],
    [503, '<html>busy</html>', 'http'],
    [200, '<html>not json</html>', 'bad-response'],
    [200, '{"events": "nope"}', 'bad-response'],
  ])('turns HTTP %i into an error value', (status, body, kind) => {
    expect(readRdapDomain('x.com', 'r', status, body, 0, '30')).toMatchObject({ ok: false, error: { kind } });
  });

  it('keeps going when optional parts are missing or odd', () => {
    const result = readRdapDomain(
      'x.com',
      'r',
      200,
      JSON.stringify({ entities: [{ roles: 'x' }, 5], events: [] }),
      0,
      null,
    );
    expect(result).toEqual({
      ok: true,
      value: { domain: 'x.com', statuses: [], nameservers: [], server: 'r' },
    });
  });
});
