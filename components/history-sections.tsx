// "History" and "Neighbours": passive DNS for one host, each section with its own state.
import type { Observation } from '@/utils/history/model';
import type { HistoryReport } from '@/utils/history/history-report';
import type { DnsReport } from '@/utils/lookup/dns-report';
import type { HistoryResponse } from '@/utils/messages/protocol';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function ObservationRow({ o, value }: { o: Observation; value: string }) {
  return (
    <li data-observation={value}>
      <RecordValue text={value} />{' '}
      <span class="meta">
        {o.rrtype} · {day(o.firstSeen)} → {day(o.lastSeen)}
        {o.count !== undefined && ` · seen ${o.count}×`}
      </span>
    </li>
  );
}

/** Flags comparing history with live DNS: a current address never seen before, or a name that stopped resolving. */
function flags(report: HistoryReport, dns: DnsReport | null): string[] {
  if (!dns || report.history.state !== 'ok' || dns.host.kind !== 'domain') return [];
  const seen = new Set(report.history.data.map((o) => o.rdata));
  const out = dns.addresses
    .filter((a) => !seen.has(a))
    .map((a) => `New: ${a} is not in the passive-DNS history.`);
  if (
    dns.addresses.length === 0 &&
    report.history.data.some((o) => o.rrtype === 'A' || o.rrtype === 'AAAA')
  ) {
    out.push(
      `Stopped resolving: it has no address now, but passive DNS saw it on ${[...seen].slice(0, 3).join(', ')}.`,
    );
  }
  return out;
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
  const history = report?.history ?? null;
  const neighbours = report?.neighbours ?? null;
  return (
    <>
      <SourceSection
        name="history"
        title="History (passive DNS)"
        section={history}
        loadingText="Asking Mnemonic…"
        emptyText="Mnemonic has no observations for this."
      >
        {report && report.history.state === 'ok' && (
          <>
            {flags(report, dns).map((f) => (
              <p class="warning" key={f}>
                ⚠ {f}
              </p>
            ))}
            <ul class="observations">
              {report.history.data.map((o, i) => (
                <ObservationRow key={i} o={o} value={o.rrname === report.host ? o.rdata : o.rrname} />
              ))}
            </ul>
            {report.history.total > report.history.data.length && (
              <p class="meta">
                Showing {report.history.data.length} of {report.history.total.toLocaleString()} observations.
              </p>
            )}
          </>
        )}
        <p class="meta">
          From Mnemonic. Passive DNS shows what a name resolved to and when — not who looked it up.
        </p>
      </SourceSection>
      <SourceSection
        name="neighbours"
        title="Other names on the same addresses"
        section={neighbours}
        loadingText="Asking Mnemonic…"
        emptyText="Mnemonic has no observations for this."
      >
        {report &&
          report.neighbours.state === 'ok' &&
          report.neighbours.data.map((n) => (
            <div key={n.address}>
              <p class="meta">On {n.address}:</p>
              {n.names.length ? (
                <ul class="observations">
                  {n.names.map((o, i) => (
                    <ObservationRow key={i} o={o} value={o.rrname} />
                  ))}
                </ul>
              ) : (
                <p class="meta">no other names seen.</p>
              )}
            </div>
          ))}
      </SourceSection>
    </>
  );
}
