// The "Live DNS" section of a host's detail view (popup, details tab, later the hover card).
import type { DnsRecord } from '@/utils/dns/model';
import { recordExplanation, recordHelp } from '@/utils/dns/record-help';
import { resolverLabel } from '@/utils/dns/resolver-label';
import { txtKind } from '@/utils/dns/txt-kind';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '@/utils/i18n/format';
import { plural, t, uiLocale } from '@/utils/i18n/messages';
import type { AddressInfo } from '@/utils/lookup/address-info';
import type { DnsReport, QuestionResult } from '@/utils/lookup/dns-report';
import { dnsSectionState, summarizeReport } from '@/utils/lookup/summarize-report';
import { RecordValue } from './record-value';

/** Rows of one record type shown before "Show all". */
const FIRST_ROWS = 20;

export function DnsSectionLoading() {
  return (
    <section
      class="section"
      data-section="dns"
      data-state="loading"
      aria-busy="true"
      aria-labelledby="dns-heading"
    >
      <h3 id="dns-heading">{t('dns.heading')}</h3>
      <p class="status">{t('dns.asking')}</p>
    </section>
  );
}

export function DnsSection({ report }: { report: DnsReport }) {
  const state = dnsSectionState(report);
  const time = new Date(report.finishedAt).toLocaleTimeString(uiLocale());
  return (
    <section
      class="section"
      data-section="dns"
      data-state={state}
      data-status={report.status ?? undefined}
      aria-labelledby="dns-heading"
    >
      <h3 id="dns-heading">{t('dns.heading')}</h3>
      <p class={`status status-${state}`}>{summarizeReport(report)}</p>
      <p class="meta">
        {t('dns.answered', {
          resolver: resolverLabel(report.resolver),
          time,
          ms: String(report.finishedAt - report.startedAt),
        })}{' '}
        ·{' '}
        {report.authenticated ? (
          <span class="dnssec-ok">{t('dns.dnssecValidated')}</span>
        ) : (
          <span class="dnssec-no">{t('dns.notDnssecValidated')}</span>
        )}
      </p>
      {report.host.kind !== 'domain' && report.addressInfo[0]?.asn && (
        <p class="network" data-address-info={report.host.name}>
          {t('dns.network')} <AddressSummary info={{ ...report.addressInfo[0], ptr: [] }} />
        </p>
      )}
      {report.cnameChain.length > 1 && (
        <p class="cname-chain">
          <abbr title={recordHelp('CNAME')}>{t('dns.cnameChain')}</abbr>: {report.cnameChain.join(' → ')}
        </p>
      )}
      {state !== 'error' && hasRows(report) && (
        <table class="records">
          <caption class="visually-hidden">{t('dns.recordsCaption', { host: report.host.display })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dns.columnType')}</th>
              <th scope="col">{t('dns.columnValue')}</th>
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
      <summary>{t('dns.explanations')}</summary>
      <dl>
        {[...shown].map((type) => (
          <div key={type}>
            <dt>{type}</dt>
            <dd>{recordExplanation(type)}</dd>
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
  // Before any return: a hook must run on every render, or later hooks read the wrong state.
  const [all, setAll] = useState(false);
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
  const omitted = question.result.value.omitted ?? 0;
  if (records.length === 0) return null;
  // A long answer (a hostile zone may send a thousand records) shows its first rows; the rest
  // are one click away.
  const shown = all ? records : records.slice(0, FIRST_ROWS);
  return (
    <tbody data-question={label}>
      {shown.map((record, i) => (
        <Fragment key={i}>
          <tr data-record-type={dmarc ? 'DMARC' : question.type}>
            <th scope="row">
              {i === 0 ? (
                <abbr title={recordHelp(label)}>{label}</abbr>
              ) : (
                <span class="visually-hidden">{label}</span>
              )}
            </th>
            <td>
              <RecordLine record={record} report={report} dmarc={dmarc} />
            </td>
            <td class="ttl">{t('dns.ttl', { ttl: String(record.ttl) })}</td>
          </tr>
          {(record.type === 'A' || record.type === 'AAAA') && (
            <AddressRow info={report.addressInfo.find((a) => a.ip === record.value)} />
          )}
        </Fragment>
      ))}
      {(shown.length < records.length || omitted > 0) && (
        <tr class="more-records" data-more-records={label}>
          <td />
          <td colSpan={2} class="meta">
            {shown.length < records.length && (
              <button type="button" class="link-button" onClick={() => setAll(true)}>
                {plural('dns.showAllRecords', records.length, { type: label })}
              </button>
            )}{' '}
            {omitted > 0 && plural('dns.omittedRecords', omitted, { kept: formatNumber(records.length) })}
          </td>
        </tr>
      )}
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
          <abbr title={recordHelp('PTR')}>PTR</abbr> <RecordValue text={info.ptr.join(', ')} />
        </>
      )}
      {info.ptr.length > 0 && info.asn && ' · '}
      {info.asn && (
        <span title={t('dns.networkNote')}>
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
            <abbr class="badge" title={recordHelp(kind)}>
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
            {' '}
            {ptr.confirmed ? t('dns.resolvesBack') : t('dns.doesNotResolveBack')}
          </span>
        )}
      </>
    );
  }
  return <RecordValue text={record.value} />;
}
