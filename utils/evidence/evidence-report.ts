// The evidence report of one page: what a fact-checker attaches to a story. Every host the page
// names, with its live DNS as Hostlens's resolver answered at export time (records, TTLs,
// DNSSEC), and the history and registration Hostlens had already fetched — never fetched for
// the report. Plain JSON with ISO times, versioned; the Markdown rendering shows the same data.
import type { RdapAnswer } from '../history/rdap-client';
import type { ObservationPage } from '../history/model';
import type { DnsReport } from '../lookup/dns-report';
import type { MarkedHost } from '../page/page-marks';

export const EVIDENCE_FORMAT = 'hostlens-evidence';
export const EVIDENCE_VERSION = 1;
/** Observations kept per source and host: the card shows fewer; a source may hold thousands. */
const MAX_OBSERVATIONS = 200;

export interface EvidenceRecord {
  type: string;
  name: string;
  /** Seconds left when Hostlens read the answer (an answer it had cached counts down). */
  ttl: number;
  value: string;
  /** When the resolver gave this answer. */
  answeredAt: string;
}

export interface EvidenceHost {
  host: string;
  /** The Unicode form, when it differs (IDN). */
  display?: string;
  kind: MarkedHost['kind'];
  /** How often the page names it, and the words around its first mention. */
  mentions: number;
  context: string;
  dns: {
    /** The rcode of the main question (A for a name, PTR for an address); null when none came. */
    status: string | null;
    /** The resolver set the AD flag on every answer: it validated them with DNSSEC. */
    dnssecValidated: boolean;
    checkedAt: string;
    records: EvidenceRecord[];
    /** Reverse name and announcing network of each address. */
    addresses: Array<{ ip: string; ptr: string[]; asn?: string; asName?: string; prefix?: string }>;
    /** Questions that got no answer, in words. */
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
  /** The registry's answer already fetched (found or not); null when it had not been. */
  registration: EvidenceRegistration | null;
}

export type EvidenceRegistration =
  | {
      outcome: 'domain';
      domain: string;
      registrar?: string;
      created?: string;
      updated?: string;
      expires?: string;
      statuses: string[];
      nameservers: string[];
      delegationSigned?: boolean;
      server: string;
    }
  | {
      outcome: 'network';
      address: string;
      name?: string;
      handle?: string;
      range?: string;
      cidrs: string[];
      country?: string;
      holder?: string;
      abuseEmail?: string;
      registered?: string;
      statuses: string[];
      server: string;
      registry?: string;
    }
  | { outcome: 'not-found'; query: string; server: string }
  | { outcome: 'no-service'; query: string; message: string };

export interface EvidenceReport {
  format: typeof EVIDENCE_FORMAT;
  version: typeof EVIDENCE_VERSION;
  createdAt: string;
  /** Null where the browser did not give Hostlens the tab's address or title. */
  page: { url: string | null; title: string | null };
  resolver: string;
  hosts: EvidenceHost[];
  /** Hosts the page names beyond those in the report (the report is bounded). */
  omittedHosts: number;
  limits: string[];
}

/** In the JSON, a machine format, always in English; the Markdown says them in the reader's language. */
export const LIMITS = [
  'Live DNS is what Hostlens’s resolver answered at the time shown; the reader’s own browser, network or VPN may get a different answer (geo-DNS, CDNs, filtering) or may have used an older one.',
  'DNSSEC “validated” means the resolver set the AD flag on every answer; Hostlens did not check the signatures itself.',
  'Passive DNS records what a name resolved to and when, as seen by each source’s sensors — never who looked it up, and not a complete record.',
  'History and registration appear only where Hostlens had already fetched them (a card or the details view was opened); nothing but live DNS was asked for this report.',
];

const iso = (ms: number) => new Date(ms).toISOString();
const isoOpt = (ms: number | undefined) => (ms === undefined ? undefined : iso(ms));

function dnsOf(dns: DnsReport): EvidenceHost['dns'] {
  const records: EvidenceRecord[] = [];
  const problems: string[] = [];
  for (const q of [...dns.questions, ...(dns.dmarc ? [dns.dmarc] : [])]) {
    if (!q.result.ok) {
      problems.push(`${q.name} ${q.type}: ${q.result.error.message}`);
      continue;
    }
    const answeredAt = iso(q.result.value.fetchedAt);
    // An A answer carries the CNAME chain too; the CNAME question repeats its first step.
    for (const r of q.result.value.records)
      if (r.type === q.type || (r.type === 'CNAME' && q.type === 'A'))
        records.push({ type: r.type, name: r.name, ttl: r.ttl, value: r.value, answeredAt });
  }
  if (dns.statusError) problems.unshift(`No status: ${dns.statusError.message}`);
  return {
    status: dns.status,
    dnssecValidated: dns.authenticated,
    checkedAt: iso(dns.finishedAt),
    records,
    addresses: dns.addressInfo.map((a) => ({
      ip: a.ip,
      ptr: a.ptr,
      ...(a.asn && { asn: a.asn.asn, prefix: a.asn.prefix }),
      ...(a.asn?.name && { asName: a.asn.name }),
    })),
    problems,
  };
}

function registrationOf(answer: RdapAnswer): EvidenceRegistration {
  if (answer.outcome !== 'found') return answer;
  const r = answer.record;
  if ('domain' in r)
    return {
      outcome: 'domain',
      domain: r.domain,
      registrar: r.registrar,
      created: isoOpt(r.created),
      updated: isoOpt(r.updated),
      expires: isoOpt(r.expires),
      statuses: r.statuses,
      nameservers: r.nameservers,
      delegationSigned: r.delegationSigned,
      server: r.server,
    };
  return {
    outcome: 'network',
    address: r.address,
    name: r.name,
    handle: r.handle,
    range: r.startAddress && r.endAddress ? `${r.startAddress} – ${r.endAddress}` : undefined,
    cidrs: r.cidrs,
    country: r.country,
    holder: r.registrant,
    abuseEmail: r.abuseEmail,
    registered: isoOpt(r.registered),
    statuses: r.statuses,
    server: r.server,
    registry: r.registry,
  };
}

export interface HostInputs {
  marked: MarkedHost;
  display: string;
  dns: DnsReport;
  /** Kept passive-DNS pages, one per source that had answered. */
  history: ObservationPage[];
  registration: RdapAnswer | null;
}

export function evidenceHost({ marked, display, dns, history, registration }: HostInputs): EvidenceHost {
  return {
    host: marked.host,
    ...(display !== marked.host && { display }),
    kind: marked.kind,
    mentions: marked.count,
    context: marked.context,
    dns: dnsOf(dns),
    history: history.length
      ? history.map((p) => ({
          source: p.source,
          total: p.total,
          observations: p.observations.slice(0, MAX_OBSERVATIONS).map((o) => ({
            rrname: o.rrname,
            rrtype: o.rrtype,
            rdata: o.rdata,
            firstSeen: iso(o.firstSeen),
            lastSeen: iso(o.lastSeen),
            ...(o.count !== undefined && { count: o.count }),
          })),
        }))
      : null,
    registration: registration ? registrationOf(registration) : null,
  };
}

export function buildEvidenceReport(inputs: {
  createdAt: number;
  page: { url: string | null; title: string | null };
  resolver: string;
  hosts: EvidenceHost[];
  omittedHosts: number;
}): EvidenceReport {
  return {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    createdAt: iso(inputs.createdAt),
    page: inputs.page,
    resolver: inputs.resolver,
    hosts: inputs.hosts,
    omittedHosts: inputs.omittedHosts,
    limits: LIMITS,
  };
}

/** `hostlens-evidence-<page host>-<UTC time>.<ext>`: only letters, digits, dots and dashes. */
export function evidenceFilename(url: string | null, createdAt: number, ext: 'json' | 'md'): string {
  let site = 'page';
  try {
    if (url)
      site = new URL(url).hostname
        .replace(/[^a-z0-9.-]+/gi, '_')
        .replace(/^[.]+/, '')
        .slice(0, 60);
  } catch {
    // Not a URL: keep "page".
  }
  return `hostlens-evidence-${site || 'page'}-${iso(createdAt).replace(/[:.]/g, '-')}.${ext}`;
}
