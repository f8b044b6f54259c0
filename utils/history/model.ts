// The common model of history sources (DESIGN.md): observations after the Passive DNS Common
// Output Format, one per (name, type, value), each keeping its source. Times are milliseconds
// since the epoch, converted once at each adapter's edge.

export interface Observation {
  rrname: string;
  rrtype: string;
  rdata: string;
  firstSeen: number;
  lastSeen: number;
  count?: number;
  source: string;
}

export interface ObservationPage {
  source: string;
  observations: Observation[];
  /** Total matches the source says it has; more than `observations.length` means truncated. */
  total: number;
}
