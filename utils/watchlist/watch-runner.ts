// Runs watchlist checks: on the alarm (the hosts that are due, a few per tick, so a long list is
// spread out and each source's allowance holds) and on "Check now". Each host's check is
// recorded in one transaction (its new state and its changes together), so a worker stopped in
// the middle leaves that host unchecked — it is simply due again on the next tick — and never
// half-recorded or recorded twice.
import { normalizeHost } from '../hosts/host';
import { t } from '../i18n/messages';
import { createInflightSharing } from '../lookup/share-inflight';
import type { CheckSummary } from '../messages/protocol';
import { loadSettings, type Settings } from '../settings/settings';
import type { SourceKeys } from '../settings/keyed-sources';
import { loadSourceKeys } from '../settings/source-keys';
import { carryOver, diffSnapshots } from './diff-snapshots';
import type { Change, WatchState } from './model';
import { dueHosts, nextRegularCheck, nextRetry } from './schedule';
import { takeSnapshot, type SnapshotDeps } from './take-snapshot';
import { allStates, deleteState, getState, pruneChanges, putState, recordCheck } from './watch-db';
import { listWatched } from './watchlist-store';

/** Hosts checked per alarm tick (every 5 minutes): 120 an hour at most. */
export const TICK_BATCH = 10;
export const TICK_MINUTES = 5;

export interface WatchRunnerDeps extends SnapshotDeps {
  /** Called with the changes of a run, after they are stored (notification, badge). */
  onChanges?: (changes: Change[], settings: Settings) => Promise<void>;
}

interface HostOutcome {
  changes: Change[];
  problems: string[];
  postponed: boolean;
}

export function createWatchRunner(deps: WatchRunnerDeps) {
  const now = deps.now ?? Date.now;
  const share = createInflightSharing<HostOutcome>();

  function checkHost(hostName: string, settings: Settings, keys: SourceKeys): Promise<HostOutcome> {
    // A "Check now" during an alarm's check of the same host waits for that one.
    return share(hostName, async () => {
      const host = normalizeHost(hostName);
      if (!host)
        return {
          changes: [],
          problems: [t('watchlist.problem.notAHostName', { host: hostName })],
          postponed: false,
        };
      const state = await getState(hostName);
      const result = await takeSnapshot(host, state?.snapshot, settings, keys, deps);
      const changes = diffSnapshots(hostName, state?.snapshot, result.snapshot);
      const checkedAt = now();
      const intervalMs = settings.watch.intervalMinutes * 60_000;
      const failures = result.postponed ? (state?.failures ?? 0) + 1 : 0;
      const next: WatchState = {
        host: hostName,
        lastCheckedAt: checkedAt,
        nextCheckAt: result.postponed
          ? nextRetry(failures, checkedAt, intervalMs)
          : nextRegularCheck(hostName, checkedAt, intervalMs),
        failures,
        snapshot: carryOver(state?.snapshot, result.snapshot),
      };
      const lastChangeAt = changes.length ? checkedAt : state?.lastChangeAt;
      if (lastChangeAt !== undefined) next.lastChangeAt = lastChangeAt;
      if (result.problems.length) next.lastProblem = result.problems.join(' ');
      const stored = await recordCheck(next, changes);
      return { changes: stored, problems: result.problems, postponed: result.postponed };
    });
  }

  async function run(hosts: string[]): Promise<CheckSummary> {
    const [{ settings }, keys] = await Promise.all([loadSettings(), loadSourceKeys()]);
    const summary: CheckSummary = { checked: 0, postponed: 0, changes: [], problems: [] };
    // One at a time: a check asks several sources, and a list's checks must not burst.
    for (const host of hosts) {
      const outcome = await checkHost(host, settings, keys);
      summary.checked++;
      if (outcome.postponed) summary.postponed++;
      summary.changes.push(...outcome.changes);
      if (outcome.problems.length)
        summary.problems.push(
          t('watchlist.problem.hostProblem', { host, problem: outcome.problems.join(' ') }),
        );
    }
    await pruneChanges(settings.retention.maxChanges, settings.retention.maxDays * 86_400_000, now());
    if (summary.changes.length) await deps.onChanges?.(summary.changes, settings);
    return summary;
  }

  /** Brings local state in line with the synced list: new pins are due now, unpinned ones are forgotten. */
  async function reconcile(): Promise<WatchState[]> {
    const [watched, states] = await Promise.all([listWatched(), allStates()]);
    const wanted = new Set(watched.map((w) => w.host));
    const known = new Map(states.map((s) => [s.host, s]));
    for (const s of states) if (!wanted.has(s.host)) await deleteState(s.host);
    for (const w of watched)
      if (!known.has(w.host)) {
        const fresh: WatchState = { host: w.host, nextCheckAt: now(), failures: 0 };
        await putState(fresh);
        known.set(w.host, fresh);
      }
    return [...known.values()].filter((s) => wanted.has(s.host));
  }

  return {
    /** The alarm's work: the hosts that are due, at most a batch. */
    async runDue(): Promise<CheckSummary> {
      const states = await reconcile();
      return run(dueHosts(states, now(), TICK_BATCH));
    },
    /** "Check now": one host, or every watched host. */
    async checkNow(host: string | null): Promise<CheckSummary> {
      const states = await reconcile();
      const hosts = host
        ? states.filter((s) => s.host === host).map((s) => s.host)
        : states.map((s) => s.host);
      return run(hosts);
    },
    reconcile,
  };
}

export type WatchRunner = ReturnType<typeof createWatchRunner>;
