// Shapes written from the OTX passive_dns skeleton and error form in
// ../shared/docs/data-sources.md §2.4 (zone-less ISO times, `count`, `{detail, error}`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { otx, otxTime } from '@/utils/history/otx';
import { normalizeHost } from '@/utils/hosts/host';

const host = (text: string) => normalizeHost(text)!;
const response = (over: Partial<SourceResponse> = {}): SourceResponse => ({
  status: 200,
  body: '',
  contentType: 'application/json',
  retryAfter: null,
  headers: {},
  ...over,
});
const row = (over: Record<string, unknown> = {}) => ({
  address: '185.178.208.160',
  hostname: 'aria.stealer.cy',
  record_type: 'A',
  first: '2025-09-12T09:47:59',
  last: '2025-09-14T10:00:00',
  asn: 'AS57724 ddos guard ltd',
  asset_type: 'hostname',
  indicator_link: '/indicator/hostname/aria.stealer.cy',
  flag_title: 'Russia',
  ...over,
});
const body = (rows: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ passive_dns: rows, count: rows.length, ...extra });
const read = (text: string, over: Partial<SourceResponse> = {}, query = 'aria.stealer.cy') =>
  otx.read(response({ body: text, ...over }), host(query), 1000);

describe('OTX adapter: request', () => {
  it.each([
    ['aria.stealer.cy', 'https://otx.alienvault.com/api/v1/indicators/hostname/aria.stealer.cy/passive_dns'],
    ['185.178.208.160', 'https://otx.alienvault.com/api/v1/indicators/IPv4/185.178.208.160/passive_dns'],
    ['2001:DB8::1', 'https://otx.alienvault.com/api/v1/indicators/IPv6/2001%3Adb8%3A%3A1/passive_dns'],
  ])('asks about %s in the right section, with the key in a header', (query, url) => {
    expect(otx.request(otx.defaultBase, ' k3y ', host(query))).toEqual({
      url,
      headers: { Accept: 'application/json', 'X-OTX-API-KEY': 'k3y' },
    });
  });
});

describe('OTX adapter: answers', () => {
  it('reads zone-less times as UTC', () => {
    expect(otxTime('2025-09-12T09:47:59')).toBe(Date.UTC(2025, 8, 12, 9, 47, 59));
    expect(otxTime('2025-09-12T09:47:59+02:00')).toBe(Date.UTC(2025, 8, 12, 7, 47, 59));
    expect(otxTime('last tuesday')).toBeNull();
  });

  it('maps rows and reports the true count', () => {
    const result = read(body([row({ record_type: 'cname', address: 'Edge.Example.net.' })], { count: 213 }));
    expect(result).toEqual({
      ok: true,
      value: {
        page: {
          source: 'AlienVault OTX',
          total: 213,
          observations: [
            {
              rrname: 'aria.stealer.cy',
              rrtype: 'CNAME',
              rdata: 'edge.example.net',
              firstSeen: Date.UTC(2025, 8, 12, 9, 47, 59),
              lastSeen: Date.UTC(2025, 8, 14, 10),
              source: 'AlienVault OTX',
            },
          ],
        },
      },
    });
  });

  it('maps rows of an address query the same way: the name owns the record', () => {
    const result = read(
      body([row({ hostname: 'A.example.', address: '185.178.208.160' })]),
      {},
      '185.178.208.160',
    );
    expect(result.ok && result.value.page.observations[0]).toMatchObject({
      rrname: 'a.example',
      rdata: '185.178.208.160',
    });
  });

  it('drops rows that do not fit, keeps hostile text bounded', () => {
    const rows = [
      row({ first: 'yesterday' }),
      row({ hostname: null }),
      row({ address: 'x'.repeat(10_000) }),
      row({ address: '<script>alert(1)</script>' }),
      row({ hostname: 'moc.elgoog\u202E.example' }),
    ];
    const result = read(body(rows, { count: '5' }));
    expect(result.ok && result.value.page.observations.map((o) => [o.rrname, o.rdata])).toEqual([
      ['aria.stealer.cy', '<script>alert(1)</script>'],
      ['moc.elgoog\u202E.example', '185.178.208.160'],
    ]);
    expect(result.ok && result.value.page.total).toBe(5);
  });

  it('reads an empty list as no history', () => {
    expect(read(body([]))).toEqual({
      ok: true,
      value: { page: { source: 'AlienVault OTX', observations: [], total: 0 } },
    });
  });

  it('reads a 404 as a path OTX does not know, not as no history (OTX documents no such 404)', () => {
    const url = 'https://otx.alienvault.com/api/v1/indicators/hostname/aria.stealer.cy/passive_dns';
    expect(read('{"detail":"Not found."}', { status: 404, url })).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404, message: expect.stringContaining(url) },
    });
  });

  it('reads 10,000 rows of a larger list, bounded', () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => row({ address: `10.0.${i >> 8}.${i % 256}` }));
    const result = read(body(rows));
    expect(result.ok && result.value.page.observations).toHaveLength(10_000);
    expect(result.ok && result.value.page.total).toBe(12_000);
  });

  it('says what OTX said when it answers an error with HTTP 200', () => {
    expect(read(JSON.stringify({ detail: 'Invalid hostname', error: 'bad indicator' }))).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'AlienVault OTX answered: bad indicator' },
    });
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [502, 'http'],
  ])('turns HTTP %i into %s, naming the source', (status, kind) => {
    const result = read('<html>no</html>', { status, contentType: 'text/html' });
    expect(result).toMatchObject({ ok: false, error: { kind, status } });
    expect(!result.ok && result.error.message).toMatch(/^AlienVault OTX/);
  });

  it('holds off as long as Retry-After says after a 429', () => {
    expect(read('{}', { status: 429, retryAfter: '30' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 31_000 },
    });
  });

  it.each([
    ['an HTML page with HTTP 200', '<html>maintenance</html>', 'text/html'],
    ['JSON that is not the envelope', '[1,2]', 'application/json'],
    ['text that is not JSON', 'oops', 'text/plain'],
  ])('turns %s into an error value', (_label, text, contentType) => {
    expect(read(text, { contentType })).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });
});

