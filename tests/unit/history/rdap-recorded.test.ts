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
