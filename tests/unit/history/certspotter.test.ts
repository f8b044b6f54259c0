// Shapes written from Cert Spotter's documented v1 issuance objects (../shared/docs/data-sources.md §4.2).
import { describe, expect, it } from 'vitest';
import { certSpotterUrl, readCertSpotter } from '@/utils/history/certspotter';

const issuance = (names: string[], notBefore: string, issuer = "Let's Encrypt") => ({
  id: '1',
  tbs_sha256: 'x',
  dns_names: names,
  issuer: { friendly_name: issuer, name: 'C=US, O=…' },
  not_before: notBefore,
  not_after: '2030-01-01T00:00:00Z',
});

describe('Cert Spotter adapter', () => {
  it('asks for the registered domain and its subdomains, with names and issuer expanded', () => {
    expect(certSpotterUrl('https://api.certspotter.com', 'trump-email.com')).toBe(
      'https://api.certspotter.com/v1/issuances?domain=trump-email.com&include_subdomains=true&expand=dns_names&expand=issuer',
    );
  });

  it('groups issuances by name with the earliest date, newest names first', () => {
    const body = JSON.stringify([
      issuance(['trump-email.com', 'mail1.trump-email.com'], '2016-05-01T00:00:00-00:00'),
      issuance(['MAIL1.trump-email.com'], '2016-03-01T00:00:00Z', 'Other CA'),
      issuance(['new.trump-email.com'], '2016-09-01T00:00:00Z'),
      { broken: true },
    ]);
    const result = readCertSpotter(200, body, 0, null);
    expect(
      result.ok &&
        result.value.map((c) => [
          c.name,
          new Date(c.firstSeen).toISOString().slice(0, 10),
          c.certificates,
          c.issuers,
        ]),
    ).toEqual([
      ['new.trump-email.com', '2016-09-01', 1, ["Let's Encrypt"]],
      ['trump-email.com', '2016-05-01', 1, ["Let's Encrypt"]],
      ['mail1.trump-email.com', '2016-03-01', 2, ["Let's Encrypt", 'Other CA']],
    ]);
  });

  it.each([
    [429, '{"code":"rate_limited"}', 'rate-limited'],
    [400, '{"code":"bad_request","message":"…"}', 'http'],
    [200, '<html>', 'bad-response'],
    [200, '{"code":"x"}', 'bad-response'],
  ])('turns HTTP %i %s into an error value', (status, body, kind) => {
    expect(readCertSpotter(status, body, 0, null)).toMatchObject({ ok: false, error: { kind } });
  });
});
