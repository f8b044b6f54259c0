// Shapes written from draft-dulaunoy-dnsop-passive-dns-cof-12 and CIRCL's v2 notes
// (../shared/docs/data-sources.md §2.1, §2.2): NDJSON, rdata as string or array, quoted numbers.
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { cof, cofAuthorization, readCof } from '@/utils/history/cof';
import { normalizeHost } from '@/utils/hosts/host';

const host = (text: string) => normalizeHost(text)!;
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const response = (over: Partial<SourceResponse> = {}): SourceResponse => ({
  status: 200,
  body: '',
  contentType: 'application/x-ndjson',
  retryAfter: null,
  headers: {},
  ...over,
});
const record = (over: Record<string, unknown> = {}) => ({
  rrname: 'www.example.org.',
  rrtype: 'A',
  rdata: ['192.0.2.7'],
  time_first: 1298412391,
  time_last: 1302506851,
  count: 102,
  bailiwick: 'example.org',
  sensor_id: 'x',
  ...over,
});
const read = (body: string, over: Partial<SourceResponse> = {}) =>
  cof.read(response({ body, ...over }), host('www.example.org'), 1000);

describe('COF adapter: request', () => {
  it('sends only the host name in the URL, with no active resolution', () => {
    const req = cof.request('https://www.circl.lu/pdns/query', 'user:pass', host('WWW.Example.org'));
    expect(req.url).toBe('https://www.circl.lu/pdns/query/www.example.org');
    expect(req.headers).toMatchObject({
      Accept: 'application/x-ndjson',
      'dribble-disable-active-query': '1',
      Authorization: `Basic ${btoa('user:pass')}`,
    });
    expect(cof.request('http://127.0.0.1:9/q/', '', host('2001:db8::1')).url).toBe(
      'http://127.0.0.1:9/q/2001%3Adb8%3A%3A1',
    );
  });

  it.each([
    ['no key', '', null],
    ['a bare token', ' tok3n ', 'tok3n'],
    ['user:password', 'alice:s3cret', `Basic ${btoa('alice:s3cret')}`],
    [
      'a non-ASCII password',
      'jörg:pässwort',
      `Basic ${Buffer.from('jörg:pässwort', 'utf8').toString('base64')}`,
    ],
  ])('authorizes with %s', (_label, key, expected) => {
    expect(cofAuthorization(key)).toBe(expected);
    expect(cof.request(cof.defaultBase, key, host('example.org')).headers.Authorization).toBe(
      expected ?? undefined,
    );
  });
});

describe('COF adapter: answers', () => {
  it('maps each rdata value to an observation in ms, with counts', () => {
    const result = read(ndjson([record({ rdata: ['192.0.2.7', '192.0.2.8'] })]));
    expect(result).toEqual({
      ok: true,
      value: {
        page: {
          source: 'Passive DNS server (COF)',
          total: 2,
          observations: ['192.0.2.7', '192.0.2.8'].map((rdata) => ({
            rrname: 'www.example.org',
            rrtype: 'A',
            rdata,
            firstSeen: 1298412391000,
            lastSeen: 1302506851000,
            count: 102,
            source: 'Passive DNS server (COF)',
          })),
        },
      },
    });
  });

  it('accepts a single rdata string, numeric types, quoted numbers and zone times', () => {
    const { observations } = readCof(
      [
        JSON.stringify(record({ rrtype: 'cname', rdata: 'Edge.Example.NET.', count: '7' })),
        '',
        '   ',
        JSON.stringify(record({ rrtype: 65, rdata: '\\# 3 010203', time_first: '1298412391' })),
        JSON.stringify(
          record({ time_first: undefined, time_last: undefined, zone_time_first: 10, zone_time_last: 20 }),
        ),
      ].join('\n'),
    )!;
    expect(observations.map((o) => [o.rrtype, o.rdata, o.firstSeen, o.count])).toEqual([
      ['CNAME', 'edge.example.net', 1298412391000, 7],
      ['TYPE65', '\\# 3 010203', 1298412391000, 102],
      ['A', '192.0.2.7', 10_000, 102],
    ]);
  });

  it('drops lines that do not fit, one by one', () => {
    const body = [
      'not json',
      JSON.stringify({ rrname: 'x.example' }),
      JSON.stringify(record({ time_first: 'yesterday' })),
      JSON.stringify(record({ time_first: null, time_last: null })),
      JSON.stringify(record({ rdata: [42, 'ok.example.'], rrtype: 'NS' })),
      JSON.stringify(record({ rdata: 'x'.repeat(10_000) })),
    ].join('\n');
    const result = read(body);
    expect(result.ok && result.value.page.observations.map((o) => o.rdata)).toEqual(['ok.example']);
  });

  it('keeps hostile text as data, bounded', () => {
    const result = read(ndjson([record({ rdata: ['<script>alert(1)</script>', 'evil\u202Egro.example'] })]));
    expect(result.ok && result.value.page.observations.map((o) => o.rdata)).toEqual([
      '<script>alert(1)</script>',
      'evil\u202Egro.example',
    ]);
  });

  it.each([
    ['an empty body', ''],
    ['blank lines', '\n\n'],
  ])('reads %s as no history', (_label, body) => {
    expect(read(body)).toEqual({
      ok: true,
      value: { page: { source: 'Passive DNS server (COF)', observations: [], total: 0 } },
    });
  });

  it('says there is more when the server hands a dribble cursor, and how to ask for it', () => {
    const result = read(ndjson([record()]), { headers: { 'x-dribble-cursor': 'abc123' } });
    expect(result).toMatchObject({
      ok: true,
      value: { page: { total: 2 }, next: { url: '', headers: { 'dribble-paginate-cursor': 'abc123' } } },
    });
    const hostile = read(ndjson([record()]), { headers: { 'x-dribble-cursor': 'a\r\nX-Evil: 1' } });
    expect(hostile.ok && hostile.value.next).toBeUndefined();
  });

  it('reads 10,000 rows quickly and keeps no more', () => {
    const rows = Array.from({ length: 10_500 }, (_, i) => record({ rdata: [`192.0.${i >> 8}.${i % 256}`] }));
    const started = performance.now();
    const result = read(ndjson(rows));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok && result.value.page.observations).toHaveLength(10_000);
    expect(result.ok && result.value.page.total).toBe(10_001);
  });

  it.each([
    [401, 'auth', 'Passive DNS server (COF): key rejected (HTTP 401).'],
    [403, 'auth', 'Passive DNS server (COF): key rejected (HTTP 403).'],
    [502, 'http', 'Passive DNS server (COF) answered HTTP 502.'],
  ])('turns HTTP %i into %s', (status, kind, message) => {
    expect(read('<html>no</html>', { status, contentType: 'text/html' })).toEqual({
      ok: false,
      error: { kind, status, message },
    });
  });

  it('waits as long as Retry-After says after a 429', () => {
    expect(read('quota', { status: 429, retryAfter: '120', contentType: 'text/plain' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 121_000 },
    });
  });

  it.each([
    ['an HTML page with HTTP 200', '<html><body>Login</body></html>', 'text/html'],
    ['a body with no JSON line', 'Internal error\nplease retry', 'text/plain'],
  ])('turns %s into an error value', (_label, body, contentType) => {
    expect(read(body, { contentType })).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });
});
