// Shapes written from Mnemonic's documented v3 envelope (../shared/docs/data-sources.md §2.3).
import { describe, expect, it } from 'vitest';
import { mnemonicUrl, readMnemonic } from '@/utils/history/mnemonic';

const row = (over: Record<string, unknown> = {}) => ({
  query: 'mail1.trump-email.com',
  answer: '66.216.133.29',
  rrtype: 'a',
  rrclass: 'in',
  firstSeenTimestamp: 1462233600000,
  lastSeenTimestamp: 1474588800000,
  times: 145,
  tlp: 'white',
  ...over,
});
const body = (data: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    responseCode: 200,
    limit: 100,
    offset: 0,
    count: data.length,
    data,
    metaData: {},
    messages: [],
    ...extra,
  });

describe('Mnemonic adapter', () => {
  it('asks only for the name, with a bounded page', () => {
    expect(mnemonicUrl('https://api.mnemonic.no', 'mail1.trump-email.com')).toBe(
      'https://api.mnemonic.no/pdns/v3/mail1.trump-email.com?limit=1000',
    );
    expect(mnemonicUrl('http://127.0.0.1:9/base/', '2001:db8::1')).toBe(
      'http://127.0.0.1:9/base/pdns/v3/2001%3Adb8%3A%3A1?limit=1000',
    );
  });

  it('maps rows to observations in milliseconds, upper-case types, no trailing dots', () => {
    const result = readMnemonic(200, body([row({ answer: 'cdn.example.net.', rrtype: 'cname' })]), 0);
    expect(result).toEqual({
      ok: true,
      value: {
        source: 'Mnemonic',
        total: 1,
        observations: [
          {
            rrname: 'mail1.trump-email.com',
            rrtype: 'CNAME',
            rdata: 'cdn.example.net',
            firstSeen: 1462233600000,
            lastSeen: 1474588800000,
            count: 145,
            source: 'Mnemonic',
          },
        ],
      },
    });
  });

  it('coerces numbers sent as strings, drops rows that do not fit, and reports the true total', () => {
    const result = readMnemonic(
      200,
      body([row({ times: '7', firstSeenTimestamp: '1462233600000' }), { query: 42 }], { count: 1000 }),
      0,
    );
    expect(result.ok && result.value.observations.map((o) => o.count)).toEqual([7]);
    expect(result.ok && result.value.total).toBe(1000);
  });

  it('reads an empty answer', () => {
    expect(readMnemonic(200, body([]), 0)).toMatchObject({ ok: true, value: { observations: [], total: 0 } });
  });

  it.each([
    ['metaData', { metaData: { millisUntilResourcesAvailable: 10_800_000 } }],
    ['the top level', { millisUntilResourcesAvailable: 10_800_000 }],
  ])('reads the 402 wait from %s', (_where, extra) => {
    const result = readMnemonic(402, JSON.stringify({ responseCode: 402, data: null, ...extra }), 1000);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'rate-limited',
        retryAt: 10_801_000,
        status: 402,
        message: 'Mnemonic: limit reached, try again in 3 h.',
      },
    });
  });

  it.each([
    ['an HTML error page with HTTP 200', 200, '<html><body>Gateway</body></html>', 'bad-response'],
    ['an HTML error page with HTTP 503', 503, '<html>down</html>', 'http'],
    ['JSON that is not the envelope', 200, '[1,2,3]', 'bad-response'],
    ['an error code inside a 200', 200, JSON.stringify({ responseCode: 412, data: [] }), 'http'],
  ])('turns %s into an error value', (_label, status, text, kind) => {
    expect(readMnemonic(status, text, 0)).toMatchObject({ ok: false, error: { kind } });
  });

  it('reads 10,000 rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => row({ answer: `192.0.2.${i % 256}` }));
    const result = readMnemonic(200, body(rows), 0);
    expect(result.ok && result.value.observations).toHaveLength(10_000);
  });
});
