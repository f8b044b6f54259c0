// The TLD table: built from IANA's list (with Unicode TLDs in punycode), and the two small
// ambiguity classes of ours, each of which must still be a delegated TLD.
import tldList from 'tlds';
import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_TLDS, TLDS, classifyTld } from '@/utils/detect/tld-classes';

describe('TLDS', () => {
  it('holds every IANA TLD, Unicode ones in punycode', () => {
    expect(TLDS.size).toBe(tldList.length);
    expect([...TLDS].filter((tld) => !/^[a-z0-9-]+$/.test(tld))).toEqual([]);
    expect(TLDS.has('xn--p1ai')).toBe(true); // рф
  });

  it.each(['local', 'internal', 'invalid', 'test', 'localhost', 'onion', 'js', 'txt'])(
    'does not hold %s',
    (tld) => expect(TLDS.has(tld)).toBe(false),
  );
});

describe('classifyTld', () => {
  it('keeps every ambiguous TLD a real one', () => {
    expect([...AMBIGUOUS_TLDS].filter((tld) => !TLDS.has(tld))).toEqual([]);
  });

  it.each([
    ['com', 'plain'],
    ['de', 'plain'],
    ['io', 'plain'],
    ['xn--p1ai', 'plain'],
    ['zip', 'file'],
    ['py', 'file'],
    ['md', 'file'],
    ['id', 'word'],
    ['name', 'word'],
    ['js', null],
    ['local', null],
  ])('%s is %s', (tld, expected) => expect(classifyTld(tld)).toBe(expected));
});
