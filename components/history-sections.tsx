// "History" and "Neighbours": passive DNS for one host from every source that is on, merged
// into one timeline per (name, type, value). Each section has its own state; each source's
// outcome is listed by name, so a limit reached at one source never hides another's data.
import type { HistoryReport, SourceOutcome } from '@/utils/history/history-report';
import type { TimelineEntry } from '@/utils/history/merge-timeline';
import type { DnsReport } from '@/utils/lookup/dns-report';
import { sourceLabel } from '@/utils/history/source-label';
import { formatDay, formatNumber } from '@/utils/i18n/format';
import { plural, t } from '@/utils/i18n/messages';
import type { HistoryResponse } from '@/utils/messages/protocol';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

/** Where an entry's span sits within all the entries shown: a bar the eye can compare. */
function spanStyle(entry: TimelineEntry, from: number, to: number) {
  const width = Math.max(1, to - from);
  const left = ((entry.firstSeen - from) / width) * 100;
  return { left: `${left}%`, width: `${Math.max(1.5, ((entry.lastSeen - entry.firstSeen) / width) * 100)}%` };
}

function TimelineList({
  entries,
  valueOf,
  current,
}: {
  entries: TimelineEntry[];
  valueOf: (e: TimelineEntry) => string;
  current?: Set<string>;
}) {
  const from = Math.min(...entries.map((e) => e.firstSeen));
  const to = Math.max(...entries.map((e) => e.lastSeen));
  return (
    <ul class="observations">
      {entries.map((e) => {
        const value = valueOf(e);
        const now = current?.has(e.rdata);
        return (
          <li
            key={`${e.rrname} ${e.rrtype} ${e.rdata}`}
            data-observation={value}
            data-current={now ? 'yes' : undefined}
          >
            <RecordValue text={value} /> {now && <span class="badge">{t('history.now')}</span>}{' '}
            <span class="meta">
              {e.rrtype} · {formatDay(e.firstSeen)} → {formatDay(e.lastSeen)}
            </span>
            <span class="span-track" aria-hidden="true">
              <span class="span-bar" style={spanStyle(e, from, to)} />
            </span>
            <span class="meta sightings">
              {e.sightings
                .map(
                  (s) =>
                    `${sourceLabel(s.source)}${s.count !== undefined ? ` ${formatNumber(s.count)}×` : ''}`,
                )
                .join(' · ')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Flags comparing history with live DNS: a current address never seen before, or a name that stopped resolving. */
function flags(report: HistoryReport, dns: DnsReport | null): string[] {
  if (!dns || report.history.state !== 'ok' || dns.host.kind !== 'domain') return [];
  const seen = new Set(report.history.data.map((o) => o.rdata));
  const out = dns.addresses.filter((a) => !seen.has(a)).map((address) => t('history.flags.new', { address }));
  const pastAddresses = report.history.data.filter((o) => o.rrtype === 'A' || o.rrtype === 'AAAA');
  if (dns.addresses.length === 0 && pastAddresses.length > 0) {
    out.push(
      t('history.flags.stopped', {
        addresses: pastAddresses
          .slice(0, 3)
          .map((o) => o.rdata)
          .join(', '),
        date: formatDay(pastAddresses[0]!.lastSeen),
      }),
    );
  }
  return out;
}

function Outcomes({ outcomes }: { outcomes: SourceOutcome[] }) {
  if (outcomes.length === 0) return null;
  return (
    <ul class="source-outcomes">
      {outcomes.map((o) => (
        <li
          key={o.source}
          data-source={o.source}
          data-source-state={o.state}
          class={o.state === 'error' ? 'status-error' : 'meta'}
        >
          {o.state === 'error'
            ? o.message
            : o.state === 'empty'
              ? t('history.outcome.nothing', { source: sourceLabel(o.source) })
              : o.total > o.rows
                ? plural('history.outcome.observationsOfTotal', o.rows, {
                    source: sourceLabel(o.source),
                    total: formatNumber(o.total),
                  })
                : plural('history.outcome.observations', o.rows, { source: sourceLabel(o.source) })}
        </li>
      ))}
    </ul>
  );
}

function Shown({
  shown,
  total,
  what,
}: {
  shown: number;
  total: number;
  what: 'history.showingObservations' | 'history.showingNames';
}) {
  if (total <= shown) return null;
  return <p class="meta">{plural(what, total, { shown: formatNumber(shown) })}</p>;
}

export function HistorySections({
  response,
  dns,
}: {
  response: HistoryResponse | null;
  dns: DnsReport | null;
}) {
  if (response && !response.ok) {
    return (
      <p class="input-error" role="alert">
        {response.message}
      </p>
    );
  }
  const report = response?.report ?? null;
  const names = report?.sources.map((s) => sourceLabel(s.source)).join(', ') || t('history.theSources');
  const current = new Set(dns?.addresses ?? []);
  return (
    <>
      <SourceSection
        name="history"
        title={t('history.title')}
        section={report?.history ?? null}
        loadingText={t('history.asking')}
        emptyText={t('history.noObservations', { sources: names })}
      >
        {report?.history.state === 'ok' && (
          <>
            {flags(report, dns).map((f) => (
              <p class="warning" key={f}>
                ⚠ {f}
              </p>
            ))}
            <TimelineList
              entries={report.history.data}
              valueOf={(e) => (e.rrname === report.host ? e.rdata : e.rrname)}
              current={report.kind === 'domain' ? current : undefined}
            />
            <Shown
              shown={report.history.data.length}
              total={report.history.total}
              what="history.showingObservations"
            />
          </>
        )}
        {(report?.history.state === 'ok' || report?.history.state === 'empty') && (
          <Outcomes outcomes={report.sources} />
        )}
        <p class="meta">{t('history.privacy')}</p>
      </SourceSection>
      <SourceSection
        name="neighbours"
        title={t('history.neighbours.title')}
        section={report?.neighbours ?? null}
        loadingText={t('history.asking')}
        emptyText={t('history.neighbours.none', { sources: names })}
      >
        {report?.neighbours.state === 'ok' &&
          report.neighbours.data.map((n) => (
            <div key={n.address}>
              <p class="meta">{t('history.neighbours.onAddress', { address: n.address })}</p>
              {n.names.length ? (
                <TimelineList entries={n.names} valueOf={(e) => e.rrname} />
              ) : (
                <p class="meta">{t('history.neighbours.noneOnAddress')}</p>
              )}
            </div>
          ))}
        {report?.neighbours.state === 'ok' && (
          <Shown
            shown={report.neighbours.data.reduce((s, n) => s + n.names.length, 0)}
            total={report.neighbours.total}
            what="history.showingNames"
          />
        )}
        {(report?.neighbours.state === 'ok' || report?.neighbours.state === 'empty') && (
          <Outcomes outcomes={report.neighbourSources} />
        )}
      </SourceSection>
    </>
  );
}
