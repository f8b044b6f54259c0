import type { Host } from '@/utils/hosts/host';
import { t } from '@/utils/i18n/messages';
import { visibleText } from '@/utils/text/visible-text';

const KIND_LABEL = {
  domain: () => t('card.kind.domain'),
  ipv4: () => t('card.kind.ipv4'),
  ipv6: () => t('card.kind.ipv6'),
} as const;

export function HostHeading({ host }: { host: Host }) {
  return (
    <header class="host-heading">
      <h2 id="host-title">{visibleText(host.display)}</h2>
      <p class="meta">
        {KIND_LABEL[host.kind]()}
        {host.display !== host.name && <> · {t('card.punycode', { host: host.name })}</>}
      </p>
    </header>
  );
}
