// One check of a watched host: live DNS (fresh, not from the cache), the other names passive
// DNS saw on its current and former addresses, and its registration. Each part that can't be
// read is marked incomplete (its last known value is kept), and a source over its limit makes
// the check "postponed" so the scheduler tries again later instead of recording a gap.
import { enabledPdnsSources } from '../history/enabled-sources';
import type { AskSource } from '../history/history-client';
import type { AskRdap } from '../history/rdap-client';
import type { Host } from '../hosts/host';
import { t } from '../i18n/messages';
import { buildDnsReport } from '../lookup/dns-report';
import type { AskDns } from '../lookup/dns-engine';
import type { Settings } from '../settings/settings';
import type { SourceKeys } from '../settings/keyed-sources';
import type { RegistrationFacts, Snapshot } from './model';

/** Addresses whose neighbours a check asks about: current ones first, then former ones. */
const WATCHED_ADDRESSES = 4;
const MAX_NAMES = 200;
/**
 * A check asks afresh (not from the cache), and as the watchlist: it may use the part of each
 * source's allowance that lookups a page can set off never get (`watchReserve`).
 */
const WATCH_ASK = { fresh: true, purpose: 'watch' } as const;

export interface SnapshotDeps {
  askDns: AskDns;
  askHistory: AskSource;
  askRdap: AskRdap;
  now?: () => number;
}

export interface SnapshotResult {
  snapshot: Snapshot;
  /** Plain words for what could not be read. */
  problems: string[];
  /** A source said "not now" (limit reached): worth trying again sooner than the schedule. */
  postponed: boolean;
}

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

export async function takeSnapshot(
  host: Host,
  prev: Snapshot | undefined,
  settings: Settings,
  keys: SourceKeys,
  deps: SnapshotDeps,
): Promise<SnapshotResult> {
  const now = deps.now ?? Date.now;
  const problems: string[] = [];
  let postponed = false;
  const snapshot: Snapshot = {
    takenAt: now(),
    resolver: settings.resolverUrl,
    status: prev?.status ?? 'unknown',
    records: {},
    namesOnAddresses: {},
    incomplete: [],
  };

  const dns = await buildDnsReport(host, settings.resolverUrl, deps.askDns, { fresh: true, now });
  if (dns.status === null) {
    snapshot.incomplete.push('dns');
    problems.push(dns.statusError?.message ?? t('watchlist.problem.liveDnsUnread'));
    if (dns.statusError?.kind === 'rate-limited') postponed = true;
  } else {
    snapshot.status = dns.status;
    for (const q of dns.questions) {
      // A question that failed keeps its last known values rather than looking emptied.
      snapshot.records[q.type] = q.result.ok
        ? sortedUnique(q.result.value.records.filter((r) => r.type === q.type).map((r) => r.value))
        : (prev?.records[q.type] ?? []);
    }
    for (const type of Object.keys(snapshot.records))
      if (snapshot.records[type]!.length === 0) delete snapshot.records[type];
  }

  const current = host.kind === 'domain' ? dns.addresses : [host.name];
  const former = Object.keys(prev?.namesOnAddresses ?? {});
  const addresses = [...new Set([...current, ...former])].slice(0, WATCHED_ADDRESSES);
  const { enabled } = enabledPdnsSources(settings, keys);
  if (enabled.length === 0 || addresses.length === 0) {
    if (prev) snapshot.namesOnAddresses = prev.namesOnAddresses;
  } else {
    let failed = false;
    for (const address of addresses) {
      const ipHost: Host = { name: address, display: address, kind: address.includes(':') ? 'ipv6' : 'ipv4' };
      const names: string[] = [];
      for (const source of enabled.filter((s) => s.adapter.accepts(ipHost))) {
        const page = await deps.askHistory(source.adapter, source.base, source.key, ipHost, WATCH_ASK);
        if (!page.ok) {
          failed = true;
          if (page.error.kind === 'rate-limited') postponed = true;
          problems.push(page.error.message);
          continue;
        }
        names.push(
          ...page.value.observations
            .filter((o) => o.rdata === address && o.rrname !== host.name)
            .map((o) => o.rrname),
        );
      }
      snapshot.namesOnAddresses[address] = sortedUnique(names).slice(0, MAX_NAMES);
    }
    if (failed) snapshot.incomplete.push('history');
  }

  if (host.kind === 'domain' && settings.rdap.enabled) {
    const rdap = await deps.askRdap(host, settings.rdap, WATCH_ASK);
    if (!rdap.ok) {
      snapshot.incomplete.push('registration');
      problems.push(rdap.error.message);
      if (rdap.error.kind === 'rate-limited') postponed = true;
    } else if (rdap.value.outcome === 'found' && 'domain' in rdap.value.record) {
      const r = rdap.value.record;
      const facts: RegistrationFacts = {
        statuses: sortedUnique(r.statuses),
        nameservers: sortedUnique(r.nameservers),
      };
      if (r.registrar) facts.registrar = r.registrar;
      if (r.expires !== undefined) facts.expires = r.expires;
      snapshot.registration = facts;
    } else if (rdap.value.outcome === 'not-found') {
      snapshot.registration = null;
    }
  }
  return { snapshot, problems: [...new Set(problems)], postponed };
}