// Recorded by others (tests/fixtures/recorded/otx/README.md): OTX's passive_dns section for an
// address in February 2019, before `record_type` existed, with HTTP-style dates.
describe('OTX adapter: recorded answers', () => {
  const recorded = (file: string) =>
    readFileSync(new URL(`../../fixtures/recorded/otx/${file}`, import.meta.url), 'utf8');

  it('reads HTTP-style dates as UTC', () => {
    expect(otxTime('Tue, 26 Feb 2019 14:45:47 GMT')).toBe(Date.UTC(2019, 1, 26, 14, 45, 47));
    expect(otxTime('Tue, 26 Feb 2019 14:45:47')).toBeNull();
    expect(otxTime('Tue, 31 Feb 2019 14:45:47 GMT')).toBeNull();
  });

  it('keeps the row of the 2019 shape (no record_type): an address value is an A record', () => {
    const result = read(recorded('175.126.38.143.passive_dns.json'), {}, '175.126.38.143');
    expect(result).toEqual({
      ok: true,
      value: {
        page: {
          source: 'AlienVault OTX',
          total: 1,
          observations: [
            {
              rrname: 'www.wnbbeauty.com',
              rrtype: 'A',
              rdata: '175.126.38.143',
              firstSeen: Date.UTC(2019, 1, 26, 14, 45, 47),
              lastSeen: Date.UTC(2019, 1, 26, 14, 45, 47),
              source: 'AlienVault OTX',
            },
          ],
        },
      },
    });
  });

  it('reads an IPv6 value without record_type as AAAA, and does not guess a type for a name', () => {
    const rows = [
      row({ record_type: undefined, address: '2001:DB8::1', first: 'Tue, 26 Feb 2019 14:45:47 GMT' }),
      row({ record_type: undefined, address: 'edge.example.net' }),
    ];
    const result = read(body(rows));
    expect(result.ok && result.value.page.observations.map((o) => [o.rrtype, o.rdata])).toEqual([
      ['AAAA', '2001:db8::1'],
    ]);
    expect(result.ok && result.value.page.total).toBe(2);
  });
});
