// The Host model shared by every context: what a name or address *is*, in one normalized form.
import { toAsciiName, toUnicodeName } from './idn';
import { parseIPv4, parseIPv6 } from './ip';

export type HostKind = 'domain' | 'ipv4' | 'ipv6';

export interface Host {
  /** ASCII lowercase name (punycode, no trailing dot) or canonical IP. */
  name: string;
  /** What to show the reader: the Unicode form of a name, the IP itself. */
  display: string;
  kind: HostKind;
}

/** Normalizes an already-isolated host string (no scheme, path or port). Null when it is not a host. */
export function normalizeHost(raw: string): Host | null {
  const text = raw.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIPv4(text);
  if (v4) return { name: v4, display: v4, kind: 'ipv4' };
  const v6 = parseIPv6(text);
  if (v6) return { name: v6, display: v6, kind: 'ipv6' };
  const ascii = toAsciiName(text);
  if (!ascii) return null;
  return { name: ascii, display: toUnicodeName(ascii), kind: 'domain' };
}
