// One line of plain words about a DNS report, and the state of its section.
import { describeStatus } from '../dns/model';
import { plural, t } from '../i18n/messages';
import type { DnsReport } from './dns-report';

export type SectionState = 'loading' | 'ok' | 'empty' | 'error' | 'disabled';

export function dnsSectionState(report: DnsReport): SectionState {
  if (report.statusError) return 'error';
  const hasRecords = report.questions.some((q) => q.result.ok && q.result.value.records.length > 0);
  return hasRecords ? 'ok' : 'empty';
}

export function summarizeReport(report: DnsReport): string {
  if (report.statusError) return report.statusError.message;
  const status = report.status ?? 'NOERROR';
  if (report.host.kind !== 'domain') {
    if (status !== 'NOERROR') return t('lookup.summary.noReverseName', { status: describeStatus(status) });
    if (report.ptrNames.length === 0) return t('lookup.summary.noPtr');
    const names = report.ptrNames.map((p) =>
      p.confirmed ? p.name : t('lookup.summary.notResolvingBack', { name: p.name }),
    );
    return t('lookup.summary.reverseName', { names: names.join(', ') });
  }
  if (status === 'NXDOMAIN') return t('lookup.summary.nxdomain');
  if (status !== 'NOERROR') return t('lookup.summary.noAnswer', { status: describeStatus(status) });
  if (report.addresses.length === 0) return t('lookup.summary.noAddresses');
  if (report.cnameChain.length > 1) {
    const steps = plural('lookup.summary.cnameSteps', report.cnameChain.length - 1);
    return plural('lookup.summary.resolvesVia', report.addresses.length, { steps });
  }
  return plural('lookup.summary.resolves', report.addresses.length);
}
