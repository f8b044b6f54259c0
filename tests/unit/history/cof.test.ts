// Shapes written from draft-dulaunoy-dnsop-passive-dns-cof-12 and CIRCL's v2 notes
// (../shared/docs/data-sources.md §2.1, §2.2): NDJSON, rdata as string or array, quoted numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { cof, cofAuthorization, readCof } from '@/utils/history/cof';
import type { AskSource } from '@/utils/history/history-client';
import { buildHistoryReport, type EnabledSource } from '@/utils/history/history-report';
import { normalizeHost } from '@/utils/hosts/host';
import { ok } from '@/utils/lookup/errors';

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

  it('reads 10,000 rows and keeps no more', () => {
    const rows = Array.from({ length: 10_500 }, (_, i) => record({ rdata: [`192.0.${i >> 8}.${i % 256}`] }));
    const result = read(ndjson(rows));
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

// Answers recorded by others (tests/fixtures/recorded/cof/README.md): CIRCL's hosted server puts
// the owner name in `rdata` and the value in `rrname`; D4's open-source server follows the draft.
describe('COF adapter: recorded answers', () => {
  const recorded = (file: string) =>
    readFileSync(new URL(`../../fixtures/recorded/cof/${file}`, import.meta.url), 'utf8');
  const readFor = (file: string, query: string) =>
    cof.read(response({ body: recorded(file) }), host(query), 1000);
  const ask =
    (file: string): AskSource =>
    async (_adapter, _base, _key, asked) => {
      const result = readFor(file, asked.name);
      return result.ok ? ok(result.value.page) : result;
    };
  const enabled: EnabledSource[] = [
    { adapter: cof, base: cof.defaultBase, key: { key: 'u:p', origin: new URL(cof.defaultBase).origin } },
  ];

  it('reads CIRCL’s swapped rows for circl.lu as circl.lu’s own A, AAAA and MX history', () => {
    const result = readFor('circl.lu.circl-docs.ndjson', 'circl.lu');
    const seen = (first: number, last: number, count: number) => ({
      rrname: 'circl.lu',
      firstSeen: first * 1000,
      lastSeen: last * 1000,
      count,
      source: 'Passive DNS server (COF)',
    });
    expect(result.ok && result.value.page.observations).toEqual([
      { ...seen(1696798385, 1697890824, 19), rrtype: 'A', rdata: '185.194.93.14' },
      { ...seen(1696798385, 1697890824, 18), rrtype: 'AAAA', rdata: '2a00:5980:93::14' },
      { ...seen(1696786636, 1697897232, 149), rrtype: 'MX', rdata: '10 cppy.circl.lu' },
    ]);
  });

  it('reads an NS row in a reversed answer reversed too', () => {
    // The documentation page's fourth row (NS, rrname ns1.eurodns.com, rdata circl.lu, count "5")
    // is cut off in the stored copy after `"time_first": "16967`, so its times here are made up.
    const ns = JSON.stringify({
      rrtype: 'NS',
      rrname: 'ns1.eurodns.com',
      rdata: 'circl.lu',
      count: '5',
      time_first: '1696786636',
      time_last: '1697897232',
    });
    const body = `${recorded('circl.lu.circl-docs.ndjson')}${ns}\n`;
    const result = cof.read(response({ body }), host('circl.lu'), 1000);
    expect(result.ok && result.value.page.observations.at(-1)).toMatchObject({
      rrname: 'circl.lu',
      rrtype: 'NS',
      rdata: 'ns1.eurodns.com',
    });
  });

  it('reads rows whose type cannot tell (NS alone) as the draft says', () => {
    const ns = JSON.stringify(record({ rrname: 'example.org', rrtype: 'NS', rdata: 'ns1.example.net' }));
    expect(readCof(ns)!.observations[0]).toMatchObject({ rrname: 'example.org', rdata: 'ns1.example.net' });
  });

  it('shows CIRCL’s rows on the card for circl.lu', async () => {
    const report = await buildHistoryReport(host('circl.lu'), enabled, ask('circl.lu.circl-docs.ndjson'));
    expect(report.history.state === 'ok' && report.history.data.map((e) => [e.rrtype, e.rdata])).toEqual([
      ['MX', '10 cppy.circl.lu'],
      ['A', '185.194.93.14'],
      ['AAAA', '2a00:5980:93::14'],
    ]);
  });

  it('keeps D4’s draft-oriented rows for an address as they are: names on the address', async () => {
    const result = readFor('2a02-250-0-8--53.d4.ndjson', '2a02:250:0:8::53');
    const rows = result.ok ? result.value.page.observations : [];
    expect(rows).toHaveLength(16);
    expect(rows.every((o) => o.rrtype === 'AAAA' && o.rdata === '2a02:250:0:8::53')).toBe(true);
    expect(rows[0]).toMatchObject({ rrname: 'media.vastporten.se', firstSeen: 1657878141000, count: 1 });
    const report = await buildHistoryReport(
      host('2a02:250:0:8::53'),
      enabled,
      ask('2a02-250-0-8--53.d4.ndjson'),
    );
    expect(report.history.state === 'ok' && report.history.data.map((e) => e.rrname)).toContain(
      'xn--ihuvudetpevap-xfb.se',
    );
  });
});
