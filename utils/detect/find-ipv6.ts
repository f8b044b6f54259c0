// IPv6 addresses in text. A loose pattern finds colon-hex runs; the strict parser decides, so
// times (`04:12:45`), MAC addresses and C++ scopes (`std::string`) are not addresses.
import { parseIPv6 } from '../hosts/ip';

const CANDIDATE =
  /(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{1,4})?(?::{1,2}[0-9A-Fa-f]{1,4}){1,7}(?:::)?(?:\.\d{1,3}){0,3}(?![\p{L}\p{N}:])/gu;

export interface Ipv6Match {
  host: string;
  start: number;
  end: number;
}

export function findIpv6(text: string): Ipv6Match[] {
  if (text.indexOf(':') < 0) return [];
  const found: Ipv6Match[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0];
    // At least three groups or a `::`: `a:b` is never an address worth marking.
    if (raw.split(':').length < 3) continue;
    const host = parseIPv6(raw);
    if (host && host !== '::') found.push({ host, start: match.index, end: match.index + raw.length });
  }
  return found;
}
