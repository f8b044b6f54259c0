// Asks one passive-DNS source about one host, with the same discipline for every source:
// answers kept 6 hours (across worker restarts), one shared request per identical question,
// the source's own allowance never exceeded (`SourceBudget`), nothing sent while a 402/429
// hold runs, pages followed up to the adapter's limit.
//
// Lifetime: caches and allowances are persisted by the stores handed in; the in-flight map and
// the concurrency gate are memory of the current service worker.
import type { Host } from '../hosts/host';
import { fail, formatWait, ok, type Result } from '../lookup/errors';
import { t } from '../i18n/messages';
import { sourceLabel } from './source-label';
import { RequestGate } from '../lookup/request-gate';
import { createInflightSharing } from '../lookup/share-inflight';
import { MAX_BUDGET_WAIT_MS, SourceBudget, type SpendPurpose } from '../lookup/source-budget';
import type { StoredCache } from '../lookup/stored-cache';
import type { BoundKey } from '../settings/keyed-sources';
import type { PdnsAdapter, SourceRequest } from './adapter';
import { fetchText } from './fetch-text';
import type { Observation, ObservationPage } from './model';

const TTL_MS = 6 * 3600_000;
const MAX_ROWS = 10_000;

export interface AskSource {
  (
    adapter: PdnsAdapter,
    base: string,
    key: BoundKey | undefined,
    host: Host,
    /** `purpose` says whose allowance the request may use (`SourceBudget`); a card's by default. */
    options?: { fresh?: boolean; purpose?: SpendPurpose },
  ): Promise<Result<ObservationPage>>;
}

/**
 * The next page's request: adapters give only what changes (a URL relative to the last one,
 * a cursor header). It keeps the last request's headers — the key — so it must stay on the
 * same origin: a source's answer must never be able to send the user's key elsewhere.
 */
export function followUp(last: SourceRequest, next: SourceRequest | undefined): SourceRequest | undefined {
  if (!next) return undefined;
  let url: URL;
  try {
    url = new URL(next.url, last.url);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(last.url).origin) return undefined;
  return { url: url.toString(), headers: { ...last.headers, ...next.headers } };
}

/** Where a source's answer is kept (the `pdns` stored cache): readers that must not fetch use it too. */
export const historyCacheKey = (adapter: PdnsAdapter, base: string, host: Host) =>
  `${adapter.id}|${base}|${host.name}`;

export interface HistoryClientOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  cache?: StoredCache<ObservationPage>;
  budget?: SourceBudget;
  gate?: RequestGate;
}

export function createHistoryClient(options: HistoryClientOptions = {}): AskSource {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const budget = options.budget ?? new SourceBudget({ now });
  const gate = options.gate ?? new RequestGate({ maxConcurrent: 2, now });
  const share = createInflightSharing<Result<ObservationPage>>();

  /** Spends one request of the allowance, waiting a little if that is all it takes. */
  async function spend(adapter: PdnsAdapter, endpoint: string, purpose: SpendPurpose): Promise<Result<true>> {
    const held = () => gate.blockedUntil(endpoint);
    const holdError = (until: number) =>
      fail({
        kind: 'rate-limited',
        retryAt: until,
        message: t('sources.error.limitReached', {
          source: sourceLabel(adapter.name),
          wait: formatWait(until - now()),
        }),
      });
    const before = held();
    if (before !== undefined) return holdError(before);
    const spent = await budget.take(endpoint, adapter.budget, {
      maxWaitMs: MAX_BUDGET_WAIT_MS,
      sleep,
      purpose,
    });
    if (!spent.ok)
      return fail({
        kind: 'rate-limited',
        retryAt: spent.retryAt,
        message: t('sources.error.pacing', {
          source: sourceLabel(adapter.name),
          wait: formatWait(spent.retryAt - now()),
        }),
      });
    // A 429 may have arrived while this request waited for the allowance.
    const after = held();
    return after === undefined ? ok(true) : holdError(after);
  }

  async function askOnce(
    adapter: PdnsAdapter,
    endpoint: string,
    request: SourceRequest,
    host: Host,
    key: BoundKey | undefined,
    purpose: SpendPurpose,
  ) {
    const spent = await spend(adapter, endpoint, purpose);
    if (!spent.ok) return spent;
    return gate.run(endpoint, async () => {
      const response = await fetchText(request.url, {
        source: adapter.name,
        accept: request.headers.Accept ?? 'application/json',
        headers: request.headers,
        responseHeaders: adapter.responseHeaders ?? [],
        ...(key && { keyOrigin: key.origin }),
        fetch: options.fetch,
      });
      if (!response.ok) return response;
      const read = adapter.read({ ...response.value, url: request.url }, host, now());
      if (!read.ok && read.error.kind === 'rate-limited' && read.error.retryAt)
        gate.block(endpoint, read.error.retryAt);
      return read;
    });
  }

  return async (adapter, base, key, host, { fresh = false, purpose = 'interactive' } = {}) => {
    const endpoint = `${adapter.id}|${base}`;
    const cacheKey = historyCacheKey(adapter, base, host);
    // A fresh question (a watchlist check) skips the kept answer but still refreshes it.
    const cached = fresh ? undefined : await options.cache?.get(cacheKey);
    if (cached) return ok(cached);
    // A watchlist check never waits on a card's request: that one may be refused for want of
    // the allowance the check may still use.
    return share(`${purpose}|${fresh ? 'fresh|' : ''}${cacheKey}`, async () => {
      const observations: Observation[] = [];
      let total = 0;
      let request: SourceRequest | undefined = adapter.request(base, key?.key ?? '', host);
      for (let pages = 0; request && pages < adapter.maxPages; pages++) {
        const read = await askOnce(adapter, endpoint, request, host, key, purpose);
        if (!read.ok) {
          // A later page failing still leaves the pages already read worth showing.
          if (pages === 0) return read;
          break;
        }
        observations.push(...read.value.page.observations.slice(0, MAX_ROWS - observations.length));
        // The first page's total is what the source says the whole answer holds; a later page
        // can only add that there is still more than what was read.
        const { page } = read.value;
        const more = page.total > page.observations.length ? 1 : 0;
        total = pages === 0 ? page.total : Math.max(total, observations.length + more);
        request = followUp(request, read.value.next);
      }
      const page: ObservationPage = {
        source: adapter.name,
        observations,
        total: Math.max(total, observations.length),
      };
      await options.cache?.set(cacheKey, page, TTL_MS);
      return ok(page);
    });
  };
}
