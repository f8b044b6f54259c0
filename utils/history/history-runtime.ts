// The background's passive-DNS machinery, rebuilt each time a service worker starts.
//
// Lifetime: answers (6 h), each source's spent allowance and any 402/429 hold are kept in
// `storage.local`, so neither a stopped worker nor a browser restart makes Hostlens ask a source
// again sooner than it allows. `ready` resolves once they have been read back.
import { createPersistedLimits } from '../lookup/persisted-limits';
import { createStoredCache } from '../lookup/stored-cache';
import { createHistoryClient, type AskSource } from './history-client';
import type { ObservationPage } from './model';

export interface HistoryRuntime {
  ready: Promise<void>;
  ask: AskSource;
}

export function createHistoryRuntime(options: { fetch?: typeof fetch } = {}): HistoryRuntime {
  const { budget, gate, ready } = createPersistedLimits(
    { budget: 'local:sourceBudgets', holds: 'local:sourceHolds' },
    { maxConcurrent: 2 },
  );
  const ask = createHistoryClient({
    budget,
    gate,
    cache: createStoredCache<ObservationPage>('pdns', { maxEntries: 300 }),
    fetch: options.fetch,
  });
  return { ready, ask };
}
