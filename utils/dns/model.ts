// The DNS answer model every context shares. Plain JSON (no Uint8Array, no class instances), so
// it crosses `runtime.sendMessage` and `storage` unchanged.
import { t } from '../i18n/messages';

/** The record types a host report asks for. */
export const NAME_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SOA', 'CAA'] as const;
export type QueryType = (typeof NAME_RECORD_TYPES)[number] | 'PTR';

interface RecordBase {
  /** Owner name, ASCII, no trailing dot. */
  name: string;
  ttl: number;
  /** The record's data as one line of text, as a reader or `dig` would show it. */
  value: string;
}

export type DnsRecord =
  | (RecordBase & { type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR' | 'DNAME' })
  | (RecordBase & { type: 'MX'; preference: number; exchange: string })
  | (RecordBase & { type: 'TXT'; strings: string[] })
  | (RecordBase & {
      type: 'SOA';
      mname: string;
      rname: string;
      serial: number;
      minimum: number;
    })
  | (RecordBase & { type: 'CAA'; flags: number; tag: string; caaValue: string })
  | (RecordBase & { type: 'OTHER'; rrtype: string });

export type RecordType = DnsRecord['type'];

/** Response codes a resolver can give; dns-packet names unknown ones `RCODE_n`. */
export type DnsStatus = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED' | string;

export interface DnsAnswer {
  question: { name: string; type: QueryType };
  status: DnsStatus;
  /** AD flag: the resolver says it validated the answer with DNSSEC. */
  authenticated: boolean;
  /** TC flag: the resolver cut the answer short. */
  truncated: boolean;
  /** The answer section, in the order the resolver sent it (CNAME chain first), at most 500. */
  records: DnsRecord[];
  /** Records of the answer past the first 500, not kept (a hostile zone can send thousands). */
  omitted?: number;
  /** How long a negative answer may be cached: min(SOA TTL, SOA minimum), RFC 2308 §5. */
  negativeTtl?: number;
  /** Extended DNS Error (RFC 8914), when the resolver explains a failure. */
  extendedError?: { code: number; text: string };
  /** The resolver URL that answered. */
  resolver: string;
  /** When the answer was fetched (ms since epoch). */
  fetchedAt: number;
}

/** Plain-language words for a status, as the popup and card show it. */
export function describeStatus(status: DnsStatus): string {
  switch (status) {
    case 'NOERROR':
      return t('dns.status.NOERROR');
    case 'NXDOMAIN':
      return t('dns.status.NXDOMAIN');
    case 'SERVFAIL':
      return t('dns.status.SERVFAIL');
    case 'REFUSED':
      return t('dns.status.REFUSED');
    case 'FORMERR':
      return t('dns.status.FORMERR');
    case 'NOTIMP':
      return t('dns.status.NOTIMP');
    default:
      return t('dns.status.unusual', { status });
  }
}
