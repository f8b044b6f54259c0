// Properties that must hold for any text, checked on seeded random strings built from the
// characters that matter to the detector (dots, brackets, colons, @, slashes, digits, letters
// of several scripts, defang spellings and TLD endings), so every run checks the same cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHosts } from '@/utils/detect/find-hosts';
import { normalizeHost } from '@/utils/hosts/host';

const label = fc.constantFrom(
  'mail1',
  'trump-email',
  'Example',
  'bücher',
  'пример',
  'xn--bcher-kva',
  'x_y',
  '_dmarc',
  '-a',
  '66',
  '255',
  '999',
  'fe80',
  '中文',
);
const separator = fc.constantFrom('.', '.', '.', '[.]', '(dot)', ' [.] ', '..');
const ending = fc.constantFrom('.com', '.zip', '.рф', '.local', '.Security', '.NET', '.py', '.29', '');
/** Host-like runs: a context, labels joined by separators, an ending, what may follow. */
const hostish = fc
  .tuple(
    fc.constantFrom('', '', 'http://', 'hxxps://', '//', 'user@', 'a.b[@]', 'www.', '/', '$'),
    fc.array(fc.tuple(label, separator), { maxLength: 4 }),
    label,
    ending,
    fc.constantFrom('', '', ':443', ':99999', '/x', '.', ')', '(', '@', '::1', '.Then'),
  )
  .map(([before, pairs, last, end, after]) => before + pairs.flat().join('') + last + end + after);
const noise = fc.constantFrom(...'ab.-_:[](){}@/\\ 0123456789é'.split(''), '::', '2001:db8::', ' ', '\n');
const piece = fc.oneof({ arbitrary: hostish, weight: 2 }, { arbitrary: noise, weight: 1 });
const texts = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('findHosts on any text (seeded property)', () => {
  it('never throws; offsets are in bounds and ordered; hosts are normalized', () => {
    fc.assert(
      fc.property(texts, (text) => {
        let previousEnd = 0;
        for (const m of findHosts(text)) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          previousEnd = m.end;
          // Normalized means a fixed point of the shared normalizer, with the same kind.
          const host = normalizeHost(m.host);
          expect(host && [host.name, host.kind]).toEqual([m.host, m.kind]);
          expect(m.host).toBe(m.host.toLowerCase());
          expect(m.host.endsWith('.')).toBe(false);
        }
      }),
      { seed: 20161031, numRuns: 300 },
    );
  });
});
