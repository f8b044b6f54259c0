// The "Live DNS" section of a host's detail view (popup, details tab, later the hover card).
import type { DnsRecord } from '@/utils/dns/model';
import { RECORD_HELP } from '@/utils/dns/record-help';
import { resolverLabel } from '@/utils/dns/resolver-label';
import { txtKind } from '@/utils/dns/txt-kind';
import { Fragment } from 'preact';
import type { AddressInfo } from '@/utils/lookup/address-info';
import type { DnsReport, QuestionResult } from '@/utils/lookup/dns-report';
import { dnsSectionState, summarizeReport } from '@/utils/lookup/summarize-report';
import { RecordValue } from './record-value';

export function DnsSectionLoading() {
  return (
    <section
      class="section"
      data-section="dns"
      data-state="loading"
      aria-busy="true"
      aria-labelledby="dns-heading"
    >
      <h3 id="dns-heading">Live DNS</h3>
      <p class="status">Asking the resolver…</p>
    </section>
  );
}

export function DnsSection({ report }: { report: DnsReport }) {
  const state = dnsSectionState(report);
  const time = new Date(report.finishedAt).toLocaleTimeString();
  return (
    <section
      class="section"
      data-section="dns"
      data-state={state}
      data-status={report.status ?? undefined}
      aria-labelledby="dns-heading"
    >
      <h3 id="dns-heading">Live DNS</h3>
      <p class={`status status-${state}`}>{summarizeReport(report)}</p>
      <p class="meta">
        {resolverLabel(report.resolver)} answered at {time} in {report.finishedAt - report.startedAt} ms ·{' '}
        {report.authenticated ? (
          <span class="dnssec-ok">DNSSEC validated (AD)</span>
        ) : (
          <span class="dnssec-no">not DNSSEC-validated</span>
        )}
      </p>
      {report.host.kind !== 'domain' && report.addressInfo[0]?.asn && (
        <p class="network" data-address-info={report.host.name}>
          Network: <AddressSummary info={{ ...report.addressInfo[0], ptr: [] }} />
        </p>
      )}
      {report.cnameChain.length > 1 && (
        <p class="cname-chain">
          <abbr title={RECORD_HELP.CNAME}>CNAME chain</abbr>: {report.cnameChain.join(' → ')}
        </p>
      )}
      {state !== 'error' && hasRows(report) && (
        <table class="records">
          <caption class="visually-hidden">DNS records of {report.host.display}</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
              <th scope="col" class="ttl">
                TTL
              </th>
            </tr>
          </thead>
          {report.questions.map((q) => (
            <QuestionRows key={q.type} question={q} report={report} />
          ))}
          {report.dmarc && <QuestionRows question={report.dmarc} report={report} dmarc />}
        </table>
      )}
      {state !== 'error' && hasRows(report) && <RecordExplanations report={report} />}
    </section>
  );
}

