// The evidence report of one page: what a fact-checker attaches to a story. Every host the page
// names, with its live DNS as Hostlens's resolver answered at export time (records, TTLs,
// DNSSEC), and the history and registration Hostlens had already fetched — never fetched for
// the report. Plain JSON, versioned, the same data the Markdown rendering shows.
import type { RdapRecord } from '../history/rdap';
import type { DnsReport } from '../lookup/dns-report';
import type { ObservationPage } from '../history/model';
import type { MarkedHost } from '../page/page-marks';

export const EVIDENCE_FORMAT = 'hostlens-evidence';

export interface EvidenceRecord {
  type: string;
  name: string;
  ttl: number;
  value: string;
}

export interface EvidenceHost {
  host: string;
  kind: string;
  /** How often the page names it, and the words around its first mention. */
  mentions: number;
  context: string;
  dns: {
    status: string | null;
    /** The resolver set the AD flag on every answer: it validated them with DNSSEC. */
    dnssecValidated: boolean;
    checkedAt: string;
    records: EvidenceRecord[];
    problems: string[];
  };
  /** Passive-DNS answers already fetched, per source; null when none had been. */
  history: Array<{
    source: string;
    total: number;
    observations: Array<{
      rrname: string;
      rrtype: string;
      rdata: string;
      firstSeen: string;
      lastSeen: string;
      count?: number;
    }>;
  }> | null;
  /** Registration already fetched; null when it had not been. */
  registration: RdapRecord | null;
}

export interface EvidenceReport {
  format: typeof EVIDENCE_FORMAT;
  version: 1;
  createdAt: string;
  page: { url: string | null; title: string | null };
  resolver: string;
  hosts: EvidenceHost[];
  /** Hosts the page names beyond those in the report (the report is bounded). */
  omittedHosts: number;
  limits: string[];
}

export const LIMITS = [
  'Live DNS is what Hostlens’s resolver answered at the time above; the reader’s own browser, network or VPN may get a different answer (geo-DNS, CDNs, filtering) or have used an older one.',
  'Passive DNS shows what a name resolved to and when, as seen by each source’s sensors — not who looked it up, and not a complete record.',
  'History and registration appear only where Hostlens had already fetched them (a card or the details view was opened); nothing was fetched for this report except live DNS.',
];

const iso = (ms: number) => new Date(ms).toISOString();

export function evidenceHost(
  marked: MarkedHost,
  dns: DnsReport,
  history: ObservationPage[] | null,
  registration: RdapRecord | null,
): EvidenceHost {
  const records: EvidenceRecord[] = [];
  const problems: string[] = [];
  for (const q of dns.questions) {
    if (!q.result.ok) {
      problems.push(`${q.type}: ${q.result.error.message}`);
      continue;
    }
    for (const r of q.result.value.records)
      if (r.type === q.type || (r.type === 'CNAME' && q.type === 'A'))
        records.push({ type: r.type, name: r.name, ttl: r.ttl, value: r.value });
  }
  return {
    host: marked.host,
    kind: marked.kind,
    mentions: marked.count,
    context: marked.context,
    dns: {
      status: dns.status,
      dnssecValidated: dns.authenticated,
      checkedAt: iso(dns.finishedAt),
      records,
      problems,
    },
    history: history
      ? history.map((p) => ({
          source: p.source,
          total: p.total,
          observations: p.observations.slice(0, 200).map((o) => ({
            rrname: o.rrname,
            rrtype: o.rrtype,
            rdata: o.rdata,
            firstSeen: iso(o.firstSeen),
            lastSeen: iso(o.lastSeen),
            ...(o.count !== undefined && { count: o.count }),
          })),
        }))
      : null,
    registration,
  };
}
