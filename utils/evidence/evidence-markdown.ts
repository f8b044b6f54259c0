// The evidence report as Markdown that is safe to paste into any editor or CMS: every string
// from outside (page title, TXT records, registry text, passive-DNS data) is made inert —
// invisible and bidi characters shown as ⟨U+XXXX⟩, values in code spans whose fence is longer
// than any backtick run inside, Markdown syntax escaped elsewhere. The only links are the page
// address, written as code, not as a link.
import { visibleText } from '../text/visible-text';
import type { EvidenceHost, EvidenceReport } from './evidence-report';

/** Text in running prose: no Markdown, HTML or line structure can come through. */
export function mdText(text: string): string {
  return visibleText(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]()|<>~&]/g, (c) => `\\${c}`);
}

/** A value as a code span (table-safe: pipes escaped, one line, bounded). */
export function mdCode(text: string, max = 500): string {
  let value = visibleText(text).replace(/[\r\n]+/g, ' ');
  if (value.length > max) value = `${value.slice(0, max)}… (${value.length - max} more characters)`;
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${value.replace(/\|/g, '\\|')} ${fence}`;
}

const day = (iso: string) => iso.slice(0, 10);

function hostSection(h: EvidenceHost): string[] {
  const out = [`### ${mdCode(h.host, 253)}`, ''];
  out.push(
    `Named ${h.mentions} time${h.mentions === 1 ? '' : 's'} on the page, first in: ${mdCode(h.context, 200)}`,
    '',
  );
  out.push(
    `Live DNS at ${h.dns.checkedAt}: status **${mdText(h.dns.status ?? 'no answer')}**, DNSSEC ${
      h.dns.dnssecValidated ? 'validated by the resolver (AD flag)' : 'not validated'
    }.`,
    '',
  );
  if (h.dns.records.length) {
    out.push('| Type | Name | TTL (s) | Value |', '|---|---|---|---|');
    for (const r of h.dns.records)
      out.push(`| ${mdText(r.type)} | ${mdCode(r.name, 253)} | ${r.ttl} | ${mdCode(r.value)} |`);
    out.push('');
  }
  for (const p of h.dns.problems) out.push(`- Could not read ${mdText(p)}`);
  if (h.history === null) out.push('- Passive DNS: not fetched before this report.');
  else
    for (const source of h.history) {
      out.push(
        `- Passive DNS from ${mdText(source.source)}: ${source.observations.length} observation${
          source.observations.length === 1 ? '' : 's'
        }${source.total > source.observations.length ? ` (of ${source.total})` : ''}`,
      );
      for (const o of source.observations.slice(0, 50))
        out.push(
          `  - ${mdCode(o.rrname, 253)} ${mdText(o.rrtype)} ${mdCode(o.rdata)}: ${day(o.firstSeen)} → ${day(o.lastSeen)}${
            o.count !== undefined ? `, seen ${o.count}×` : ''
          }`,
        );
    }
  const reg = h.registration;
  if (!reg) out.push('- Registration: not fetched before this report.');
  else if ('domain' in reg)
    out.push(
      `- Registration of ${mdCode(reg.domain)} (RDAP, ${mdText(reg.server)}): registrar ${mdCode(reg.registrar ?? 'not given')}, created ${
        reg.created ? day(new Date(reg.created).toISOString()) : 'not given'
      }, expires ${reg.expires ? day(new Date(reg.expires).toISOString()) : 'not given'}, status ${mdCode(
        reg.statuses.join(', ') || 'none',
      )}, name servers ${mdCode(reg.nameservers.join(', ') || 'none')}`,
    );
  else out.push(`- Network (RDAP): ${mdCode(JSON.stringify(reg), 400)}`);
  out.push('');
  return out;
}

export function evidenceMarkdown(report: EvidenceReport): string {
  return [
    '# Hostlens evidence report',
    '',
    `- Page: ${report.page.url ? mdCode(report.page.url, 2000) : 'address not available to Hostlens'}`,
    `- Title: ${report.page.title ? mdText(report.page.title) : 'not available'}`,
    `- Made: ${report.createdAt}`,
    `- Resolver: ${mdCode(report.resolver)}`,
    `- Hosts: ${report.hosts.length}${report.omittedHosts ? ` (and ${report.omittedHosts} more not included)` : ''}`,
    '',
    '## What this shows',
    '',
    ...report.limits.map((l) => `- ${l}`),
    '',
    '## Hosts',
    '',
    ...report.hosts.flatMap(hostSection),
  ].join('\n');
}
