// Shapes written from DNSDB API v2's Streaming Application Format as described in
// ../shared/docs/data-sources.md §2.7 and dnsdb2-python: begin, `obj` lines, a terminator.
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { dnsdb } from '@/utils/history/dnsdb';
import { normalizeHost } from '@/utils/hosts/host';

const host = (text: string) => normalizeHost(text)!;
const response = (over: Partial<SourceResponse> = {}): SourceResponse => ({
  status: 200,
  body: '',
  contentType: 'application/x-ndjson',
  retryAfter: null,
  headers: {},
  ...over,
});
const obj = (over: Record<string, unknown> = {}) => ({
  count: 4,
  time_first: 1380139330,
  time_last: 1577836800,
  rrname: 'www.farsightsecurity.com.',
  rrtype: 'A',
  bailiwick: 'farsightsecurity.com.',
  rdata: ['104.244.13.104'],
  ...over,
});
const saf = (objs: unknown[], end: Record<string, unknown> | null = { cond: 'succeeded' }) =>
  [{ cond: 'begin' }, ...objs.map((o) => ({ obj: o })), ...(end ? [end] : [])]
    .map((l) => JSON.stringify(l))
    .join('\n') + '\n';
const read = (text: string, over: Partial<SourceResponse> = {}, query = 'www.farsightsecurity.com') =>
  dnsdb.read(response({ body: text, ...over }), host(query), 1000);

describe('DNSDB adapter: request', () => {
  it.each([
    [
      'www.farsightsecurity.com',
      'https://api.dnsdb.info/dnsdb/v2/lookup/rrset/name/www.farsightsecurity.com?limit=1000',
    ],
    ['104.244.13.104', 'https://api.dnsdb.info/dnsdb/v2/lookup/rdata/ip/104.244.13.104?limit=1000'],
    ['2001:db8::1', 'https://api.dnsdb.info/dnsdb/v2/lookup/rdata/ip/2001%3Adb8%3A%3A1?limit=1000'],
  ])('looks %s up the right way, with the key in a header', (query, url) => {
    expect(dnsdb.request(dnsdb.defaultBase, 'k3y', host(query))).toEqual({
      url,
      headers: { Accept: 'application/x-ndjson', 'X-API-Key': 'k3y' },
    });
  });
});

describe('DNSDB adapter: answers', () => {
  it('maps the COF records of a whole stream', () => {
    expect(read(saf([obj()]))).toEqual({
      ok: true,
      value: {
        page: {
          source: 'DNSDB',
          total: 1,
          observations: [
            {
              rrname: 'www.farsightsecurity.com',
              rrtype: 'A',
              rdata: '104.244.13.104',
              firstSeen: 1380139330000,
              lastSeen: 1577836800000,
              count: 4,
              source: 'DNSDB',
            },
          ],
        },
      },
    });
  });

  it('reads an address lookup: the names are the owners, the address the data', () => {
    const result = read(saf([obj({ rrname: 'A.example.', rdata: '104.244.13.104' })]), {}, '104.244.13.104');
    expect(result.ok && result.value.page.observations[0]).toMatchObject({
      rrname: 'a.example',
      rdata: '104.244.13.104',
    });
  });

  it('accepts zone times, quoted numbers and ongoing lines; drops lines that do not fit', () => {
    const text = [
      '{"cond":"begin"}',
      'garbage',
      JSON.stringify({ cond: 'ongoing', obj: obj({ time_first: '10', time_last: '20', count: '3' }) }),
      JSON.stringify({
        obj: obj({ time_first: undefined, time_last: undefined, zone_time_first: 5, zone_time_last: 6 }),
      }),
      JSON.stringify({ obj: obj({ rdata: ['x'.repeat(10_000), '<script>\u202E'] }) }),
      JSON.stringify({ obj: 'nope' }),
      '{"cond":"succeeded"}',
    ].join('\n');
    const result = read(text);
    expect(result.ok && result.value.page.observations.map((o) => [o.rdata, o.firstSeen, o.count])).toEqual([
      ['104.244.13.104', 10_000, 3],
      ['104.244.13.104', 5000, 4],
      ['<script>\u202E', 1380139330000, 4],
    ]);
  });

  it('reads an empty stream', () => {
    expect(read(saf([]))).toEqual({
      ok: true,
      value: { page: { source: 'DNSDB', observations: [], total: 0 } },
    });
  });

  it('says there is more when the stream stopped at its limit', () => {
    const result = read(
      saf([obj(), obj({ rdata: ['104.244.13.105'] })], { cond: 'limited', msg: 'Result limit reached' }),
    );
    expect(result).toMatchObject({ ok: true, value: { page: { total: 3 } } });
    expect(result.ok && result.value.page.observations).toHaveLength(2);
  });

  it.each([
    ['no terminator', saf([obj()], null)],
    ['an empty body', ''],
  ])('treats a stream with %s as cut off', (_label, text) => {
    expect(read(text)).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'DNSDB: the answer was cut off.' },
    });
  });

  it('reports a failed stream with its message, bounded', () => {
    const result = read(saf([obj()], { cond: 'failed', msg: `Query timed out\n${'x'.repeat(10_000)}` }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
    expect(!result.ok && result.error.message).toMatch(/^DNSDB: the search failed \(Query timed out x+\)\.$/);
    expect(!result.ok && result.error.message.length).toBeLessThan(260);
  });

  it('reads 10,000 rows and keeps no more', () => {
    const objs = Array.from({ length: 10_200 }, (_, i) => obj({ rdata: [`10.0.${i >> 8}.${i % 256}`] }));
    const result = read(saf(objs));
    expect(result.ok && result.value.page.observations).toHaveLength(10_000);
    expect(result.ok && result.value.page.total).toBe(10_001);
  });

  it.each([
    [401, 'auth', 'DNSDB: key rejected (HTTP 401).'],
    [403, 'auth', 'DNSDB: key rejected (HTTP 403).'],
    [416, 'http', 'DNSDB: this key may not page that far into results.'],
    [502, 'http', 'DNSDB answered HTTP 502.'],
  ])('turns HTTP %i into %s', (status, kind, message) => {
    expect(read('Error: no', { status, contentType: 'text/plain' })).toEqual({
      ok: false,
      error: { kind, status, message },
    });
  });

  it('holds off after 429 (daily quota) and 503 (too many at once)', () => {
    expect(read('Error: quota', { status: 429, retryAfter: '10800', contentType: 'text/plain' })).toEqual({
      ok: false,
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAt: 10_801_000,
        message: 'DNSDB: limit reached, try again in 3 h.',
      },
    });
    expect(read('', { status: 429 })).toMatchObject({ ok: false, error: { retryAt: 3_601_000 } });
    expect(read('Error: concurrency', { status: 503 })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 31_000 },
    });
  });

  it('turns an HTML page with HTTP 200 into an error value', () => {
    expect(read('<html>proxy</html>', { contentType: 'text/html' })).toMatchObject({
      ok: false,
      error: { kind: 'bad-response' },
    });
  });
});
