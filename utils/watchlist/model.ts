// The watchlist's model: what the user pinned (synced), what each check saw (a snapshot, kept
// on this computer), and what changed between two checks (the change log, kept here too).

/** One pinned host, as it syncs across the user's browsers. */
export interface WatchEntry {
  host: string;
  addedAt: number;
  note: string;
  tags: string[];
}

/** Registration fields a check compares (RDAP). */
export interface RegistrationFacts {
  registrar?: string;
  expires?: number;
  statuses: string[];
  nameservers: string[];
}

/** What one check saw. Values are sorted, so two snapshots compare field by field. */
export interface Snapshot {
  takenAt: number;
  resolver: string;
  /** The rcode of the name's own answer: NOERROR, NXDOMAIN, SERVFAIL... */
  status: string;
  /** Record values by type (A, AAAA, CNAME, MX, NS, TXT...), as shown in the card. */
  records: Record<string, string[]>;
  /** Other names passive DNS saw on each watched address (current and former ones). */
  namesOnAddresses: Record<string, string[]>;
  /** Null when the registry has no record; absent when registration wasn't checked. */
  registration?: RegistrationFacts | null;
  /**
   * Parts that could not be read this time (a source failing, rate-limited, switched off):
   * their previous values are carried over, so an outage is never reported as a change.
   */
  incomplete: Array<'dns' | 'history' | 'registration'>;
}

export type ChangeKind = 'added' | 'removed' | 'status' | 'new-name' | 'registration';

export interface Change {
  /** Set by the store. */
  id?: number;
  host: string;
  at: number;
  kind: ChangeKind;
  /** The record type (`added`/`removed`), the address (`new-name`), the field (`registration`). */
  subject: string;
  /** The new value (a record, a name, a status). */
  value: string;
  previous?: string;
  /** One line for the reader: "stopped resolving", "new name on 66.216.133.29: trump1.contact-client.com". */
  message: string;
}

/** Local per-host state: when it was and will be checked, its last snapshot. */
export interface WatchState {
  host: string;
  lastCheckedAt?: number;
  nextCheckAt: number;
  lastChangeAt?: number;
  /** The last check's problem in plain words, when it had one. */
  lastProblem?: string;
  /** Checks in a row that could not run (rate-limited, offline): for back-off. */
  failures: number;
  snapshot?: Snapshot;
}

/** A watched host as the watchlist view shows it. */
export interface WatchRow extends WatchEntry {
  status?: string;
  addresses: string[];
  lastCheckedAt?: number;
  nextCheckAt?: number;
  lastChangeAt?: number;
  lastProblem?: string;
  unseenChanges: number;
}
