import { describe, expect, it } from 'vitest';
import { dueHosts, nextRegularCheck, nextRetry, spreadFraction } from '@/utils/watchlist/schedule';

const H = 3600_000;

describe('watchlist schedule', () => {
  it('spreads hosts over a tenth of the interval, the same way every time', () => {
    const hosts = Array.from({ length: 500 }, (_, i) => `host${i}.example`);
    const offsets = hosts.map((h) => nextRegularCheck(h, 0, 6 * H) - 6 * H);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(0.6 * H);
    // Not bunched: every tenth of the spread window holds some hosts.
    const buckets = new Set(offsets.map((o) => Math.floor(o / (0.06 * H))));
    expect(buckets.size).toBe(10);
    expect(spreadFraction('a.example')).toBe(spreadFraction('a.example'));
  });

  it('backs off after postponed checks, never beyond the interval', () => {
    expect([1, 2, 3, 4, 5, 20].map((f) => nextRetry(f, 0, 6 * H) / 60_000)).toEqual([
      15, 30, 60, 120, 240, 360,
    ]);
  });

  it('picks the longest-waiting due hosts, at most a batch', () => {
    const states = [
      { host: 'c', nextCheckAt: 30 },
      { host: 'a', nextCheckAt: 10 },
      { host: 'later', nextCheckAt: 999 },
      { host: 'b', nextCheckAt: 20 },
    ];
    expect(dueHosts(states, 100, 2)).toEqual(['a', 'b']);
    expect(dueHosts(states, 100, 10)).toEqual(['a', 'b', 'c']);
  });
});
