// Asks a passive-DNS source with the same discipline as DNS: one shared request per identical
// query, at most 2 at a time per source, a hold after 402/429, results kept for 6 hours.
//
// Lifetime: memory of the current service worker; a stopped worker asks again (the source's
// own budget is the limit that matters, and the hold is short-lived state).
import { fail, formatWait, type Result } from '../lookup/errors';
import { RequestGate } from '../lookup/request-gate';
import { createInflightSharing } from '../lookup/share-inflight';
import { fetchText } from './fetch-text';
import type { ObservationPage } from './model';
import { mnemonicUrl, readMnemonic } from './mnemonic';

const TTL_MS = 6 * 3600_000;

export type AskHistory = (base: string, query: string) => Promise<Result<ObservationPage>>;

export function createHistoryClient(options: { fetch?: typeof fetch; now?: () => number } = {}): AskHistory {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const cache = new Map<string, { page: ObservationPage; expires: number }>();
  const gate = new RequestGate({ maxConcurrent: 2, now });
  const share = createInflightSharing<Result<ObservationPage>>();

  return async (base, query) => {
    const url = mnemonicUrl(base, query);
    const cached = cache.get(url);
    if (cached && cached.expires > now()) return { ok: true, value: cached.page };
    const held = gate.blockedUntil(base);
    if (held !== undefined) {
      return fail({
        kind: 'rate-limited',
        retryAt: held,
        message: `Mnemonic: limit reached, try again in ${formatWait(held - now())}.`,
      });
    }
    return share(url, () =>
      gate.run(base, async () => {
        const response = await fetchText(url, {
          source: 'Mnemonic',
          accept: 'application/json',
          fetch: doFetch,
        });
        const result = response.ok
          ? readMnemonic(response.value.status, response.value.body, now())
          : response;
        if (result.ok) cache.set(url, { page: result.value, expires: now() + TTL_MS });
        else if (result.error.kind === 'rate-limited' && result.error.retryAt)
          gate.block(base, result.error.retryAt);
        return result;
      }),
    );
  };
}
