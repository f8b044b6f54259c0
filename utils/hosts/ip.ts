// IP address parsing for host names found in text or typed by the user.
// Strict on purpose: `999.1.1.1`, `010.1.1.1` (octal-looking) and three-part forms are not addresses.
import ipaddr from 'ipaddr.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Returns the dotted-quad form, or null when `text` is not exactly a strict IPv4 address. */
export function parseIPv4(text: string): string | null {
  return IPV4.test(text) ? text : null;
}

/** Returns the RFC 5952 form (compressed, lowercase), or null when `text` is not an IPv6 address. */
export function parseIPv6(text: string): string | null {
  // Zone ids (`fe80::1%eth0`) only make sense on the user's own machine.
  if (!text.includes(':') || text.includes('%')) return null;
  if (!ipaddr.IPv6.isValid(text)) return null;
  try {
    return ipaddr.IPv6.parse(text).toRFC5952String();
  } catch {
    return null;
  }
}

/** The name to ask for PTR records of an address (RFC 1035 §3.5, RFC 3596 §2.5). */
export function reverseName(ip: string): string {
  if (parseIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const bytes = ipaddr.IPv6.parse(ip).toByteArray();
  const nibbles = bytes.flatMap((b) => [(b >> 4).toString(16), (b & 15).toString(16)]);
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}
