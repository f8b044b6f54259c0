// The background's passive-DNS machinery, rebuilt each time a service worker starts.
//
// Lifetime: answers (6 h), each source's spent allowance and any 402/429 hold are kept in
// `storage.local`, so neither a stopped worker nor a browser restart makes Hostlens ask a source
// again sooner than it allows. `ready` resolves once they have been read back.
import { storage } from 'wxt/utils/storage';
import { RequestGate } from '../lookup/request-gate';
import { SourceBudget, type BudgetState } from '../lookup/source-budget';
import { createStoredCache } from '../lookup/stored-cache';
import { createHistoryClient, type AskSource } from './history-client';
import type { ObservationPage } from './model';

const budgetItem = storage.defineItem<BudgetState>('local:sourceBudgets', { fallback: {} });
const holdsItem = storage.defineItem<Record<string, number>>('local:sourceHolds', { fallback: {} });

export interface HistoryRuntime {
  ready: Promise<void>;
  ask: AskSource;
}

export function createHistoryRuntime(options: { fetch?: typeof fetch } = {}): HistoryRuntime {
  const budget = new SourceBudget({
    persist: (state) => void budgetItem.setValue(state).catch(() => undefined),
  });
  const gate = new RequestGate({
    maxConcurrent: 2,
    persist: (holds) => void holdsItem.setValue(holds).catch(() => undefined),
  });
  const ready = Promise.all([budgetItem.getValue(), holdsItem.getValue()])
    .then(([spent, holds]) => {
      budget.restore(spent);
      gate.restore(holds);
    })
    // A damaged record only costs a fresh allowance; the sources' own limits still apply.
    .catch(() => undefined);
  const ask = createHistoryClient({
    budget,
    gate,
    cache: createStoredCache<ObservationPage>('pdns', { maxEntries: 300 }),
    fetch: options.fetch,
  });
  return { ready, ask };
}
