// One timeline from every source: observations of the same (name, type, value) become one
// entry that spans the earliest first-seen to the latest last-seen, and keeps each source's own
// sighting so the reader can see who saw what, and when.
import { normalizeHost } from '../hosts/host';
import type { Observation } from './model';

export interface Sighting {
  source: string;
  firstSeen: number;
  lastSeen: number;
  count?: number;
}

export interface TimelineEntry {
  rrname: string;
  rrtype: string;
  rdata: string;
  firstSeen: number;
  lastSeen: number;
  sightings: Sighting[];
}

/** The value as sources may spell it differently: IPv6 (un)compressed, names in any case. */
function sameValue(rrtype: string, rdata: string): string {
  if (rrtype === 'A' || rrtype === 'AAAA') return normalizeHost(rdata)?.name ?? rdata;
  return rdata.toLowerCase();
}

/** Merged entries, most recently seen first. */
export function mergeObservations(observations: Observation[]): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry>();
  for (const o of observations) {
    const rdata = sameValue(o.rrtype, o.rdata);
    const key = `${o.rrname}\u0000${o.rrtype}\u0000${rdata}`;
    const sighting: Sighting = {
      source: o.source,
      firstSeen: o.firstSeen,
      lastSeen: o.lastSeen,
      ...(o.count !== undefined && { count: o.count }),
    };
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, {
        rrname: o.rrname,
        rrtype: o.rrtype,
        rdata,
        firstSeen: o.firstSeen,
        lastSeen: o.lastSeen,
        sightings: [sighting],
      });
      continue;
    }
    entry.firstSeen = Math.min(entry.firstSeen, o.firstSeen);
    entry.lastSeen = Math.max(entry.lastSeen, o.lastSeen);
    const same = entry.sightings.find((s) => s.source === o.source);
    if (same) {
      // One source may report a value in several rows (pages, rrclass); widen its span.
      same.firstSeen = Math.min(same.firstSeen, o.firstSeen);
      same.lastSeen = Math.max(same.lastSeen, o.lastSeen);
      if (o.count !== undefined) same.count = (same.count ?? 0) + o.count;
    } else entry.sightings.push(sighting);
  }
  return [...entries.values()].sort((a, b) => b.lastSeen - a.lastSeen || a.rdata.localeCompare(b.rdata));
}
