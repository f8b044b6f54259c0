import { describe, expect, it } from 'vitest';
import { originQueryName, parseAsName, parseOrigin } from '@/utils/dns/cymru';

describe('Team Cymru IP-to-ASN', () => {
  it('asks the reversed address under origin / origin6', () => {
    expect(originQueryName('66.216.133.29')).toBe('29.133.216.66.origin.asn.cymru.com');
    expect(originQueryName('2001:db8::1')).toMatch(
      /^1\.0\.0\.0\..*\.8\.b\.d\.0\.1\.0\.0\.2\.origin6\.asn\.cymru\.com$/,
    );
  });

  it('prefers the longest prefix and the first of several ASNs', () => {
    expect(
      parseOrigin([
        '64501 | 66.216.0.0/16 | US | arin | 2001-01-01',
        '64500 64502 | 66.216.133.0/24 | US | arin | ',
      ]),
    ).toEqual({ asn: '64500', prefix: '66.216.133.0/24', country: 'US', registry: 'arin' });
  });

  it.each([[[]], [['garbage']], [['<img src=x> | 1.2.3.0/24']], [['12 | no prefix']]])(
    'ignores %j',
    (txts) => {
      expect(parseOrigin(txts)).toBeNull();
    },
  );

  it('reads the AS name, keeping pipes inside it', () => {
    expect(parseAsName(['23028 | US | arin | 2002-01-04 | TEAM-CYMRU - Team Cymru Inc., US'])).toBe(
      'TEAM-CYMRU - Team Cymru Inc., US',
    );
    expect(parseAsName(['23028 | US'])).toBeNull();
  });
});
