// A source's allowance (`SourceBudget`) and its 402/429 holds (`RequestGate`), kept in
// `storage.local` under the given keys and read back by each new service worker: a daily
// allowance or a three-hour hold must outlive the worker's frequent restarts.
import { storage } from 'wxt/utils/storage';
import { RequestGate } from './request-gate';
import { SourceBudget, type BudgetState } from './source-budget';

export interface PersistedLimits {
  budget: SourceBudget;
  gate: RequestGate;
  /** Resolves once the stored allowance and holds are restored. */
  ready: Promise<void>;
}

export function createPersistedLimits(
  keys: { budget: `local:${string}`; holds: `local:${string}` },
  { maxConcurrent, now = Date.now }: { maxConcurrent: number; now?: () => number },
): PersistedLimits {
  const budgetItem = storage.defineItem<BudgetState>(keys.budget, { fallback: {} });
  const holdsItem = storage.defineItem<Record<string, number>>(keys.holds, { fallback: {} });
  const budget = new SourceBudget({
    now,
    persist: (state) => void budgetItem.setValue(state).catch(() => undefined),
  });
  const gate = new RequestGate({
    maxConcurrent,
    now,
    persist: (holds) => void holdsItem.setValue(holds).catch(() => undefined),
  });
  const ready = Promise.all([budgetItem.getValue(), holdsItem.getValue()])
    .then(([spent, holds]) => {
      budget.restore(spent);
      gate.restore(holds);
    })
    // A damaged record only costs a fresh allowance; the sources' own limits still apply.
    .catch(() => undefined);
  return { budget, gate, ready };
}
