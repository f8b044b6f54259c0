// Team Cymru's IP-to-ASN service over plain DNS TXT, so it goes through the reader's own DoH
// resolver (see ../shared/docs/data-sources.md §5.1). The answers are text from the outside
// world: parsed defensively, bounded, never trusted as markup.
import { reverseName } from '../hosts/ip';

export interface AsnOrigin {
  asn: string;
  prefix: string;
  /** From RIR registration data, not geolocation. */
  country: string;
  registry: string;
}

/** `29.133.216.66.origin.asn.cymru.com` (IPv4) or `….origin6.asn.cymru.com` (IPv6). */
export function originQueryName(ip: string): string {
  const reversed = reverseName(ip);
  return reversed.endsWith('.in-addr.arpa')
    ? reversed.replace(/\.in-addr\.arpa$/, '.origin.asn.cymru.com')
    : reversed.replace(/\.ip6\.arpa$/, '.origin6.asn.cymru.com');
}

const ASN = /^\d{1,10}$/;
const field = (s: string | undefined) => (s ?? '').trim().slice(0, 100);

/**
 * `"23028 | 216.90.108.0/24 | US | arin | 1998-09-25"`; several records may come back for
 * overlapping prefixes: the longest prefix wins. The first field may list several ASNs.
 */
export function parseOrigin(txts: string[]): AsnOrigin | null {
  let best: AsnOrigin | null = null;
  let bestLength = -1;
  for (const txt of txts) {
    const parts = txt.split('|');
    const asn = field(parts[0]).split(/\s+/)[0] ?? '';
    const prefix = field(parts[1]);
    const length = Number(prefix.split('/')[1]);
    if (!ASN.test(asn) || !Number.isInteger(length)) continue;
    if (length > bestLength) {
      best = { asn, prefix, country: field(parts[2]), registry: field(parts[3]) };
      bestLength = length;
    }
  }
  return best;
}

/** `"23028 | US | arin | 2002-01-04 | TEAM-CYMRU - Team Cymru Inc., US"` → the AS name. */
export function parseAsName(txts: string[]): string | null {
  for (const txt of txts) {
    const name = txt.split('|').slice(4).join('|').trim().slice(0, 200);
    if (name) return name;
  }
  return null;
}
