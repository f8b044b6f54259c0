// crt.sh's JSON output. Row shapes follow the sample in ../shared/docs/data-sources.md §4.1 (the
// same fields a public crt.sh client's README shows); the odd ones are made up to cover what the
// doc warns of (e-mail addresses in name_value, HTML error pages, numbers as strings).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tallyNames } from '@/utils/history/certspotter';
import { crtshTime, crtshUrl, issuerName, MAX_ROWS, readCrtsh } from '@/utils/history/crtsh';
import type { TextResponse } from '@/utils/history/fetch-text';

const row = (fields: Record<string, unknown> = {}) => ({
  issuer_ca_id: 183267,
  issuer_name: "C=US, O=Let's Encrypt, CN=R3",
  common_name: 'gpt4.example.dev',
  name_value: 'gpt4.example.dev',
  id: 11223344556,
  entry_timestamp: '2023-11-17T22:58:44.278',
  not_before: '2023-11-17T21:58:44',
  not_after: '2024-02-15T21:58:43',
  serial_number: '04a3',
  ...fields,
});

const json = (
  body: unknown,
  status = 200,
  contentType: string | null = 'application/json',
): TextResponse => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  contentType,
  retryAfter: null,
  headers: {},
});

const read = (body: unknown, domain = 'example.dev') => {
  const result = readCrtsh(json(body), domain, 0);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const names = (body: unknown, domain = 'example.dev') =>
  tallyNames('crt.sh', read(body, domain).records, false).names.map((n) => n.name);

describe('crt.sh adapter', () => {
  it('asks once, for the registered domain, without expired certificates or precert duplicates', () => {
    expect(crtshUrl('https://crt.sh', 'example.dev')).toBe(
      'https://crt.sh/?q=example.dev&output=json&exclude=expired&deduplicate=Y',
    );
    expect(crtshUrl('http://127.0.0.1:8080/ct', 'example.dev')).toBe(
      'http://127.0.0.1:8080/ct/?q=example.dev&output=json&exclude=expired&deduplicate=Y',
    );
  });

  it('reads names, dates (zone-less = UTC), issuers and certificate ids', () => {
    const answer = read([
      row({ name_value: 'example.dev\n*.example.dev', common_name: 'example.dev', id: 1 }),
      row({ name_value: 'gpt4.example.dev', id: 2, not_before: '2023-11-17T21:58:44' }),
    ]);
    expect(answer).toEqual({
      more: false,
      records: [
        {
          id: '1',
          names: ['example.dev', '*.example.dev'],
          firstSeen: Date.UTC(2023, 10, 17, 21, 58, 44),
          issuer: "Let's Encrypt",
        },
        {
          id: '2',
          names: ['gpt4.example.dev'],
          firstSeen: Date.UTC(2023, 10, 17, 21, 58, 44),
          issuer: "Let's Encrypt",
        },
      ],
    });
  });

  it('answers an empty list for `[]`', () => {
    expect(read([])).toEqual({ records: [], more: false });
  });

  it('takes numbers sent as strings, and rows with fields missing', () => {
    const answer = read([
      row({ id: '11223344556' }),
      row({ id: undefined, issuer_name: undefined, name_value: 'a.example.dev' }),
      row({ name_value: undefined, common_name: 'cn-only.example.dev' }),
      row({
        not_before: undefined,
        entry_timestamp: '2024-01-02T03:04:05.5',
        name_value: 'logged.example.dev',
      }),
      row({ not_before: undefined, entry_timestamp: null, name_value: 'undated.example.dev' }),
      row({ name_value: 42 }),
      'not a row',
      null,
    ]);
    expect(answer.records.map((r) => [r.id, r.names, r.issuer])).toEqual([
      ['11223344556', ['gpt4.example.dev'], "Let's Encrypt"],
      [null, ['a.example.dev', 'gpt4.example.dev'], null],
      ['11223344556', ['cn-only.example.dev'], "Let's Encrypt"],
      ['11223344556', ['logged.example.dev', 'gpt4.example.dev'], "Let's Encrypt"],
    ]);
    expect(answer.records[3]!.firstSeen).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 500));
  });

  it('keeps host names only: e-mail addresses, spaces, bare words and over-long labels go', () => {
    expect(
      names([
        row({
          name_value: [
            'mail.example.dev',
            'hostmaster@example.dev',
            'Example Dev Ltd',
            'intranet',
            `${'x'.repeat(300)}.example.dev`,
            'WWW.EXAMPLE.DEV',
            '*.api.example.dev',
          ].join('\n'),
          common_name: null,
        }),
      ]),
    ).toEqual(['*.api.example.dev', 'mail.example.dev', 'www.example.dev']);
  });

  it('keeps hostile names that look like host names, as text for the view to show inert', () => {
    expect(
      names([row({ name_value: '<script>alert(1)</script>.example.dev\n\u202Eved.example.dev' })]),
    ).toEqual(['<script>alert(1)</script>.example.dev', 'gpt4.example.dev', '\u202Eved.example.dev']);
  });

  it('drops certificates that only mention the domain inside another name (identity search)', () => {
    expect(
      names([
        row({ name_value: 'example.dev.evil.test', common_name: 'example.dev.evil.test' }),
        row({ name_value: 'notexample.dev', common_name: 'notexample.dev' }),
        row({ name_value: 'shop.example.dev\nother-brand.test', common_name: 'shop.example.dev' }),
      ]),
    ).toEqual(['other-brand.test', 'shop.example.dev']);
  });

  it('counts a certificate listed in several rows once per name', () => {
    const tally = tallyNames(
      'crt.sh',
      read([row({ id: 5, name_value: 'a.example.dev' }), row({ id: 5, name_value: 'a.example.dev' })])
        .records,
      false,
    );
    expect(tally.names.find((n) => n.name === 'a.example.dev')?.certificates).toBe(1);
  });

  it(`reads at most ${MAX_ROWS} rows and says there were more`, () => {
    const rows = Array.from({ length: MAX_ROWS + 5 }, (_, i) =>
      row({ id: i, name_value: `h${i}.example.dev`, common_name: null }),
    );
    const answer = read(rows);
    expect(answer.records).toHaveLength(MAX_ROWS);
    expect(answer.more).toBe(true);
    const tally = tallyNames('crt.sh', answer.records, answer.more);
    expect(tally.found).toBe(MAX_ROWS);
    expect(tally.names).toHaveLength(500);
  });

  it.each([
    [json('<html><body>502 Bad Gateway</body></html>', 502, 'text/html'), 'http', /HTTP 502.*overloaded/],
    [json('<html>Service Unavailable</html>', 503, 'text/html'), 'http', /HTTP 503/],
    [json('', 504, null), 'http', /HTTP 504/],
    [json('<html>Unknown search</html>', 200, 'text/html; charset=UTF-8'), 'bad-response', /web page/],
    [json('not json', 200, 'application/json'), 'bad-response', /unexpected format/],
    [json({ error: 'x' }, 200), 'bad-response', /unexpected format/],
    [json('', 404, 'text/html'), 'http', /crt.sh answered HTTP 404/],
    [{ ...json('', 429, 'text/plain'), retryAfter: '60' }, 'rate-limited', /limiting/],
  ])('turns a failed answer into an error value naming crt.sh (%#)', (response, kind, message) => {
    const result = readCrtsh(response, 'example.dev', 0);
    expect(result).toMatchObject({ ok: false, error: { kind } });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('reads JSON sent without a content type', () => {
    expect(readCrtsh(json([row()], 200, null), 'example.dev', 0)).toMatchObject({ ok: true });
  });
});

describe('crt.sh fields', () => {
  it.each([
    ['2023-11-17T21:58:44', Date.UTC(2023, 10, 17, 21, 58, 44)],
    ['2023-11-17T22:58:44.278', Date.UTC(2023, 10, 17, 22, 58, 44, 278)],
    ['2023-11-17T21:58:44Z', Date.UTC(2023, 10, 17, 21, 58, 44)],
    ['2023-11-17T21:58:44+01:00', Date.UTC(2023, 10, 17, 20, 58, 44)],
    ['17/11/2023', null],
    ['', null],
    [null, null],
  ])('time %j', (raw, expected) => {
    expect(crtshTime(raw)).toBe(expected);
  });

  it.each([
    ["C=US, O=Let's Encrypt, CN=R3", "Let's Encrypt"],
    ['C=US, O="DigiCert, Inc.", CN=DigiCert TLS RSA SHA256 2020 CA1', 'DigiCert, Inc.'],
    ['C=US, CN=Only A CN', 'Only A CN'],
    ['weird', 'weird'],
    [null, null],
  ])('issuer %j', (dn, expected) => {
    expect(issuerName(dn)).toBe(expected);
  });
});

// Answers recorded by others (tests/fixtures/recorded/crtsh/README.md).
const recorded = (file: string) =>
  readFileSync(new URL(`../../fixtures/recorded/crtsh/${file}`, import.meta.url), 'utf8');

describe('crt.sh recorded answers', () => {
  it('reads the 2019 shape (min_cert_id, min_entry_timestamp) with each certificate’s id', () => {
    const { records, more } = read(recorded('crt.sh.q-min-cert-id.json'), 'crt.sh');
    expect(records).toHaveLength(42);
    expect(more).toBe(false);
    expect(records[0]).toEqual({
      id: '1727279813',
      names: ['crt.sh'],
      firstSeen: Date.UTC(2019, 6, 31),
      issuer: 'Sectigo Limited',
    });
    expect(records.at(-1)).toMatchObject({ id: '7842942', firstSeen: Date.UTC(2015, 5, 2) });
    expect(new Set(records.map((r) => r.id)).size).toBe(42);
  });

  it('reads the 2020 shape (id and entry_timestamp, no common_name, no serial_number)', () => {
    const { records } = read(recorded('crt.sh.identity.json'), 'crt.sh');
    expect(records).toHaveLength(12);
    expect(records[0]).toEqual({
      id: '2202554056',
      names: ['*.crt.sh', 'crt.sh'],
      firstSeen: Date.UTC(2019, 11, 7),
      issuer: 'COMODO CA Limited',
    });
    const tally = tallyNames('crt.sh', records, false);
    expect(tally.names.map((n) => [n.name, n.certificates, n.firstSeen])).toEqual([
      ['*.crt.sh', 4, Date.UTC(2019, 11, 7)],
      ['www.crt.sh', 4, Date.UTC(2019, 6, 31)],
      ['crt.sh', 12, Date.UTC(2018, 9, 1)],
    ]);
  });

  it('reads the 2023 shape (common_name, serial_number) for a name found through a SAN', () => {
    const { records } = read(recorded('www.example.com.identity.json'), 'example.com');
    expect(records.map((r) => [r.id, r.names, r.firstSeen, r.issuer])).toEqual([
      ['8396709327', ['www.example.com', 'www.example.org'], Date.UTC(2023, 0, 13), 'DigiCert Inc'],
      ['6359075900', ['www.example.com', 'www.example.org'], Date.UTC(2022, 2, 14), 'DigiCert Inc'],
      ['6342480680', ['www.example.com', 'www.example.org'], Date.UTC(2022, 2, 14), 'DigiCert Inc'],
    ]);
  });

  it('counts a certificate listed twice in the 2019 shape once', () => {
    // No recorded answer repeats a min_cert_id (ninoseki/crtsh's lists each precertificate and
    // certificate once); the recorded first row is listed twice here, as issue 13 describes.
    const [first] = JSON.parse(recorded('crt.sh.q-min-cert-id.json')) as unknown[];
    const tally = tallyNames('crt.sh', read([first, first], 'crt.sh').records, false);
    expect(tally.names).toMatchObject([{ name: 'crt.sh', certificates: 1 }]);
  });
});
