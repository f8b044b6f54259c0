// Per-endpoint request discipline: at most N requests on the wire to one resolver/source, and
// after a 429 nothing at all until its Retry-After time.
//
// Lifetime: memory of the current service worker. `blockedUntil` is also handed to `persist`
// so that a restarted worker keeps honouring a rate limit it was told about.

export interface RequestGateOptions {
  /** A number, or one per key (endpoint). */
  maxConcurrent?: number | ((key: string) => number);
  now?: () => number;
  persist?: (blocked: Record<string, number>) => void;
}

export class RequestGate {
  readonly #maxConcurrent: (key: string) => number;
  readonly #now: () => number;
  readonly #persist: RequestGateOptions['persist'];
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, Array<() => void>>();
  readonly #blocked: Record<string, number> = {};

  constructor(options: RequestGateOptions = {}) {
    const max = options.maxConcurrent ?? 6;
    this.#maxConcurrent = typeof max === 'number' ? () => max : max;
    this.#now = options.now ?? Date.now;
    this.#persist = options.persist;
  }

  /** When requests to `key` may start again, or undefined when they may now. */
  blockedUntil(key: string): number | undefined {
    const until = this.#blocked[key];
    if (until === undefined) return undefined;
    if (until <= this.#now()) {
      delete this.#blocked[key];
      return undefined;
    }
    return until;
  }

  block(key: string, until: number): void {
    if ((this.#blocked[key] ?? 0) >= until) return;
    this.#blocked[key] = until;
    this.#persist?.({ ...this.#blocked });
  }

  restore(blocked: Record<string, number>): void {
    for (const [key, until] of Object.entries(blocked)) this.block(key, until);
  }

  /** Runs `task` once fewer than maxConcurrent tasks for `key` are running. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    while ((this.#active.get(key) ?? 0) >= this.#maxConcurrent(key)) {
      await new Promise<void>((resolve) => {
        const queue = this.#waiting.get(key) ?? [];
        queue.push(resolve);
        this.#waiting.set(key, queue);
      });
    }
    this.#active.set(key, (this.#active.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.#active.set(key, (this.#active.get(key) ?? 1) - 1);
      this.#waiting.get(key)?.shift()?.();
    }
  }
}
