// A DNS report as plain text, for "Copy": what a reader pastes into notes or a story.
import type { DnsReport } from '@/utils/lookup/dns-report';
import { summarizeReport } from '@/utils/lookup/summarize-report';

export function reportAsText(report: DnsReport): string {
  const lines = [
    `${report.host.display}${report.host.display !== report.host.name ? ` (${report.host.name})` : ''}`,
    summarizeReport(report),
    `Resolver: ${report.resolver} at ${new Date(report.finishedAt).toISOString()}; DNSSEC ${report.authenticated ? 'validated (AD)' : 'not validated'}`,
  ];
  for (const q of [...report.questions, ...(report.dmarc ? [report.dmarc] : [])]) {
    if (!q.result.ok) {
      lines.push(`${q.name} ${q.type}: ${q.result.error.message}`);
      continue;
    }
    for (const r of q.result.value.records)
      lines.push(`${r.name} ${r.ttl} IN ${r.type === 'OTHER' ? r.rrtype : r.type} ${r.value}`);
  }
  return lines.join('\n');
}
