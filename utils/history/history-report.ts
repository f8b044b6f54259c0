// History and neighbours of one host, from passive DNS: what the name resolved to and when, and
// which other names were seen on those addresses. Passive DNS records resolutions, never who
// looked a name up.
import type { Host } from '../hosts/host';
import type { LookupError } from '../lookup/errors';
import type { AskHistory } from './history-client';
import type { Observation } from './model';

export type Section<T> =
  | { state: 'ok'; data: T; total: number }
  | { state: 'empty' }
  | { state: 'error'; error: LookupError }
  | { state: 'disabled'; message: string };

export interface Neighbour {
  address: string;
  names: Observation[];
}

export interface HistoryReport {
  host: string;
  source: string;
  history: Section<Observation[]>;
  neighbours: Section<Neighbour[]>;
}

/** Addresses whose other names the report looks up: the most recent ones, to spare the budget. */
const NEIGHBOUR_ADDRESSES = 2;
const SHOWN = 50;

const byLastSeen = (a: Observation, b: Observation) => b.lastSeen - a.lastSeen;

export async function buildHistoryReport(host: Host, base: string, ask: AskHistory): Promise<HistoryReport> {
  const report: HistoryReport = {
    host: host.name,
    source: 'Mnemonic',
    history: { state: 'empty' },
    neighbours: { state: 'empty' },
  };
  const page = await ask(base, host.name);
  if (!page.ok) {
    report.history = { state: 'error', error: page.error };
    report.neighbours = { state: 'error', error: page.error };
    return report;
  }
  if (host.kind !== 'domain') {
    // For an address, its history *is* the names seen on it.
    const names = page.value.observations.filter((o) => o.rdata === host.name).sort(byLastSeen);
    report.history = names.length
      ? { state: 'ok', data: names.slice(0, SHOWN), total: page.value.total }
      : { state: 'empty' };
    report.neighbours =
      report.history.state === 'ok'
        ? { state: 'ok', data: [{ address: host.name, names: names.slice(0, SHOWN) }], total: names.length }
        : { state: 'empty' };
    return report;
  }
  const own = page.value.observations.filter((o) => o.rrname === host.name).sort(byLastSeen);
  report.history = own.length
    ? { state: 'ok', data: own.slice(0, SHOWN), total: page.value.total }
    : { state: 'empty' };
  const addresses = [
    ...new Set(own.filter((o) => o.rrtype === 'A' || o.rrtype === 'AAAA').map((o) => o.rdata)),
  ].slice(0, NEIGHBOUR_ADDRESSES);
  if (addresses.length === 0) return report;
  const pages = await Promise.all(addresses.map((address) => ask(base, address)));
  const failed = pages.find((p) => !p.ok);
  const neighbours = addresses.map((address, i) => {
    const p = pages[i]!;
    const names = p.ok
      ? p.value.observations.filter((o) => o.rdata === address && o.rrname !== host.name).sort(byLastSeen)
      : [];
    return { address, names: names.slice(0, SHOWN) };
  });
  if (neighbours.some((n) => n.names.length > 0)) {
    report.neighbours = {
      state: 'ok',
      data: neighbours,
      total: neighbours.reduce((s, n) => s + n.names.length, 0),
    };
  } else if (failed && !failed.ok) {
    report.neighbours = { state: 'error', error: failed.error };
  }
  return report;
}
