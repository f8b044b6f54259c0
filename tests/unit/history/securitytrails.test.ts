// Shapes written from the SecurityTrails history skeleton in ../shared/docs/data-sources.md §2.5
// (dates without time, `pages`, per-type value members, `{message}` errors).
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { securitytrails, stDate } from '@/utils/history/securitytrails';
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
const record = (over: Record<string, unknown> = {}) => ({
  first_seen: '2011-01-07',
  last_seen: '2011-03-25',
  organizations: ['Peer 1 Network (USA) Inc.'],
  values: [{ ip: '69.174.241.122', ip_count: 1 }],
  type: 'a',
  ...over,
});
const body = (records: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'a/ipv4', pages: 1, records, ...extra });
const read = (text: string, over: Partial<SourceResponse> = {}) =>
  securitytrails.read(response({ body: text, ...over }), host('example.com'), 1000);

describe('SecurityTrails adapter: request', () => {
  it('asks for the A history of names only, with the key in a header', () => {
    expect(securitytrails.request(securitytrails.defaultBase, 'k3y', host('Example.COM'))).toEqual({
      url: 'https://api.securitytrails.com/v1/history/example.com/dns/a',
      headers: { Accept: 'application/json', APIKEY: 'k3y' },
    });
    expect(securitytrails.accepts(host('example.com'))).toBe(true);
    expect(securitytrails.accepts(host('192.0.2.1'))).toBe(false);
    expect(securitytrails.accepts(host('2001:db8::1'))).toBe(false);
  });
});

describe('SecurityTrails adapter: answers', () => {
  it('reads dates as UTC midnight, last_seen included', () => {
    expect(stDate('2011-01-07')).toBe(Date.UTC(2011, 0, 7));
    expect(stDate('2011-01-07T10:00:00')).toBeNull();
  });

  it('maps each value of each record to an observation of the name asked about', () => {
    const result = read(
      body([record({ values: [{ ip: '69.174.241.122' }, { ip: '69.174.241.123', ip_count: '2' }] })]),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        page: {
          source: 'SecurityTrails',
          total: 2,
          observations: ['69.174.241.122', '69.174.241.123'].map((rdata) => ({
            rrname: 'example.com',
            rrtype: 'A',
            rdata,
            firstSeen: Date.UTC(2011, 0, 7),
            lastSeen: Date.UTC(2011, 2, 25),
            source: 'SecurityTrails',
          })),
        },
      },
    });
  });

  it('reads other types leniently by the member a value carries', () => {
    const result = read(
      body([
        record({
          values: [
            { ipv6: '2001:DB8:0::1' },
            { nameserver: 'NS1.Example.net.' },
            { host: 'mx.example.net.' },
          ],
        }),
      ]),
    );
    expect(result.ok && result.value.page.observations.map((o) => [o.rrtype, o.rdata])).toEqual([
      ['AAAA', '2001:db8::1'],
      ['NS', 'ns1.example.net'],
      ['MX', 'mx.example.net'],
    ]);
  });

  it('drops records and values that do not fit, keeps hostile text bounded', () => {
    const result = read(
      body([
        record({ first_seen: 'long ago' }),
        record({ values: 'nope' }),
        record({ values: [{ ip: 'x'.repeat(10_000) }, { ip_count: 3 }, 7, { ip: '<script>\u202E' }] }),
      ]),
    );
    expect(result.ok && result.value.page.observations.map((o) => o.rdata)).toEqual(['<script>\u202E']);
  });

  it('reads an empty history', () => {
    expect(read(body([], { pages: 0 }))).toEqual({
      ok: true,
      value: { page: { source: 'SecurityTrails', observations: [], total: 0 } },
    });
  });

  it('says there is more when there are more pages, and how to ask for the next', () => {
    const result = read(body([record()], { pages: '3' }));
    expect(result).toMatchObject({ ok: true, value: { page: { total: 2 }, next: { url: '?page=2' } } });
  });

  it('reads 10,000 values', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ({ ip: `10.0.${i >> 8}.${i % 256}` }));
    const records = Array.from({ length: 10 }, () => record({ values }));
    const result = read(body(records));
    expect(result.ok && result.value.page.observations).toHaveLength(10_000);
  });

  it('says what SecurityTrails said in a 200 without records', () => {
    expect(read(JSON.stringify({ message: 'Invalid hostname' }))).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'SecurityTrails answered: Invalid hostname' },
    });
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [502, 'http'],
  ])('turns HTTP %i into %s, naming the source', (status, kind) => {
    const result = read('<html>no</html>', { status, contentType: 'text/html' });
    expect(result).toMatchObject({ ok: false, error: { kind, status } });
    expect(!result.ok && result.error.message).toMatch(/^SecurityTrails/);
  });

  it('holds off as long as Retry-After says after a 429', () => {
    const text = JSON.stringify({ message: "You've exceeded the usage limits for your account." });
    expect(read(text, { status: 429, retryAfter: '3600' })).toEqual({
      ok: false,
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAt: 3_601_000,
        message: 'SecurityTrails: limit reached, try again in 60 min.',
      },
    });
  });

  it.each([
    ['an HTML page with HTTP 200', '<html>maintenance</html>', 'text/html'],
    ['text that is not JSON', 'oops', 'text/plain'],
  ])('turns %s into an error value', (_label, text, contentType) => {
    expect(read(text, { contentType })).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });
});
