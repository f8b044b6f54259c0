// History and neighbours of one host, from every passive-DNS source that is on: what the name
// resolved to and when, and which other names were seen on those addresses. Passive DNS
// records resolutions, never who looked a name up.
//
// Each source is asked on its own; one failing (a limit reached, a key rejected) leaves the
// others' data in place and is reported by name next to it.
import type { Host, HostKind } from '../hosts/host';
import type { LookupError } from '../lookup/errors';
import type { BoundKey } from '../settings/keyed-sources';
import type { PdnsAdapter } from './adapter';
import type { AskSource } from './history-client';
import { mergeObservations, type TimelineEntry } from './merge-timeline';
import type { ObservationPage } from './model';

export type Section<T> =
  | { state: 'ok'; data: T; total: number }
  | { state: 'empty' }
  | { state: 'error'; error: LookupError }
  | { state: 'disabled'; message: string };

export interface Neighbour {
  address: string;
  names: TimelineEntry[];
}

/** How one source did for one stage of the report. */
export interface SourceOutcome {
  source: string;
  state: 'ok' | 'empty' | 'error';
  /** Observations read, and how many the source says it has (more means truncated). */
  rows: number;
  total: number;
  message?: string;
}

export interface HistoryReport {
  host: string;
  kind: HostKind;
  /** The sources asked about the host itself. */
  sources: SourceOutcome[];
  /** The sources asked about the host's addresses (neighbours); empty when none were asked. */
  neighbourSources: SourceOutcome[];
  history: Section<TimelineEntry[]>;
  neighbours: Section<Neighbour[]>;
}

export interface EnabledSource {
  adapter: PdnsAdapter;
  base: string;
  /** The user's key for this source, when it has one bound to `base`'s origin. */
  key: BoundKey | undefined;
}

/** Addresses whose other names the report looks up: the most recent ones, to spare the budgets. */
const NEIGHBOUR_ADDRESSES = 2;
const SHOWN = 50;

type Answer = Awaited<ReturnType<AskSource>>;

function outcome(source: string, answer: Answer): SourceOutcome {
  if (!answer.ok) return { source, state: 'error', rows: 0, total: 0, message: answer.error.message };
  const { observations, total } = answer.value;
  return { source, state: observations.length ? 'ok' : 'empty', rows: observations.length, total };
}

function combinedError(answers: Answer[]): LookupError {
  const errors = answers.flatMap((a) => (a.ok ? [] : [a.error]));
  return { ...errors[0]!, message: errors.map((e) => e.message).join(' ') };
}

/** Entries beyond those read: what the sources said they have but did not send. */
const unread = (pages: ObservationPage[]) =>
  pages.reduce((sum, p) => sum + Math.max(0, p.total - p.observations.length), 0);

async function askAll(sources: EnabledSource[], host: Host, ask: AskSource) {
  const asked = sources.filter((s) => s.adapter.accepts(host));
  const answers = await Promise.all(asked.map((s) => ask(s.adapter, s.base, s.key, host)));
  const pages = answers.flatMap((a) => (a.ok ? [a.value] : []));
  return {
    answers,
    pages,
    outcomes: asked.map((s, i) => outcome(s.adapter.name, answers[i]!)),
    observations: pages.flatMap((p) => p.observations),
  };
}

export async function buildHistoryReport(
  host: Host,
  sources: EnabledSource[],
  ask: AskSource,
): Promise<HistoryReport> {
  const first = await askAll(sources, host, ask);
  const report: HistoryReport = {
    host: host.name,
    kind: host.kind,
    sources: first.outcomes,
    neighbourSources: [],
    history: { state: 'empty' },
    neighbours: { state: 'empty' },
  };
  if (first.answers.length > 0 && first.pages.length === 0) {
    const error = combinedError(first.answers);
    report.history = { state: 'error', error };
    report.neighbours = { state: 'error', error };
    return report;
  }

  if (host.kind !== 'domain') {
    // For an address, its history *is* the names seen on it.
    const onIt = mergeObservations(first.observations.filter((o) => o.rdata === host.name));
    if (onIt.length) {
      const total = onIt.length + unread(first.pages);
      report.history = { state: 'ok', data: onIt.slice(0, SHOWN), total };
      report.neighbours = { state: 'ok', data: [{ address: host.name, names: onIt.slice(0, SHOWN) }], total };
    }
    return report;
  }

  const own = mergeObservations(first.observations.filter((o) => o.rrname === host.name));
  if (own.length)
    report.history = { state: 'ok', data: own.slice(0, SHOWN), total: own.length + unread(first.pages) };
  const addresses = [
    ...new Set(own.filter((e) => e.rrtype === 'A' || e.rrtype === 'AAAA').map((e) => e.rdata)),
  ].slice(0, NEIGHBOUR_ADDRESSES);
  if (addresses.length === 0) return report;

  const answered = new Set(first.outcomes.filter((o) => o.state !== 'error').map((o) => o.source));
  const asked = sources.filter((s) => answered.has(s.adapter.name));
  const perAddress = await Promise.all(
    addresses.map((address) =>
      askAll(asked, { name: address, display: address, kind: address.includes(':') ? 'ipv6' : 'ipv4' }, ask),
    ),
  );
  report.neighbourSources = perAddress.flatMap((p, i) =>
    p.outcomes.map((o) => ({ ...o, source: `${o.source} (${addresses[i]})` })),
  );
  const neighbours = addresses.map((address, i) => {
    const seen = perAddress[i]!.observations.filter((o) => o.rdata === address && o.rrname !== host.name);
    return { address, names: mergeObservations(seen).slice(0, SHOWN) };
  });
  const all = perAddress.flatMap((p) => p.answers);
  if (neighbours.some((n) => n.names.length > 0)) {
    report.neighbours = {
      state: 'ok',
      data: neighbours,
      total: neighbours.reduce((s, n) => s + n.names.length, 0) + unread(perAddress.flatMap((p) => p.pages)),
    };
  } else if (all.length > 0 && all.every((a) => !a.ok)) {
    report.neighbours = { state: 'error', error: combinedError(all) };
  }
  return report;
}
