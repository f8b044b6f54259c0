// Shapes written from Cert Spotter's documented v1 issuance objects (../shared/docs/data-sources.md §4.2).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  certHostName,
  certSpotterUrl,
  readCertSpotter,
  tallyNames,
  type CertSpotterPage,
} from '@/utils/history/certspotter';

const issuance = (names: string[], notBefore: string, issuer = "Let's Encrypt", id = '1') => ({
  id,
  tbs_sha256: 'x',
  dns_names: names,
  issuer: { friendly_name: issuer, name: 'C=US, O=…' },
  not_before: notBefore,
  not_after: '2030-01-01T00:00:00Z',
});

const page = (body: unknown): CertSpotterPage => {
  const result = readCertSpotter(200, JSON.stringify(body), 0, null);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('Cert Spotter adapter', () => {
  it('asks for the registered domain and its subdomains, with names and issuer expanded', () => {
    expect(certSpotterUrl('https://api.certspotter.com', 'trump-email.com')).toBe(
      'https://api.certspotter.com/v1/issuances?domain=trump-email.com&include_subdomains=true&expand=dns_names&expand=issuer',
    );
    expect(certSpotterUrl('http://127.0.0.1:8080/ct/', 'a.com', '5183236513')).toBe(
      'http://127.0.0.1:8080/ct/v1/issuances?domain=a.com&include_subdomains=true&expand=dns_names&expand=issuer&after=5183236513',
    );
  });

  it('groups issuances by name with the earliest date, newest names first', () => {
    const read = page([
      issuance(
        ['trump-email.com', 'mail1.trump-email.com'],
        '2016-05-01T00:00:00-00:00',
        "Let's Encrypt",
        '1',
      ),
      issuance(['MAIL1.trump-email.com'], '2016-03-01T00:00:00Z', 'Other CA', '2'),
      issuance(['new.trump-email.com'], '2016-09-01T00:00:00Z', "Let's Encrypt", '3'),
      { broken: true },
    ]);
    expect(read.size).toBe(4);
    expect(
      tallyNames('Cert Spotter', read.records, false).names.map((c) => [
        c.name,
        new Date(c.firstSeen).toISOString().slice(0, 10),
        c.certificates,
        c.issuers,
        c.sources,
      ]),
    ).toEqual([
      ['new.trump-email.com', '2016-09-01', 1, ["Let's Encrypt"], ['Cert Spotter']],
      ['trump-email.com', '2016-05-01', 1, ["Let's Encrypt"], ['Cert Spotter']],
      ['mail1.trump-email.com', '2016-03-01', 2, ["Let's Encrypt", 'Other CA'], ['Cert Spotter']],
    ]);
  });

  it('says where the next page starts: the last issuance’s id, readable or not', () => {
    expect(page([issuance(['a.com'], '2020-01-01T00:00:00Z', 'X', '7'), { id: '9' }]).lastId).toBe('9');
    expect(page([issuance(['a.com'], '2020-01-01T00:00:00Z', 'X', '7')]).lastId).toBe('7');
    expect(page([{ id: 12, dns_names: ['a.com'], not_before: '2020-01-01T00:00:00Z' }]).lastId).toBe('12');
    expect(page([])).toEqual({ records: [], size: 0, lastId: undefined });
  });

  it('counts one certificate once, however many of its names match', () => {
    const read = page([
      issuance(['a.com', 'A.com.', 'www.a.com'], '2020-01-01T00:00:00Z', 'X', '1'),
      issuance(['a.com'], '2020-02-01T00:00:00Z', 'X', '1'), // the same issuance on a later page
    ]);
    const names = tallyNames('Cert Spotter', read.records, false);
    expect(names.names.find((n) => n.name === 'a.com')?.certificates).toBe(1);
    expect(names.found).toBe(2);
  });

  it('keeps hostile-looking names as text to show, and drops what is not a host name', () => {
    const hostile = ['<script>x</script>.a.com', 'a\u202Emoc.a.com', `${'x'.repeat(300)}.a.com`, 'me@a.com'];
    const read = page([{ id: '1', dns_names: hostile, not_before: '2020-01-01T00:00:00Z' }]);
    expect(read.records[0]!.names).toEqual(['<script>x</script>.a.com', 'a\u202Emoc.a.com']);
  });

  it.each([
    [429, '{"code":"rate_limited"}', 'rate-limited'],
    [401, '{"code":"unauthorized"}', 'auth'],
    [400, '{"code":"bad_request","message":"…"}', 'http'],
    [200, '<html>', 'bad-response'],
    [200, '{"code":"x"}', 'bad-response'],
  ])('turns HTTP %i %s into an error value', (status, body, kind) => {
    expect(readCertSpotter(status, body, 0, null)).toMatchObject({ ok: false, error: { kind } });
  });

  it('waits for the Retry-After of a 429', () => {
    expect(readCertSpotter(429, '', 1000, '120')).toMatchObject({ ok: false, error: { retryAt: 121_000 } });
  });
});

describe('which certificate names count as host names', () => {
  it.each([
    ['www.example.com', 'www.example.com'],
    ['WWW.Example.COM.', 'www.example.com'],
    ['*.example.com', '*.example.com'],
    ['  example.com ', 'example.com'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['<script>x</script>.example.com', '<script>x</script>.example.com'],
    ['\u202Emoc.example', '\u202Emoc.example'],
    ['hostmaster@example.com', null],
    ['Example Corp Root CA', null],
    ['localhost', null],
    ['a.*.example.com', null],
    ['**.example.com', null],
    ['www..example.com', null],
    ['192.0.2.1', null],
    ['line\nbreak.example', null],
    ['nul\u0000.example', null],
    [`${'a'.repeat(64)}.example`, null],
    [`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
    [Array(64).fill('abc').join('.'), null], // 255 characters
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(certHostName(raw)).toBe(expected);
  });
});

// Recorded by others (tests/fixtures/recorded/certspotter/README.md): every expansion, a string id.
describe('Cert Spotter recorded answer', () => {
  it('reads sslmate.com’s issuance: string id kept, extra expansions and a 1.6 kB cert ignored', () => {
    const body = readFileSync(
      new URL('../../fixtures/recorded/certspotter/sslmate.com.issuances.json', import.meta.url),
      'utf8',
    );
    expect(readCertSpotter(200, body, 0, null)).toEqual({
      ok: true,
      value: {
        records: [
          {
            id: '4326219514',
            names: [
              'certs.sandbox.sslmate.com',
              'certs.sslmate.com',
              'sandbox.sslmate.com',
              'sslmate.com',
              'www.sslmate.com',
            ],
            firstSeen: Date.UTC(2022, 9, 22),
            issuer: 'Sectigo',
          },
        ],
        size: 1,
        lastId: '4326219514',
      },
    });
  });
});
