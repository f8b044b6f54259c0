// A source's request allowance, kept by Hostlens itself so the user never hits a limit they'd
// have to wait hours for: each source declares windows ("10 a minute, 1,000 a day") and a
// request is sent only when every window has room. It is a sliding log of send times.
//
// Two kinds of request share each allowance: the watchlist's scheduled checks, and lookups a
// page can bring about (a card opens when the reader rests on a host; a page full of hosts, or
// one built to make the reader hover many, spends quickly). The second kind never gets the last
// part of any window (`watchReserve`), so the watchlist always finds room.
//
// Lifetime: memory of the current service worker, handed to `persist` on every spend and
// `restore`d by a new worker — a daily allowance must survive the worker's frequent restarts.
import type { BudgetWindow } from '../history/adapter';

export type BudgetState = Record<string, number[]>;

/** How long a request may wait for its allowance before the user is told when to try again. */
export const MAX_BUDGET_WAIT_MS = 3000;

export type Spend = { ok: true } | { ok: false; retryAt: number };

/**
 * Who a request is for: `watch` (the watchlist's checks, which may use every window whole) or
 * `interactive` (a card, the popup, the details view: anything a page or the reader can set off).
 */
export type SpendPurpose = 'watch' | 'interactive';

/**
 * Requests of a window that only the watchlist may use. A quarter (at least one): the reader
 * keeps most of every window, as cards come in bursts and a wait shows, while the watchlist,
 * which checks a few hosts per tick and can wait for the next, always finds some room — 2 of
 * Mnemonic's 10 a minute, 250 of its 1,000 a day. A window of a single request is not split:
 * holding it back would shut cards out of that source for good, so there cards and the watchlist
 * share it as before, and a check that finds it spent is postponed and retried.
 */
export function watchReserve(limit: number): number {
  return limit < 2 ? 0 : Math.max(1, Math.floor(limit / 4));
}

/**
 * Send times are logged here; a service counts arrival times, a little later. Without slack a
 * burst at a window's edge arrived as 11 requests within one of Mnemonic's minutes (load test,
 * `tests/e2e/load.e2e.test.ts`); each window is kept one second longer than the source says.
 */
export const WINDOW_SLACK_MS = 1000;

export class SourceBudget {
  readonly #sent: BudgetState = {};
  readonly #now: () => number;
  readonly #persist: ((state: BudgetState) => void) | undefined;

  constructor(options: { now?: () => number; persist?: (state: BudgetState) => void } = {}) {
    this.#now = options.now ?? Date.now;
    this.#persist = options.persist;
  }

  restore(state: BudgetState): void {
    for (const [key, times] of Object.entries(state)) {
      if (!Array.isArray(times)) continue;
      const valid = times.filter((t) => typeof t === 'number' && Number.isFinite(t));
      this.#sent[key] = [...(this.#sent[key] ?? []), ...valid].sort((a, b) => a - b);
    }
  }

  /**
   * Records one request to `key` if every window allows it for `purpose`; otherwise says when one
   * will. Every request counts against every window, whoever sent it; an interactive one is
   * allowed only while the window has more than its reserve left.
   */
  spend(key: string, windows: BudgetWindow[], purpose: SpendPurpose): Spend {
    const now = this.#now();
    const longest = Math.max(0, ...windows.map((w) => w.windowMs + WINDOW_SLACK_MS));
    const sent = (this.#sent[key] ?? []).filter((t) => t > now - longest);
    let retryAt = 0;
    for (const window of windows) {
      const limit = purpose === 'watch' ? window.limit : window.limit - watchReserve(window.limit);
      const windowMs = window.windowMs + WINDOW_SLACK_MS;
      const inWindow = sent.filter((t) => t > now - windowMs);
      // The window frees a slot when its oldest request in the window ages out.
      if (inWindow.length >= limit)
        retryAt = Math.max(retryAt, inWindow[inWindow.length - limit]! + windowMs);
    }
    if (retryAt > 0) {
      this.#sent[key] = sent;
      return { ok: false, retryAt };
    }
    sent.push(now);
    this.#sent[key] = sent;
    this.#persist?.({ ...this.#sent });
    return { ok: true };
  }

  /**
   * Spends one request, waiting for the allowance when the wait is at most `maxWaitMs` (a card
   * can afford a moment, not minutes); otherwise says when there will be room.
   */
  async take(
    key: string,
    windows: BudgetWindow[],
    {
      maxWaitMs,
      sleep,
      purpose,
    }: { maxWaitMs: number; sleep: (ms: number) => Promise<void>; purpose: SpendPurpose },
  ): Promise<Spend> {
    for (;;) {
      const spent = this.spend(key, windows, purpose);
      if (spent.ok || spent.retryAt - this.#now() > maxWaitMs) return spent;
      await sleep(spent.retryAt - this.#now());
    }
  }
}
