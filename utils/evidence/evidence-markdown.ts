// The evidence report as Markdown that is safe to paste into any editor, CMS or issue tracker.
// Page titles, TXT records, registry text and passive-DNS data are written by whoever controls
// the page or the zone, so every such string is made inert: invisible and bidi characters shown
// as ⟨U+XXXX⟩, line breaks flattened, values in code spans whose fence is longer than any
// backtick run inside (CommonMark §6.1), Markdown punctuation backslash-escaped elsewhere
// (CommonMark §2.4 allows it for every ASCII punctuation character). No link comes from outside:
// the page address is a code span, not a link.
import { visibleText } from '../text/visible-text';
import type { EvidenceHost, EvidenceRegistration, EvidenceReport } from './evidence-report';

/** Observations per source shown in the Markdown; the JSON has them all. */
const MAX_MD_OBSERVATIONS = 50;

/** One line: tabs and line breaks (including U+2028/2029) become spaces. */
const flatten = (text: string) => text.replace(/[\t\n\u2028\u2029]+/g, ' ');

// Emphasis, links, images, HTML, tables, headings, lists, strike-through, math ($), GitHub
// mentions (@) and references (#), emoji and autolinks (: and .), attribute lists ({}).
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()<>{}#+\-.!|~&$^:@=]/g;

/** Text in running prose: no Markdown, HTML, autolink or line structure can come through. */
export function mdText(text: string): string {
  // Escaped first: the ⟨U+XXXX⟩ tokens visibleText adds are ours and stay as they are.
  return visibleText(flatten(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`));
}

/**
 * A value as a code span: literal whatever it holds. `table`: inside a GFM table row, where a
 * pipe must be escaped even in a code span. Long values are cut (the JSON keeps them whole).
 */
export function mdCode(
  text: string,
  { max = 500, table = false }: { max?: number; table?: boolean } = {},
): string {
  const chars = [...visibleText(flatten(text))];
  let value =
    chars.length > max
      ? `${chars.slice(0, max).join('')}… (${chars.length - max} more characters in the JSON)`
      : chars.join('');
  if (value.trim() === '') return '*(empty)*';
  if (table) value = value.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // The spaces let a value start or end with a backtick; CommonMark strips one on each side.
  return `${fence} ${value} ${fence}`;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : 'not given');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (values: string[]) =>
  values.length ? values.map((v) => mdCode(v, { max: 253 })).join(', ') : 'none';

function registrationLine(reg: EvidenceRegistration | null): string {
  if (!reg) return '- Registration: not fetched before this report.';
  switch (reg.outcome) {
    case 'domain':
      return `- Registration of ${mdCode(reg.domain)} (RDAP, ${mdCode(reg.server)}): registrar ${
        reg.registrar ? mdCode(reg.registrar) : 'not given'
      }; created ${day(reg.created)}; expires ${day(reg.expires)}; status ${list(reg.statuses)}; name servers ${list(
        reg.nameservers,
      )}${reg.delegationSigned === undefined ? '' : `; delegation signed (DNSSEC): ${reg.delegationSigned ? 'yes' : 'no'}`}.`;
    case 'network':
      return `- Network of ${mdCode(reg.address)} (RDAP, ${mdCode(reg.server)}): name ${
        reg.name ? mdCode(reg.name) : 'not given'
      }; range ${reg.range ? mdCode(reg.range) : list(reg.cidrs)}; holder ${reg.holder ? mdCode(reg.holder) : 'not given'}; country ${
        reg.country ? mdCode(reg.country) : 'not given'
      }; registered ${day(reg.registered)}; status ${list(reg.statuses)}.`;
    case 'not-found':
      return `- Registration: ${mdCode(reg.server)} knows no ${mdCode(reg.query)}.`;
    case 'no-service':
      return `- Registration: no RDAP service for ${mdCode(reg.query)} (${mdText(reg.message)}).`;
  }
}

function historyLines(history: EvidenceHost['history']): string[] {
  if (history === null) return ['- Passive DNS: not fetched before this report.', ''];
  const out: string[] = [];
  for (const source of history) {
    const shown = source.observations.slice(0, MAX_MD_OBSERVATIONS);
    out.push(
      `Passive DNS from ${mdText(source.source)}: ${plural(source.observations.length, 'observation')}${
        source.total > source.observations.length ? ` (the source holds ${source.total})` : ''
      }${shown.length < source.observations.length ? `, the first ${shown.length} shown (all in the JSON)` : ''}.`,
      '',
    );
    if (!shown.length) continue;
    out.push('| Name | Type | Value | First seen | Last seen | Times seen |', '|---|---|---|---|---|---|');
    for (const o of shown)
      out.push(
        `| ${mdCode(o.rrname, { max: 253, table: true })} | ${mdText(o.rrtype)} | ${mdCode(o.rdata, {
          table: true,
        })} | ${day(o.firstSeen)} | ${day(o.lastSeen)} | ${o.count ?? ''} |`,
      );
    out.push('');
  }
  return out;
}

function hostSection(h: EvidenceHost): string[] {
  const { dns } = h;
  const out = [
    `### ${mdCode(h.host, { max: 253 })}${h.display ? ` (shown as ${mdCode(h.display, { max: 253 })})` : ''}`,
    '',
    `Named ${plural(h.mentions, 'time')} on the page, first in: ${mdCode(h.context, { max: 400 })}`,
    '',
    `Live DNS at ${dns.checkedAt}: status **${dns.status ? mdText(dns.status) : 'no answer'}**; DNSSEC: ${
      dns.dnssecValidated ? 'validated by the resolver (AD flag)' : 'not validated'
    }.`,
    '',
  ];
  if (dns.records.length) {
    out.push('| Type | Name | TTL (s) | Value | Answered at |', '|---|---|---|---|---|');
    for (const r of dns.records)
      out.push(
        `| ${mdText(r.type)} | ${mdCode(r.name, { max: 253, table: true })} | ${r.ttl} | ${mdCode(r.value, {
          table: true,
        })} | ${r.answeredAt} |`,
      );
    out.push('');
  } else out.push('No records.', '');
  for (const a of dns.addresses)
    out.push(
      `- Address ${mdCode(a.ip)}: reverse name ${list(a.ptr)}${
        a.asn
          ? `; network AS${mdText(a.asn)}${a.asName ? ` ${mdCode(a.asName)}` : ''}${a.prefix ? ` (${mdCode(a.prefix)})` : ''}`
          : ''
      }`,
    );
  for (const p of dns.problems) out.push(`- Could not read ${mdText(p)}`);
  if (dns.addresses.length || dns.problems.length) out.push('');
  out.push(...historyLines(h.history), registrationLine(h.registration), '');
  return out;
}

export function evidenceMarkdown(report: EvidenceReport): string {
  return [
    '# Hostlens evidence report',
    '',
    `- Page: ${report.page.url ? mdCode(report.page.url, { max: 2000 }) : 'address not available to Hostlens'}`,
    `- Title: ${report.page.title ? mdText(report.page.title) : 'not available to Hostlens'}`,
    `- Made: ${report.createdAt}`,
    `- Resolver: ${mdCode(report.resolver)}`,
    `- Hosts: ${report.hosts.length}${
      report.omittedHosts ? ` (the page names ${report.omittedHosts} more, not included)` : ''
    }`,
    `- Format: ${report.format} version ${report.version}`,
    '',
    '## What this shows',
    '',
    ...report.limits.flatMap((l) => [l, '']),
    '## Hosts',
    '',
    ...report.hosts.flatMap(hostSection),
  ].join('\n');
}