/** One plain sentence per record type shown, on demand (a native disclosure: keyboard and screen-reader friendly). */
function RecordExplanations({ report }: { report: DnsReport }) {
  const shown = new Set<string>();
  for (const q of report.questions) if (q.result.ok && q.result.value.records.length > 0) shown.add(q.type);
  if (report.dmarc?.result.ok && report.dmarc.result.value.records.length > 0) shown.add('DMARC');
  if (
    report.questions.some(
      (q) =>
        q.type === 'TXT' && q.result.ok && q.result.value.records.some((r) => txtKind(r.value) === 'SPF'),
    )
  )
    shown.add('SPF');
  if (report.addressInfo.some((a) => a.ptr.length > 0)) shown.add('PTR');
  return (
    <details class="explanations">
      <summary>What these records mean</summary>
      <dl>
        {[...shown].map((type) => (
          <div key={type}>
            <dt>{type}</dt>
            <dd>{RECORD_HELP[type]?.replace(/^[A-Z]+: /, '')}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function QuestionRows({
  question,
  report,
  dmarc,
}: {
  question: QuestionResult;
  report: DnsReport;
  dmarc?: boolean;
}) {
  const label = dmarc ? 'DMARC' : question.type;
  if (!question.result.ok) {
    return (
      <tbody data-question={label}>
        <tr class="question-error" data-record-error={label}>
          <th scope="row">{label}</th>
          <td colSpan={2}>{question.result.error.message}</td>
        </tr>
      </tbody>
    );
  }
  // The A/AAAA answers of an alias also carry its CNAMEs: show each record under its own type.
  const records = question.result.value.records.filter((r) => recordType(r) === question.type);
  if (records.length === 0) return null;
  return (
    <tbody data-question={label}>
      {records.map((record, i) => (
        <Fragment key={i}>
          <tr data-record-type={dmarc ? 'DMARC' : question.type}>
            <th scope="row">
              {i === 0 ? (
                <abbr title={RECORD_HELP[label]}>{label}</abbr>
              ) : (
                <span class="visually-hidden">{label}</span>
              )}
            </th>
            <td>
              <RecordLine record={record} report={report} dmarc={dmarc} />
            </td>
            <td class="ttl">{record.ttl} s</td>
          </tr>
          {(record.type === 'A' || record.type === 'AAAA') && (
            <AddressRow info={report.addressInfo.find((a) => a.ip === record.value)} />
          )}
        </Fragment>
      ))}
    </tbody>
  );
}

/** Whether the table has anything to show: a record of an asked type, or a question's error. */
function hasRows(report: DnsReport): boolean {
  return [...report.questions, ...(report.dmarc ? [report.dmarc] : [])].some(
    (q) => !q.result.ok || q.result.value.records.some((r) => recordType(r) === q.type),
  );
}

/** Under an address: its reverse name and the network announcing it. */
function AddressRow({ info }: { info: AddressInfo | undefined }) {
  if (!info || (info.ptr.length === 0 && !info.asn)) return null;
  return (
    <tr class="address-info" data-address-info={info.ip}>
      <td />
      <td colSpan={2}>
        <AddressSummary info={info} />
      </td>
    </tr>
  );
}

export function AddressSummary({ info }: { info: AddressInfo }) {
  return (
    <span class="meta">
      {info.ptr.length > 0 && (
        <>
          <abbr title={RECORD_HELP.PTR}>PTR</abbr> <RecordValue text={info.ptr.join(', ')} />
        </>
      )}
      {info.ptr.length > 0 && info.asn && ' · '}
      {info.asn && (
        <span title="Network from Team Cymru's IP-to-ASN data; the country is where the network is registered, not where the server is.">
          AS{info.asn.asn}
          {info.asn.name && (
            <>
              {' '}
              <RecordValue text={info.asn.name} />
            </>
          )}{' '}
          · {info.asn.prefix}
        </span>
      )}
    </span>
  );
}

function recordType(record: DnsRecord): string {
  return record.type === 'OTHER' ? record.rrtype : record.type;
}

function RecordLine({ record, report, dmarc }: { record: DnsRecord; report: DnsReport; dmarc?: boolean }) {
  if (record.type === 'MX') {
    const mx = report.mailExchanges.find((m) => m.exchange === record.exchange);
    return (
      <>
        <RecordValue text={record.value} />
        {mx && (
          <span class="mx-addresses">
            {' → '}
            {mx.addresses.length ? mx.addresses.join(', ') : mx.problem}
          </span>
        )}
      </>
    );
  }
  if (record.type === 'TXT') {
    const kind = txtKind(record.value);
    return (
      <>
        {kind && (kind === 'SPF' || dmarc) && (
          <>
            <abbr class="badge" title={RECORD_HELP[kind]}>
              {kind}
            </abbr>{' '}
          </>
        )}
        <RecordValue text={record.value} />
      </>
    );
  }
  if (record.type === 'PTR') {
    const ptr = report.ptrNames.find((p) => p.name === record.value);
    return (
      <>
        <RecordValue text={record.value} />
        {ptr && (
          <span class={ptr.confirmed ? 'confirmed' : 'unconfirmed'}>
            {ptr.confirmed ? ' ✓ resolves back' : ' ✗ does not resolve back'}
          </span>
        )}
      </>
    );
  }
  return <RecordValue text={record.value} />;
}
