// "On this page": every host marked in the tab, grouped by registrable domain (Public Suffix
// List), with kind, count and the first occurrence in context. A row opens the detail view.
import { useMemo, useState } from 'preact/hooks';
import { getDomain } from 'tldts';
import { toUnicodeName } from '@/utils/hosts/idn';
import { formatNumber } from '@/utils/i18n/format';
import { plural, t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messages/protocol';
import type { MarkedHost } from '@/utils/page/page-marks';
import { visibleText } from '@/utils/text/visible-text';

const KIND = {
  domain: () => t('pageHosts.kind.domain'),
  ipv4: () => t('pageHosts.kind.ipv4'),
  ipv6: () => t('pageHosts.kind.ipv6'),
} as const;
/** The group of IP literals (no registrable domain); sorted after the names. */
const IP_GROUP = '';

interface Group {
  domain: string;
  hosts: MarkedHost[];
}

function groupHosts(hosts: MarkedHost[]): Group[] {
  const groups = new Map<string, MarkedHost[]>();
  for (const host of hosts) {
    const domain = host.kind === 'domain' ? (getDomain(host.host) ?? host.host) : IP_GROUP;
    groups.set(domain, [...(groups.get(domain) ?? []), host]);
  }
  return [...groups]
    .map(([domain, list]) => ({
      domain,
      hosts: list.sort((a, b) => b.count - a.count || a.host.localeCompare(b.host)),
    }))
    .sort((a, b) =>
      a.domain === IP_GROUP ? 1 : b.domain === IP_GROUP ? -1 : a.domain.localeCompare(b.domain),
    );
}

export function PageHostsList({
  hosts,
  onOpen,
}: {
  hosts: MarkedHost[] | null;
  onOpen: (host: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const [watched, setWatched] = useState<Record<string, string>>({});
  const watch = async (host: string) => {
    const result = await sendMessage('watchHost', { host }).catch(() => ({
      ok: false as const,
      message: t('common.couldNotChangeWatchlist'),
    }));
    setWatched((w) => ({ ...w, [host]: result.ok ? t('pageHosts.watching') : result.message }));
  };
  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const shown = (hosts ?? []).filter(
      (h) =>
        !needle ||
        h.host.includes(needle) ||
        toUnicodeName(h.host).includes(needle) ||
        h.context.toLowerCase().includes(needle),
    );
    return groupHosts(shown);
  }, [hosts, filter]);

  if (hosts === null) return <p class="meta">{t('pageHosts.reading')}</p>;
  if (hosts.length === 0) {
    return (
      <section class="page-hosts" aria-labelledby="page-hosts-heading">
        <h2 id="page-hosts-heading">{t('pageHosts.heading')}</h2>
        <p class="meta">{t('pageHosts.none')}</p>
      </section>
    );
  }
  return (
    <section class="page-hosts" aria-labelledby="page-hosts-heading">
      <h2 id="page-hosts-heading">
        {t('pageHosts.heading')} <span class="meta">{plural('pageHosts.count', hosts.length)}</span>
      </h2>
      <label for="page-hosts-filter" class="visually-hidden">
        {t('pageHosts.filter')}
      </label>
      <input
        id="page-hosts-filter"
        type="search"
        placeholder={t('pageHosts.filter')}
        value={filter}
        onInput={(event) => setFilter(event.currentTarget.value)}
      />
      {groups.map((group) => (
        <div class="host-group" key={group.domain}>
          <h3>
            {group.domain === IP_GROUP
              ? t('pageHosts.ipAddresses')
              : visibleText(toUnicodeName(group.domain))}
          </h3>
          <ul>
            {group.hosts.map((host) => (
              <li key={host.host} data-host={host.host}>
                <button type="button" class="host-row" onClick={() => onOpen(host.host)}>
                  <span class="host-name">{visibleText(toUnicodeName(host.host))}</span>{' '}
                  <span class="meta">
                    {KIND[host.kind]()} · {t('pageHosts.occurrences', { count: formatNumber(host.count) })}
                  </span>
                  <span class="context">{visibleText(host.context)}</span>
                </button>
                {watched[host.host] ? (
                  <span class="meta" role="status">
                    {' '}
                    {watched[host.host]}
                  </span>
                ) : (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('pageHosts.watchHost', { host: host.host })}
                    onClick={() => void watch(host.host)}
                  >
                    {t('pageHosts.watch')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
