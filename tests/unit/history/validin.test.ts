// Shapes written from the Validin axon history skeleton in ../shared/docs/data-sources.md §2.8
// (`records` by type, epoch seconds, `limited`, `error`).
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { validin } from '@/utils/history/validin';
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
const row = (value: string, over: Record<string, unknown> = {}) => ({
  value,
  first_seen: 1594197706,
  last_seen: 1697890824,
  ...over,
});
const body = (records: Record<string, unknown[]>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    key: 'example.com',
    status: 'finished',
    effective_opts: { type: 'ip4', limit: 100, wildcard: false },
    records,
    records_returned: Object.values(records).flat().length,
    limited: false,
    error: null,
    ...extra,
  });
const read = (text: string, over: Partial<SourceResponse> = {}, query = 'example.com') =>
  validin.read(response({ body: text, ...over }), host(query), 1000);

describe('Validin adapter: request', () => {
  it.each([
    ['example.com', 'https://app.validin.com/api/axon/domain/dns/history/example.com'],
    ['203.0.113.20', 'https://app.validin.com/api/axon/ip/dns/history/203.0.113.20'],
    ['2001:db8::1', 'https://app.validin.com/api/axon/ip/dns/history/2001%3Adb8%3A%3A1'],
  ])('asks about %s in the right section, with a bearer key', (query, url) => {
    expect(validin.request(validin.defaultBase, 'k3y', host(query))).toEqual({
      url,
      headers: { Accept: 'application/json', Authorization: 'Bearer k3y' },
    });
  });
});

describe('Validin adapter: answers', () => {
  it('maps a name query: the value is what the name pointed to', () => {
    const result = read(
      body({ A: [row('203.0.113.20')], NS: [row('NS1.Example.net.', { last_seen: '1697890825' })] }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        page: {
          source: 'Validin',
          total: 2,
          observations: [
            {
              rrname: 'example.com',
              rrtype: 'A',
              rdata: '203.0.113.20',
              firstSeen: 1594197706000,
              lastSeen: 1697890824000,
              source: 'Validin',
            },
            {
              rrname: 'example.com',
              rrtype: 'NS',
              rdata: 'ns1.example.net',
              firstSeen: 1594197706000,
              lastSeen: 1697890825000,
              source: 'Validin',
            },
          ],
        },
      },
    });
  });

  it('maps an address query: the value is the name that pointed to it', () => {
    const result = read(body({ A: [row('WWW.Example.com.')] }), {}, '203.0.113.20');
    expect(result.ok && result.value.page.observations[0]).toMatchObject({
      rrname: 'www.example.com',
      rrtype: 'A',
      rdata: '203.0.113.20',
    });
  });

  it('turns NS_FOR rows around: those domains use this name as their nameserver', () => {
    const result = read(body({ NS_FOR: [row('customer.example')] }), {}, 'ns1.example.com');
    expect(result.ok && result.value.page.observations[0]).toMatchObject({
      rrname: 'customer.example',
      rrtype: 'NS',
      rdata: 'ns1.example.com',
    });
  });

  it('drops rows (and types) that do not fit one by one, keeps hostile text bounded', () => {
    const ok = read(
      body({
        A: [
          row('x'.repeat(10_000)),
          row('203.0.113.1', { first_seen: 'then' }),
          { value: 5 },
          row('<script>\u202E'),
        ],
        AAAA: 'nope' as unknown as unknown[],
      }),
    );
    expect(ok.ok && ok.value.page.observations.map((o) => o.rdata)).toEqual(['<script>\u202E']);
  });

  it.each([
    ['no records', body({})],
    ['null records', body({}, { records: null })],
  ])('reads %s as no history', (_label, text) => {
    expect(read(text)).toEqual({
      ok: true,
      value: { page: { source: 'Validin', observations: [], total: 0 } },
    });
  });

  it('says there is more when Validin stopped at its limit', () => {
    expect(read(body({ A: [row('203.0.113.20')] }, { limited: true }))).toMatchObject({
      ok: true,
      value: { page: { total: 2 } },
    });
  });

  it('reads 10,000 rows and keeps no more', () => {
    const rows = Array.from({ length: 10_100 }, (_, i) => row(`10.0.${i >> 8}.${i % 256}`));
    const result = read(body({ A: rows }));
    expect(result.ok && result.value.page.observations).toHaveLength(10_000);
    expect(result.ok && result.value.page.total).toBe(10_001);
  });

  it.each([
    ['a string', 'Invalid domain', 'Validin answered: Invalid domain'],
    ['an object', { code: 'quota' }, 'Validin answered: {"code":"quota"}'],
  ])('reports an error given as %s in a 200', (_label, error, message) => {
    expect(read(body({}, { error }))).toEqual({ ok: false, error: { kind: 'bad-response', message } });
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [502, 'http'],
  ])('turns HTTP %i into %s, naming the source', (status, kind) => {
    const result = read('<html>no</html>', { status, contentType: 'text/html' });
    expect(result).toMatchObject({ ok: false, error: { kind, status } });
    expect(!result.ok && result.error.message).toMatch(/^Validin/);
  });

  it('holds off as long as Retry-After says after a 429', () => {
    expect(read('{}', { status: 429, retryAfter: '90' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 91_000 },
    });
  });

  it.each([
    ['an HTML page with HTTP 200', '<html>login</html>', 'text/html'],
    ['text that is not JSON', 'oops', 'text/plain'],
  ])('turns %s into an error value', (_label, text, contentType) => {
    expect(read(text, { contentType })).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });
});
