// Shapes written from RFC 9083 / RFC 9224 and the ICANN gTLD profile (../shared/docs/data-sources.md §3).
import { describe, expect, it } from 'vitest';
import { rdapBaseFor, rdapTime, readRdapDomain, readRdapIp } from '@/utils/history/rdap';

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

// Shapes after IANA's ipv4.json / ipv6.json (data-sources.md §3.1); prefixes trimmed to a few.
const IPV4_BOOTSTRAP = {
  version: '1.0',
  services: [
    [
      ['8.0.0.0/8', '66.0.0.0/8'],
      ['https://rdap.arin.net/registry/', 'http://rdap.arin.net/registry/'],
    ],
    [['8.8.0.0/16'], ['https://rdap.example/narrow']],
    [['2.0.0.0/8', 'not a prefix', '2001:67c::/32'], ['https://rdap.db.ripe.net/']],
  ],
};
const IPV6_BOOTSTRAP = {
  version: '1.0',
  services: [
    [['2001:4800::/23'], ['https://rdap.arin.net/registry/']],
    [['2001:4860::/32'], ['https://rdap.example/v6/']],
    [['2a00::/12'], ['https://rdap.db.ripe.net/']],
  ],
};

describe('RDAP bootstrap for addresses (longest prefix)', () => {
  it.each([
    ['8.8.8.8', 'https://rdap.example/narrow/'],
    ['8.1.2.3', 'https://rdap.arin.net/registry/'],
    ['66.216.133.29', 'https://rdap.arin.net/registry/'],
    ['2.3.4.5', 'https://rdap.db.ripe.net/'],
    ['9.9.9.9', null],
    // A prefix matches addresses of its own family only.
    ['2.0.0.0', 'https://rdap.db.ripe.net/'],
    ['::ffff:8.8.8.8', 'https://rdap.example/narrow/'],
  ])('IPv4 file: %s → %s', (address, base) => {
    expect(rdapBaseFor(IPV4_BOOTSTRAP, address)).toBe(base);
  });

  it.each([
    ['2001:4860:4860::8888', 'https://rdap.example/v6/'],
    ['2001:4801::1', 'https://rdap.arin.net/registry/'],
    ['2a01:4f8::1', 'https://rdap.db.ripe.net/'],
    ['2c0f:fb50::1', null],
    ['8.8.8.8', null],
  ])('IPv6 file: %s → %s', (address, base) => {
    expect(rdapBaseFor(IPV6_BOOTSTRAP, address)).toBe(base);
  });

  it('does not read a domain as an address, nor an address as a domain', () => {
    expect(rdapBaseFor(BOOTSTRAP, '8.8.8.8')).toBeNull();
    expect(rdapBaseFor(IPV4_BOOTSTRAP, 'example.com')).toBeNull();
  });
});

// After ARIN's answer for 8.8.8.8 (RFC 9083 §5.4, cidr0 extension), trimmed; the abuse contact
// sits inside the holder's entity, as ARIN nests it.
const NETWORK = {
  objectClassName: 'ip network',
  handle: 'NET-8-8-8-0-2',
  startAddress: '8.8.8.0',
  endAddress: '8.8.8.255',
  ipVersion: 'v4',
  name: 'GOGL',
  type: 'DIRECT ALLOCATION',
  country: 'us',
  parentHandle: 'NET-8-0-0-0-0',
  status: ['active'],
  cidr0_cidrs: [{ v4prefix: '8.8.8.0', length: 24 }, { v4prefix: '<b>', length: 24 }, 'junk'],
  events: [
    { eventAction: 'registration', eventDate: '2014-03-14T16:52:05-04:00' },
    { eventAction: 'last changed', eventDate: '2014-03-14T16:52:05-04:00' },
  ],
  entities: [
    {
      handle: 'GOGL',
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', 'Google LLC'],
          ['adr', { label: 'x' }, 'text', ['', '', '1600 Amphitheatre Parkway', 'Mountain View', 'CA']],
        ],
      ],
      entities: [
        {
          roles: ['abuse'],
          vcardArray: [
            'vcard',
            [
              ['fn', {}, 'text', 'Abuse'],
              ['email', {}, 'text', 'network-abuse@google.com'],
            ],
          ],
        },
      ],
    },
  ],
};

