// A DNS report as plain text, for "Copy": what a reader pastes into notes or a story. Record
// values are zone owners' text: each line is made one inert line (utils/text/one-line.ts), so a
// CR/LF in a TXT record can't forge a record line and no bidi or control character passes.
import type { DnsReport } from '@/utils/lookup/dns-report';
import { t } from '@/utils/i18n/messages';
import { summarizeReport } from '@/utils/lookup/summarize-report';
import { inertLine } from '@/utils/text/one-line';

export function reportAsText(report: DnsReport): string {
  const lines = [
    `${report.host.display}${report.host.display !== report.host.name ? ` (${report.host.name})` : ''}`,
    summarizeReport(report),
    // The time stays ISO 8601 (UTC): exact and unambiguous in a pasted note.
    t(report.authenticated ? 'dns.copyResolverValidated' : 'dns.copyResolverNotValidated', {
      resolver: report.resolver,
      time: new Date(report.finishedAt).toISOString(),
    }),
  ];
  for (const q of [...report.questions, ...(report.dmarc ? [report.dmarc] : [])]) {
    if (!q.result.ok) {
      lines.push(`${q.name} ${q.type}: ${q.result.error.message}`);
      continue;
    }
    for (const r of q.result.value.records)
      lines.push(`${r.name} ${r.ttl} IN ${r.type === 'OTHER' ? r.rrtype : r.type} ${r.value}`);
  }
  return lines.map(inertLine).join('\n');
}
