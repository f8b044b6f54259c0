import type { Host } from '@/utils/hosts/host';
import { visibleText } from '@/utils/text/visible-text';

const KIND_LABEL = { domain: 'host name', ipv4: 'IPv4 address', ipv6: 'IPv6 address' } as const;

export function HostHeading({ host }: { host: Host }) {
  return (
    <header class="host-heading">
      <h2 id="host-title">{visibleText(host.display)}</h2>
      <p class="meta">
        {KIND_LABEL[host.kind]}
        {host.display !== host.name && <> · ASCII (punycode): {host.name}</>}
      </p>
    </header>
  );
}
