// The detector's own IP parsers (kept free of ipaddr.js for the content script's size) must
// agree with utils/hosts/ip.ts, the parser of record: same verdicts on the classic cases, and on
// seeded random inputs every address accepted here is written exactly as ip.ts writes it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6 } from '@/utils/detect/parse-ip';
import { parseIPv4, parseIPv6 } from '@/utils/hosts/ip';

describe('parseIpv4', () => {
  it.each([
    ['66.216.133.29', '66.216.133.29'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['999.1.1.1', null],
    ['010.1.1.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['10.0.19041', null],
  ])('%s → %s', (text, expected) => {
    expect(parseIpv4(text)).toBe(expected);
    expect(parseIPv4(text)).toBe(expected);
  });
});

describe('parseIpv6', () => {
  it.each([
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['fe80::1', 'fe80::1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::', '::'],
    ['04:12:45', null],
    ['00:1a:2b:3c:4d:5e', null],
    ['1::2::3', null],
    [':1::2', null],
    ['12345::1', null],
    ['::ffff:999.0.2.1', null],
    ['1:2:3:4:5:6:7:8:9', null],
  ])('%s → %s', (text, expected) => {
    expect(parseIpv6(text)).toBe(expected);
    expect(parseIPv6(text)).toBe(expected);
  });

  const group = fc.oneof(
    fc.constant('0'),
    fc.constant('0000'),
    fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)),
  );
  const full = fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.join(':'));
  const compressed = fc
    .tuple(fc.array(group, { maxLength: 4 }), fc.array(group, { maxLength: 3 }))
    .map(([head, tail]) => `${head.join(':')}::${tail.join(':')}`);
  const junk = fc
    .array(fc.constantFrom(...'0123456789abcdefABCDEF:.g'.split('')), { maxLength: 45 })
    .map((c) => c.join(''));

  it('agrees with ip.ts on random addresses and junk (seeded)', () => {
    fc.assert(
      fc.property(fc.oneof(full, compressed, junk), (text) => {
        const ours = parseIpv6(text);
        if (ours !== null) expect(ours).toBe(parseIPv6(text));
      }),
      { seed: 5952, numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.oneof(full, compressed), (text) => {
        expect(parseIpv6(text)).toBe(parseIPv6(text));
      }),
      { seed: 4291, numRuns: 500 },
    );
  });
});
