// A source's request allowance, kept by Hostlens itself so the user never hits a limit they'd
// have to wait hours for: each source declares windows ("10 a minute, 1,000 a day") and a
// request is sent only when every window has room. It is a sliding log of send times.
//
// Lifetime: memory of the current service worker, handed to `persist` on every spend and
// `restore`d by a new worker — a daily allowance must survive the worker's frequent restarts.
import type { BudgetWindow } from '../history/adapter';

export type BudgetState = Record<string, number[]>;

/** How long a request may wait for its allowance before the user is told when to try again. */
export const MAX_BUDGET_WAIT_MS = 3000;

export type Spend = { ok: true } | { ok: false; retryAt: number };

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

  /** Records one request to `key` if every window allows it; otherwise says when one will. */
  spend(key: string, windows: BudgetWindow[]): Spend {
    const now = this.#now();
    const longest = Math.max(0, ...windows.map((w) => w.windowMs + WINDOW_SLACK_MS));
    const sent = (this.#sent[key] ?? []).filter((t) => t > now - longest);
    let retryAt = 0;
    for (const window of windows) {
      const { limit } = window;
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
    { maxWaitMs, sleep }: { maxWaitMs: number; sleep: (ms: number) => Promise<void> },
  ): Promise<Spend> {
    for (;;) {
      const spent = this.spend(key, windows);
      if (spent.ok || spent.retryAt - this.#now() > maxWaitMs) return spent;
      await sleep(spent.retryAt - this.#now());
    }
  }
}
