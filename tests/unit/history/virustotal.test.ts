// Shapes written from the VirusTotal v3 resolutions skeleton and error form in
// ../shared/docs/data-sources.md §2.6 (one `date` in seconds, `meta.count`, `links.next`).
import { describe, expect, it } from 'vitest';
import type { SourceResponse } from '@/utils/history/adapter';
import { virustotal } from '@/utils/history/virustotal';
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
const resolution = (attributes: Record<string, unknown> = {}) => ({
  type: 'resolution',
  id: '1.2.3.4foo.com',
  attributes: {
    date: 1591813960,
    host_name: 'foo.com',
    ip_address: '1.2.3.4',
    resolver: 'VirusTotal',
    host_name_last_analysis_stats: { harmless: 60 },
    ...attributes,
  },
  links: { self: 'https://www.virustotal.com/api/v3/resolutions/1.2.3.4foo.com' },
});
const body = (data: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    data,
    meta: { count: data.length },
    links: { self: 'https://www.virustotal.com/x' },
    ...extra,
  });
const vtError = (code: string, message: string) => JSON.stringify({ error: { code, message } });
const read = (text: string, over: Partial<SourceResponse> = {}, query = 'foo.com') =>
  virustotal.read(response({ body: text, ...over }), host(query), 1000);

describe('VirusTotal adapter: request', () => {
  it.each([
    ['foo.com', 'https://www.virustotal.com/api/v3/domains/foo.com/resolutions?limit=40'],
    ['1.2.3.4', 'https://www.virustotal.com/api/v3/ip_addresses/1.2.3.4/resolutions?limit=40'],
    ['2001:db8::1', 'https://www.virustotal.com/api/v3/ip_addresses/2001%3Adb8%3A%3A1/resolutions?limit=40'],
  ])('asks about %s in the right collection, with the key in a header', (query, url) => {
    expect(virustotal.request(virustotal.defaultBase, 'k3y', host(query))).toEqual({
      url,
      headers: { Accept: 'application/json', 'x-apikey': 'k3y' },
    });
  });

  it('keeps to the public key allowance', () => {
    expect(virustotal.budget).toEqual([
      { limit: 4, windowMs: 60_000 },
      { limit: 500, windowMs: 86_400_000 },
    ]);
  });
});

describe('VirusTotal adapter: answers', () => {
  it('maps a resolution to an observation seen once, A or AAAA by the address', () => {
    const result = read(
      body([resolution(), resolution({ ip_address: '2001:DB8::0:1', date: '1591813961' })]),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        page: {
          source: 'VirusTotal',
          total: 2,
          observations: [
            {
              rrname: 'foo.com',
              rrtype: 'A',
              rdata: '1.2.3.4',
              firstSeen: 1591813960000,
              lastSeen: 1591813960000,
              source: 'VirusTotal',
            },
            {
              rrname: 'foo.com',
              rrtype: 'AAAA',
              rdata: '2001:db8::1',
              firstSeen: 1591813961000,
              lastSeen: 1591813961000,
              source: 'VirusTotal',
            },
          ],
        },
      },
    });
  });

  it('reports the total and the next page VirusTotal names', () => {
    const next = 'https://www.virustotal.com/api/v3/domains/foo.com/resolutions?limit=40&cursor=Y3Vy';
    const result = read(body([resolution()], { meta: { count: 123, cursor: 'Y3Vy' }, links: { next } }));
    expect(result).toMatchObject({ ok: true, value: { page: { total: 123 }, next: { url: next } } });
    const cursorOnly = read(body([resolution()], { meta: { count: '123', cursor: 'a/b=' } }));
    expect(cursorOnly.ok && cursorOnly.value.next?.url).toBe('?limit=40&cursor=a%2Fb%3D');
    const oddLink = read(body([resolution()], { links: { next: 'javascript:alert(1)' } }));
    expect(oddLink.ok && oddLink.value.next).toBeUndefined();
  });

  it('drops resolutions that do not fit, keeps hostile text bounded', () => {
    const result = read(
      body([
        resolution({ date: 'soon' }),
        resolution({ host_name: undefined }),
        resolution({ host_name: 'x'.repeat(10_000) }),
        { type: 'resolution' },
        resolution({ host_name: '<script>alert(1)</script>\u202E' }),
      ]),
    );
    expect(result.ok && result.value.page.observations.map((o) => o.rrname)).toEqual([
      '<script>alert(1)</script>\u202E',
    ]);
  });

  it.each([
    ['an empty list', body([]), 200],
    ['NotFoundError', vtError('NotFoundError', 'Domain "foo.com" not found'), 404],
  ])('reads %s as no history', (_label, text, status) => {
    expect(read(text, { status })).toEqual({
      ok: true,
      value: { page: { source: 'VirusTotal', observations: [], total: 0 } },
    });
  });

  it('reads 10,000 rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      resolution({ ip_address: `10.0.${i >> 8}.${i % 256}` }),
    );
    const result = read(body(rows));
    expect(result.ok && result.value.page.observations).toHaveLength(10_000);
  });

  it.each([
    [401, 'WrongCredentialsError', 'auth', 'VirusTotal: key rejected (HTTP 401).'],
    [403, 'ForbiddenError', 'auth', 'VirusTotal: key rejected (HTTP 403).'],
    [400, 'InvalidArgumentError', 'http', 'VirusTotal answered HTTP 400.'],
  ])('turns HTTP %i %s into %s', (status, code, kind, message) => {
    expect(read(vtError(code, 'no'), { status })).toEqual({ ok: false, error: { kind, status, message } });
  });

  it('holds off after QuotaExceededError, as long as Retry-After says or a minute', () => {
    const quota = vtError('QuotaExceededError', 'Quota exceeded');
    expect(read(quota, { status: 429, retryAfter: '120' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 121_000 },
    });
    expect(read(quota, { status: 429 })).toMatchObject({ ok: false, error: { retryAt: 61_000 } });
  });

  it.each([
    ['an HTML page with HTTP 502', '<html>bad gateway</html>', 'text/html', 502, 'http'],
    ['an HTML page with HTTP 200', '<html>captcha</html>', 'text/html', 200, 'bad-response'],
    ['JSON without data', '{"meta":{}}', 'application/json', 200, 'bad-response'],
  ])('turns %s into an error value', (_label, text, contentType, status, kind) => {
    expect(read(text, { contentType, status })).toMatchObject({ ok: false, error: { kind } });
  });
});
