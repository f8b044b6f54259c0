// What an address is: its reverse name (PTR) and the network that announces it (ASN, via Team
// Cymru's DNS service through the same resolver). Asked for each address a name resolves to.
import { originQueryName, parseAsName, parseOrigin, type AsnOrigin } from '../dns/cymru';
import { reverseName } from '../hosts/ip';
import type { AskDns } from './dns-engine';

export interface AddressInfo {
  ip: string;
  ptr: string[];
  asn?: AsnOrigin & { name?: string };
}

const txtValues = (result: Awaited<ReturnType<AskDns>>) =>
  result.ok ? result.value.records.flatMap((r) => (r.type === 'TXT' ? [r.value] : [])) : [];

export async function describeAddress(
  ip: string,
  resolver: string,
  ask: AskDns,
  fresh = false,
): Promise<AddressInfo> {
  const [ptr, origin] = await Promise.all([
    ask({ resolver, name: reverseName(ip), type: 'PTR', fresh }),
    ask({ resolver, name: originQueryName(ip), type: 'TXT', fresh }),
  ]);
  const info: AddressInfo = {
    ip,
    ptr: ptr.ok ? ptr.value.records.flatMap((r) => (r.type === 'PTR' ? [r.value] : [])).slice(0, 10) : [],
  };
  const asn = parseOrigin(txtValues(origin));
  if (asn) {
    const name = parseAsName(
      txtValues(await ask({ resolver, name: `as${asn.asn}.asn.cymru.com`, type: 'TXT', fresh })),
    );
    info.asn = name ? { ...asn, name } : asn;
  }
  return info;
}
