// DNS answer cache, keyed by resolver + name + type.
//
// Lifetime: the Map lives in the service worker's memory, which the browser may drop at any
// moment; every change is handed to `persist` (storage.session in the background), and
// `restore` refills the Map when a new worker starts. Entries expire by the answer's own TTL;
// the Map is bounded and drops the least recently used entry first.
import type { DnsAnswer } from '../dns/model';

export interface CacheEntry {
  answer: DnsAnswer;
  expiresAt: number;
}

export interface AnswerCacheOptions {
  maxEntries?: number;
  now?: () => number;
  persist?: (entries: Array<[string, CacheEntry]>) => void;
}

/** Longest we keep anything, whatever the TTL says (RFC 8767 §4 suggests a 7-day cap; we are stricter). */
const MAX_TTL_S = 86_400;
/** A failure answer (SERVFAIL, REFUSED...) is kept briefly so a burst of hovers doesn't hammer it. */
const FAILURE_TTL_S = 30;
/** NXDOMAIN/NODATA without a SOA to say otherwise. */
const DEFAULT_NEGATIVE_TTL_S = 60;

/** How long an answer may be reused, in seconds (RFC 1035 TTLs, RFC 2308 for negative answers). */
export function cacheTtl(answer: DnsAnswer): number {
  let ttl: number;
  if (answer.status === 'NOERROR' && answer.records.length > 0) {
    ttl = Math.min(...answer.records.map((r) => r.ttl));
  } else if (answer.status === 'NOERROR' || answer.status === 'NXDOMAIN') {
    ttl = answer.negativeTtl ?? DEFAULT_NEGATIVE_TTL_S;
  } else {
    ttl = FAILURE_TTL_S;
  }
  return Math.max(0, Math.min(MAX_TTL_S, ttl));
}

export class AnswerCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #persist: ((entries: Array<[string, CacheEntry]>) => void) | undefined;

  constructor(options: AnswerCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#now = options.now ?? Date.now;
    this.#persist = options.persist;
  }

  static key(resolver: string, name: string, type: string): string {
    return `${resolver}|${name}|${type}`;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The cached answer with its TTLs counted down, or undefined when absent or expired. */
  get(key: string): DnsAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const now = this.#now();
    if (entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    // Refresh recency: Map iteration order is insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    const elapsed = Math.floor((now - entry.answer.fetchedAt) / 1000);
    return {
      ...entry.answer,
      records: entry.answer.records.map((r) => ({ ...r, ttl: Math.max(0, r.ttl - elapsed) })),
    };
  }

  set(key: string, answer: DnsAnswer): void {
    const ttl = cacheTtl(answer);
    if (ttl <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { answer, expiresAt: answer.fetchedAt + ttl * 1000 });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#persist?.(this.snapshot());
  }

  /** Live entries, oldest first: what `persist` stores. */
  snapshot(): Array<[string, CacheEntry]> {
    const now = this.#now();
    return [...this.#entries].filter(([, e]) => e.expiresAt > now);
  }

  /** Refills from a snapshot (a new service worker). Expired entries are dropped. */
  restore(entries: Array<[string, CacheEntry]>): void {
    const now = this.#now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt > now && !this.#entries.has(key)) this.#entries.set(key, entry);
    }
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
