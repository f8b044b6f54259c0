import { describe, expect, it } from 'vitest';
import { AnswerCache, cacheTtl } from '@/utils/lookup/answer-cache';
import { a, answer } from '../support/dns-responses';

describe('cacheTtl', () => {
  it.each([
    ['the smallest record TTL', answer('x', 'A', [a('x', '192.0.2.1', 300), a('x', '192.0.2.2', 60)]), 60],
    ['the SOA minimum for NXDOMAIN', answer('x', 'A', [], { status: 'NXDOMAIN', negativeTtl: 120 }), 120],
    ['the SOA minimum for NODATA', answer('x', 'A', [], { negativeTtl: 30 }), 30],
    ['60 s for NXDOMAIN without SOA', answer('x', 'A', [], { status: 'NXDOMAIN' }), 60],
    ['30 s for SERVFAIL', answer('x', 'A', [], { status: 'SERVFAIL' }), 30],
    ['at most a day', answer('x', 'A', [a('x', '192.0.2.1', 9_999_999)]), 86_400],
  ])('uses %s', (_label, value, ttl) => {
    expect(cacheTtl(value)).toBe(ttl);
  });
});

describe('AnswerCache', () => {
  it('serves an answer until its TTL runs out, counting TTLs down', () => {
    let now = 1_000_000;
    const cache = new AnswerCache({ now: () => now });
    cache.set('k', answer('x', 'A', [a('x', '192.0.2.1', 60)]));
    now += 20_000;
    expect(cache.get('k')?.records[0]?.ttl).toBe(40);
    now += 40_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('does not keep TTL 0 answers', () => {
    const cache = new AnswerCache({ now: () => 1_000_000 });
    cache.set('k', answer('x', 'A', [a('x', '192.0.2.1', 0)]));
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry beyond its bound', () => {
    const cache = new AnswerCache({ maxEntries: 2, now: () => 1_000_000 });
    cache.set('one', answer('x', 'A', [a('x', '192.0.2.1')]));
    cache.set('two', answer('x', 'A', [a('x', '192.0.2.2')]));
    cache.get('one');
    cache.set('three', answer('x', 'A', [a('x', '192.0.2.3')]));
    expect(cache.get('two')).toBeUndefined();
    expect(cache.get('one')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('hands every change to persist, and a new cache restores only live entries', () => {
    let now = 1_000_000;
    let stored: ReturnType<AnswerCache['snapshot']> = [];
    const first = new AnswerCache({ now: () => now, persist: (entries) => (stored = entries) });
    first.set('short', answer('x', 'A', [a('x', '192.0.2.1', 10)]));
    first.set('long', answer('x', 'A', [a('x', '192.0.2.2', 600)]));
    expect(stored).toHaveLength(2);
    now += 60_000;
    const second = new AnswerCache({ now: () => now });
    second.restore(stored);
    expect(second.size).toBe(1);
    expect(second.get('long')?.records[0]?.value).toBe('192.0.2.2');
  });
});
