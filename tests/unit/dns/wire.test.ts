import * as packet from '@dnsquery/dns-packet';
import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeQuery } from '@/utils/dns/wire';
import { responseBytes } from '../support/dns-responses';

const fromBase64Url = (s: string) =>
  Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

describe('encodeQuery', () => {
  it('asks one question with ID 0, RD and AD, EDNS0 DO, padded to 128 bytes', () => {
    const bytes = fromBase64Url(encodeQuery('mail1.trump-email.com', 'MX'));
    expect(bytes.length % 128).toBe(0);
    const decoded = packet.decode(bytes);
    expect(decoded.id).toBe(0);
    expect(decoded.flag_rd).toBe(true);
    expect(decoded.flag_ad).toBe(true);
    expect(decoded.questions).toEqual([{ name: 'mail1.trump-email.com', type: 'MX', class: 'IN' }]);
    const opt = decoded.additionals?.[0] as unknown as { type: string; flag_do: boolean };
    expect(opt.type).toBe('OPT');
    expect(opt.flag_do).toBe(true);
  });

  it('uses base64url without padding', () => {
    expect(encodeQuery('bücher.example', 'A')).not.toMatch(/[+/=]/);
  });
});

describe('decodeAnswer', () => {
  const q = (name: string, type: 'A' | 'TXT' | 'MX' | 'SOA' | 'CAA' | 'PTR' = 'A') => ({ name, type });

  it('keeps the first 500 records of a longer answer and counts the rest', () => {
    const answers = Array.from({ length: 1000 }, (_, i) => ({
      name: 'many.big.test',
      type: 'A' as const,
      ttl: 300,
      data: `10.${Math.floor(i / 250)}.${i % 250}.1`,
    }));
    const result = decodeAnswer(responseBytes('many.big.test', 'A', answers), q('many.big.test'), 'r', 0);
    expect(result.ok && [result.answer.records.length, result.answer.omitted]).toEqual([500, 500]);
    const short = decodeAnswer(
      responseBytes('many.big.test', 'A', answers.slice(0, 3)),
      q('many.big.test'),
      'r',
      0,
    );
    expect(short.ok && short.answer.omitted).toBeUndefined();
  });

  it('reads every record type we show, CNAME chain first', () => {
    const bytes = responseBytes('www.trump-email.com', 'A', [
      { name: 'www.trump-email.com', type: 'CNAME', ttl: 300, data: 'web.trump-email.com' },
      { name: 'web.trump-email.com', type: 'A', ttl: 60, data: '198.51.100.7' },
      {
        name: 'web.trump-email.com',
        type: 'MX',
        ttl: 60,
        data: { preference: 10, exchange: 'mail1.trump-email.com' },
      },
      { name: 'web.trump-email.com', type: 'TXT', ttl: 60, data: ['v=spf1 ', 'ip4:66.216.133.29 -all'] },
      {
        name: 'web.trump-email.com',
        type: 'SOA',
        ttl: 60,
        data: { mname: 'ns1.x', rname: 'host.x', serial: 7, refresh: 1, retry: 2, expire: 3, minimum: 60 },
      },
      {
        name: 'web.trump-email.com',
        type: 'CAA',
        ttl: 60,
        data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
      },
      { name: 'web.trump-email.com', type: 'NULL', ttl: 60, data: new Uint8Array([1, 255]) },
    ]);
    const result = decodeAnswer(bytes, q('www.trump-email.com'), 'https://doh.test/q', 5);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answer.status).toBe('NOERROR');
    expect(result.answer.fetchedAt).toBe(5);
    expect(result.answer.records.map((r) => [r.type, r.value])).toEqual([
      ['CNAME', 'web.trump-email.com'],
      ['A', '198.51.100.7'],
      ['MX', '10 mail1.trump-email.com'],
      ['TXT', 'v=spf1 ip4:66.216.133.29 -all'],
      ['SOA', 'ns1.x host.x 7 1 2 3 60'],
      ['CAA', '0 issue "letsencrypt.org"'],
      ['OTHER', '01ff'],
    ]);
    const txt = result.answer.records[3];
    expect(txt?.type === 'TXT' && txt.strings).toEqual(['v=spf1 ', 'ip4:66.216.133.29 -all']);
  });

  it('keeps hostile TXT as plain text', () => {
    const bytes = responseBytes('hostile.test', 'TXT', [
      { name: 'hostile.test', type: 'TXT', ttl: 60, data: '<img src=x onerror=alert(1)>' },
    ]);
    const result = decodeAnswer(bytes, q('hostile.test', 'TXT'), 'r', 0);
    expect(result.ok && result.answer.records[0]?.value).toBe('<img src=x onerror=alert(1)>');
  });

  it('reads NXDOMAIN with the negative TTL from the SOA (RFC 2308)', () => {
    const bytes = responseBytes('gone.trump-email.com', 'A', [], {
      flags: packet.RECURSION_DESIRED | 3,
      authorities: [
        {
          name: 'trump-email.com',
          type: 'SOA',
          ttl: 300,
          data: { mname: 'ns1', rname: 'h', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 },
        },
      ],
    });
    const result = decodeAnswer(bytes, q('gone.trump-email.com'), 'r', 0);
    expect(result.ok && result.answer.status).toBe('NXDOMAIN');
    expect(result.ok && result.answer.negativeTtl).toBe(60);
  });

  it('reads the AD flag', () => {
    const bytes = responseBytes('x.test', 'A', [], {
      flags: packet.AUTHENTIC_DATA | packet.RECURSION_DESIRED,
    });
    const result = decodeAnswer(bytes, q('x.test'), 'r', 0);
    expect(result.ok && result.answer.authenticated).toBe(true);
  });

  const good = responseBytes('x.test', 'A', [{ name: 'x.test', type: 'A', ttl: 1, data: '192.0.2.1' }]);
  it.each([
    ['empty', new Uint8Array()],
    ['three bytes', new Uint8Array([1, 2, 3])],
    ['truncated answer', good.subarray(0, good.length - 3)],
    ['random bytes', Uint8Array.from({ length: 200 }, (_, i) => (i * 37 + 11) & 255)],
  ])('gives a reason, never a throw, for %s', (_label, bytes) => {
    const result = decodeAnswer(bytes, q('x.test'), 'r', 0);
    expect(result.ok).toBe(false);
  });

  it('rejects a query echoed back and an answer to another question', () => {
    const query = fromBase64Url(encodeQuery('x.test', 'A'));
    expect(decodeAnswer(query, q('x.test'), 'r', 0)).toMatchObject({ ok: false });
    expect(decodeAnswer(good, q('other.test'), 'r', 0)).toMatchObject({
      ok: false,
      reason: 'the answer is for a different question',
    });
  });
});
