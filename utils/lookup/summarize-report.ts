// One line of plain words about a DNS report, and the state of its section.
import { describeStatus } from '../dns/model';
import type { DnsReport } from './dns-report';

export type SectionState = 'loading' | 'ok' | 'empty' | 'error' | 'disabled';

export function dnsSectionState(report: DnsReport): SectionState {
  if (report.statusError) return 'error';
  const hasRecords = report.questions.some((q) => q.result.ok && q.result.value.records.length > 0);
  return hasRecords ? 'ok' : 'empty';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 'es'}`;

export function summarizeReport(report: DnsReport): string {
  if (report.statusError) return report.statusError.message;
  const status = report.status ?? 'NOERROR';
  if (report.host.kind !== 'domain') {
    if (status !== 'NOERROR') return `No reverse name: ${describeStatus(status)}.`;
    if (report.ptrNames.length === 0) return 'The address has no reverse name (no PTR record).';
    const names = report.ptrNames.map((p) => `${p.name}${p.confirmed ? '' : ' (does not resolve back)'}`);
    return `Reverse name: ${names.join(', ')}.`;
  }
  if (status === 'NXDOMAIN') return `The name ${describeStatus(status)}.`;
  if (status !== 'NOERROR') return `No answer: ${describeStatus(status)}.`;
  if (report.addresses.length === 0) return 'The name exists but has no addresses (no A or AAAA records).';
  const via =
    report.cnameChain.length > 1
      ? ` through ${report.cnameChain.length - 1} CNAME step${report.cnameChain.length > 2 ? 's' : ''}`
      : '';
  return `Resolves to ${plural(report.addresses.length, 'address')}${via}.`;
}
