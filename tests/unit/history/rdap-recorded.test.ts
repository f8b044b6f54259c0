// RDAP answers recorded by others, one test per file (tests/fixtures/recorded/rdap*/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRdapIp } from '@/utils/history/rdap';

const recorded = (path: string) =>
  readFileSync(new URL(`../../fixtures/recorded/${path}`, import.meta.url), 'utf8');

describe('RDAP IP network answers recorded by secynic/ipwhois (2015)', () => {
  it('reads ARIN’s zero-padded range as decimal: 074.125.000.000 is 74.125.0.0, not 60.125.0.0', () => {
    const body = recorded('rdap-ip/74.125.225.229.arin.json');
    expect(readRdapIp('74.125.225.229', 'rdap.arin.net', 200, body, 0, null)).toEqual({
      ok: true,
      value: {
        address: '74.125.225.229',
        name: 'GOOGLE',
        handle: 'NET-74-125-0-0-1',
        startAddress: '74.125.0.0',
        endAddress: '74.125.255.255',
        cidrs: [],
        statuses: [],
        registrant: 'Google Inc.',
        abuseEmail: 'arin-contact@google.com',
        registered: Date.parse('2007-03-13T12:09:54-04:00'),
        updated: Date.parse('2012-02-24T09:44:34-05:00'),
        server: 'rdap.arin.net',
        registry: 'ARIN',
      },
    });
  });
});

describe('RDAP IP network answers from RIPE with prefix-suffixed addresses (ipwhois, 2015)', () => {
  it.each([
    [
      '62.239.237.1',
      'rdap-ip/62.239.237.1.ripe.json',
      {
        name: 'BT-CORPORATE',
        handle: '62.239.237.0 - 62.239.237.255',
        startAddress: '62.239.237.0',
        endAddress: '62.239.237.255',
        type: 'ASSIGNED PA',
        updated: Date.parse('2008-08-14T16:54:30Z'),
      },
    ],
    [
      '2a00:2381:ffff::1',
      'rdap-ip/2a00-2381-ffff--1.ripe.json',
      {
        name: 'BT-WORLD-IPVSIX-LAUNCH',
        handle: '2a00:2381:ffff::/64',
        startAddress: '2a00:2381:ffff::',
        // RFC 5952: a single zero group is written 0, not ::.
        endAddress: '2a00:2381:ffff:0:ffff:ffff:ffff:ffff',
        type: 'Assigned',
        updated: Date.parse('2012-05-29T09:49:44Z'),
      },
    ],
  ])('keeps the range of %s written as "address/length"', (address, file, fields) => {
    expect(readRdapIp(address, 'rdap.db.ripe.net', 200, recorded(file), 0, null)).toEqual({
      ok: true,
      value: {
        address,
        ...fields,
        cidrs: [],
        statuses: [],
        country: 'GB',
        // The maintainer nested under the abuse contact with role "registrant" has no name: none shown.
        abuseEmail: 'zzdnsr@bt.com',
        server: 'rdap.db.ripe.net',
        registry: 'RIPE NCC',
      },
    });
  });
});