describe('RDAP IP network answers', () => {
  it('reads name, handle, range, prefixes, type, country, holder, abuse contact, dates, the RIR', () => {
    expect(readRdapIp('8.8.8.8', 'rdap.arin.net', 200, JSON.stringify(NETWORK), 0, null)).toEqual({
      ok: true,
      value: {
        address: '8.8.8.8',
        name: 'GOGL',
        handle: 'NET-8-8-8-0-2',
        startAddress: '8.8.8.0',
        endAddress: '8.8.8.255',
        cidrs: ['8.8.8.0/24'],
        type: 'DIRECT ALLOCATION',
        country: 'US',
        statuses: ['active'],
        registrant: 'Google LLC',
        abuseEmail: 'network-abuse@google.com',
        registered: Date.parse('2014-03-14T16:52:05-04:00'),
        updated: Date.parse('2014-03-14T16:52:05-04:00'),
        server: 'rdap.arin.net',
        registry: 'ARIN',
      },
    });
  });

  it('reads IPv6 networks and canonicalizes the addresses', () => {
    const v6 = {
      objectClassName: 'ip network',
      startAddress: '2A00:1450:0000:0000:0000:0000:0000:0000',
      endAddress: '2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff',
      cidr0_cidrs: [{ v6prefix: '2a00:1450::', length: 32 }],
    };
    expect(readRdapIp('2a00:1450::1', 'rdap.db.ripe.net', 200, JSON.stringify(v6), 0, null)).toMatchObject({
      ok: true,
      value: {
        startAddress: '2a00:1450::',
        endAddress: '2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff',
        cidrs: ['2a00:1450::/32'],
        registry: 'RIPE NCC',
      },
    });
  });

  it('keeps hostile vCard text as bounded text, and never a redacted placeholder or an odd value', () => {
    const hostile = {
      objectClassName: 'ip network',
      name: 'x'.repeat(400),
      startAddress: '<script>',
      country: 'Narnia',
      entities: [
        { roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text', 'REDACTED FOR PRIVACY']]] },
        { roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text', { toString: 'evil' }]]] },
        {
          roles: ['registrant'],
          vcardArray: ['vcard', [['org', {}, 'text', ['<img src=x onerror=alert(1)>\u202eevil', 'Unit']]]],
        },
        { roles: ['abuse'], vcardArray: ['vcard', [['email', {}, 'text', 'not an address <a@b>']]] },
        { roles: ['abuse'], vcardArray: 'vcard' },
      ],
    };
    const result = readRdapIp('1.2.3.4', 'rdap.example', 200, JSON.stringify(hostile), 0, null);
    expect(result).toEqual({
      ok: true,
      value: {
        address: '1.2.3.4',
        name: 'x'.repeat(100),
        cidrs: [],
        statuses: [],
        registrant: '<img src=x onerror=alert(1)>\u202eevil, Unit',
        server: 'rdap.example',
      },
    });
  });

  it('reads 404 as "no network", and other statuses and shapes as error values', () => {
    expect(readRdapIp('1.2.3.4', 'r', 404, '', 0, null)).toEqual({ ok: true, value: null });
    expect(readRdapIp('1.2.3.4', 'r', 429, '', 1000, '40')).toEqual({
      ok: false,
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAt: 41_000,
        message: 'RDAP (r) is limiting requests; try again in 40 s.',
      },
    });
    expect(readRdapIp('1.2.3.4', 'r', 200, '{"objectClassName":"domain"}', 0, null)).toMatchObject({
      ok: false,
      error: { kind: 'bad-response' },
    });
    expect(readRdapIp('1.2.3.4', 'r', 200, '{"name": 5}', 0, null)).toMatchObject({
      ok: false,
      error: { kind: 'bad-response' },
    });
  });
});

describe('RDAP dates', () => {
  it.each([
    ['2028-09-13T07:00:00.000+0000', Date.UTC(2028, 8, 13, 7)],
    ['2007-03-13T12:09:54-04:00', Date.UTC(2007, 2, 13, 16, 9, 54)],
    ['2004-08-30T22:55:00+00:00', Date.UTC(2004, 7, 30, 22, 55)],
    ['2021-03-16T17:07:37Z', Date.UTC(2021, 2, 16, 17, 7, 37)],
    ['2021-03-16t17:07:37.123456z', Date.UTC(2021, 2, 16, 17, 7, 37, 123)],
    ['2021-03-16T17:07:37', Date.UTC(2021, 2, 16, 17, 7, 37)],
    ['2016-04-01', Date.UTC(2016, 3, 1)],
    ['2021-02-30T00:00:00Z', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (text, ms) => {
    expect(rdapTime(text)).toBe(ms);
  });
});
