// The watchlist's part of every source allowance: lookups a page can set off (cards, the popup)
// stop short of it, the watchlist's checks may use it, and a new service worker still knows.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mnemonic } from '@/utils/history/mnemonic';
import { createPersistedLimits } from '@/utils/lookup/persisted-limits';
import { SourceBudget, WINDOW_SLACK_MS, watchReserve } from '@/utils/lookup/source-budget';

describe('the watchlist’s reserve', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 1],
    [8, 2],
    [10, 2],
    [100, 25],
    [1000, 250],
  ])('a window of %i keeps %i for the watchlist', (limit, reserve) => {
    expect(watchReserve(limit)).toBe(reserve);
  });

  it('interactive spends stop at the reserve; the watchlist’s still succeed afterwards', () => {
    let now = 0;
    const budget = new SourceBudget({ now: () => now });
    const window = [{ limit: 10, windowMs: 60_000 }];
    for (let i = 0; i < 8; i++) expect(budget.spend('s', window, 'interactive')).toEqual({ ok: true });
    // Refused until the oldest of the 8 ages out of the window, as any full window.
    expect(budget.spend('s', window, 'interactive')).toEqual({
      ok: false,
      retryAt: 60_000 + WINDOW_SLACK_MS,
    });
    now = 10;
    expect(budget.spend('s', window, 'watch')).toEqual({ ok: true });
    expect(budget.spend('s', window, 'watch')).toEqual({ ok: true });
    expect(budget.spend('s', window, 'watch')).toEqual({ ok: false, retryAt: 60_000 + WINDOW_SLACK_MS });
  });

  it('the watchlist’s own requests count against cards too: the window is one log', () => {
    const budget = new SourceBudget({ now: () => 0 });
    const window = [{ limit: 10, windowMs: 60_000 }];
    for (let i = 0; i < 8; i++) expect(budget.spend('s', window, 'watch')).toEqual({ ok: true });
    expect(budget.spend('s', window, 'interactive')).toMatchObject({ ok: false });
    expect(budget.spend('s', window, 'watch')).toEqual({ ok: true });
  });

  it('every window keeps its own reserve (a day’s, not only a minute’s)', () => {
    let now = 0;
    const budget = new SourceBudget({ now: () => now });
    const windows = [
      { limit: 4, windowMs: 1000 },
      { limit: 8, windowMs: 100_000 },
    ];
    const spends = (purpose: 'watch' | 'interactive') => {
      let n = 0;
      while (budget.spend('s', windows, purpose).ok) n++;
      now += 1000 + WINDOW_SLACK_MS;
      return n;
    };
    expect(spends('interactive')).toBe(3); // the minute-like window: 3 of 4
    expect(spends('interactive')).toBe(3); // the day-like window: 6 of 8
    expect(spends('interactive')).toBe(0);
    expect(spends('watch')).toBe(2);
  });

  it('a window of one request is shared, not held back', () => {
    const budget = new SourceBudget({ now: () => 0 });
    expect(budget.spend('s', [{ limit: 1, windowMs: 1000 }], 'interactive')).toEqual({ ok: true });
    expect(budget.spend('s', [{ limit: 1, windowMs: 1000 }], 'watch')).toMatchObject({ ok: false });
  });

  it('a new service worker restores the spending and still keeps the reserve', async () => {
    const now = () => 5_000;
    const first = createPersistedLimits({ budget: 'local:b', holds: 'local:h' }, { maxConcurrent: 1, now });
    await first.ready;
    for (let i = 0; i < 8; i++) expect(first.budget.spend('m', mnemonic.budget, 'interactive').ok).toBe(true);
    await new Promise((r) => setTimeout(r, 0)); // the allowance is written in the background
    const second = createPersistedLimits({ budget: 'local:b', holds: 'local:h' }, { maxConcurrent: 1, now });
    await second.ready;
    expect(second.budget.spend('m', mnemonic.budget, 'interactive')).toMatchObject({ ok: false });
    expect(second.budget.spend('m', mnemonic.budget, 'watch')).toEqual({ ok: true });
    expect(second.budget.spend('m', mnemonic.budget, 'watch')).toEqual({ ok: true });
    expect(second.budget.spend('m', mnemonic.budget, 'watch')).toMatchObject({ ok: false });
  });
});
