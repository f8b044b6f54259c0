// The evidence report as Markdown that is safe to paste into any editor, CMS or issue tracker.
// Page titles, TXT records, registry text and passive-DNS data are written by whoever controls
// the page or the zone, so every such string is made inert: invisible and bidi characters shown
// as ⟨U+XXXX⟩, line breaks flattened, values in code spans whose fence is longer than any
// backtick run inside (CommonMark §6.1), Markdown punctuation backslash-escaped elsewhere
// (CommonMark §2.4 allows it for every ASCII punctuation character). No link comes from outside:
// the page address is a code span, not a link.
import { formatDay, formatNumber } from '../i18n/format';
import { plural, t } from '../i18n/messages';
import { flattenLines, inertLine } from '../text/one-line';
import { visibleText } from '../text/visible-text';
import type { EvidenceHost, EvidenceRegistration, EvidenceReport } from './evidence-report';

/** Observations per source shown in the Markdown; the JSON has them all. */
const MAX_MD_OBSERVATIONS = 50;

// Emphasis, links, images, HTML, tables, headings, lists, strike-through, math ($), GitHub
// mentions (@) and references (#), emoji and autolinks (: and .), attribute lists ({}).
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()<>{}#+\-.!|~&$^:@=]/g;

/** Text in running prose: no Markdown, HTML, autolink or line structure can come through. */
export function mdText(text: string): string {
  // Escaped first: the ⟨U+XXXX⟩ tokens visibleText adds are ours and stay as they are.
  return visibleText(flattenLines(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`));
}

/**
 * A value as a code span: literal whatever it holds. `table`: inside a GFM table row, where a
 * pipe must be escaped even in a code span. Long values are cut (the JSON keeps them whole).
 */
export function mdCode(
  text: string,
  { max = 500, table = false }: { max?: number; table?: boolean } = {},
): string {
  const chars = [...inertLine(text)];
  let value =
    chars.length > max
      ? `${chars.slice(0, max).join('')}… (${plural('evidence.md.cut', chars.length - max)})`
      : chars.join('');
  if (value.trim() === '') return `*(${t('evidence.md.empty')})*`;
  if (table) value = value.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // The spaces let a value start or end with a backtick; CommonMark strips one on each side.
  return `${fence} ${value} ${fence}`;
}

/** A UTC day in the reader's language; the JSON keeps the ISO time. */
const day = (iso: string | undefined) => (iso ? formatDay(Date.parse(iso)) : t('evidence.md.notGiven'));
const given = (value: string | undefined) => (value ? mdCode(value) : t('evidence.md.notGiven'));
const list = (values: string[]) =>
  values.length ? values.map((v) => mdCode(v, { max: 253 })).join(', ') : t('evidence.md.none');
/** A GFM table's header and delimiter rows. */
const tableHead = (columns: string[]) => [`| ${columns.join(' | ')} |`, `|${'---|'.repeat(columns.length)}`];

function registrationLine(reg: EvidenceRegistration | null): string {
  if (!reg) return `- ${t('evidence.md.registrationNotFetched')}`;
  switch (reg.outcome) {
    case 'domain': {
      const values = {
        domain: mdCode(reg.domain),
        server: mdCode(reg.server),
        registrar: given(reg.registrar),
        created: day(reg.created),
        expires: day(reg.expires),
        statuses: list(reg.statuses),
        nameservers: list(reg.nameservers),
      };
      return `- ${
        reg.delegationSigned === undefined
          ? t('evidence.md.domain', values)
          : t('evidence.md.domainSigned', {
              ...values,
              signed: reg.delegationSigned ? t('evidence.md.signedYes') : t('evidence.md.signedNo'),
            })
      }`;
    }
    case 'network':
      return `- ${t('evidence.md.network', {
        address: mdCode(reg.address),
        server: mdCode(reg.server),
        name: given(reg.name),
        range: reg.range ? mdCode(reg.range) : list(reg.cidrs),
        holder: given(reg.holder),
        country: given(reg.country),
        registered: day(reg.registered),
        statuses: list(reg.statuses),
      })}`;
    case 'not-found':
      return `- ${t('evidence.md.notFound', { server: mdCode(reg.server), query: mdCode(reg.query) })}`;
    case 'no-service':
      return `- ${t('evidence.md.noService', { query: mdCode(reg.query), message: mdText(reg.message) })}`;
  }
}

function historyLines(history: EvidenceHost['history']): string[] {
  if (history === null) return [`- ${t('evidence.md.historyNotFetched')}`, ''];
  const out: string[] = [];
  for (const source of history) {
    const shown = source.observations.slice(0, MAX_MD_OBSERVATIONS);
    const holds = source.total > source.observations.length;
    const cut = shown.length < source.observations.length;
    const values = {
      source: mdText(source.source),
      observations: plural('evidence.md.observations', source.observations.length),
      total: formatNumber(source.total),
      shown: formatNumber(shown.length),
    };
    out.push(
      holds && cut
        ? t('evidence.md.historyHoldsFirst', values)
        : holds
          ? t('evidence.md.historyHolds', values)
          : cut
            ? t('evidence.md.historyFirst', values)
            : t('evidence.md.history', values),
      '',
    );
    if (!shown.length) continue;
    out.push(
      ...tableHead([
        t('evidence.md.column.name'),
        t('evidence.md.column.type'),
        t('evidence.md.column.value'),
        t('evidence.md.column.firstSeen'),
        t('evidence.md.column.lastSeen'),
        t('evidence.md.column.timesSeen'),
      ]),
    );
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
  const host = mdCode(h.host, { max: 253 });
  const out = [
    `### ${h.display ? t('evidence.md.shownAs', { host, display: mdCode(h.display, { max: 253 }) }) : host}`,
    '',
    plural('evidence.md.mentions', h.mentions, { context: mdCode(h.context, { max: 400 }) }),
    '',
    t('evidence.md.liveDns', {
      time: dns.checkedAt,
      status: dns.status ? mdText(dns.status) : t('evidence.md.noAnswer'),
      dnssec: dns.dnssecValidated ? t('evidence.md.dnssecValidated') : t('evidence.md.dnssecNotValidated'),
    }),
    '',
  ];
  if (dns.records.length) {
    out.push(
      ...tableHead([
        t('evidence.md.column.type'),
        t('evidence.md.column.name'),
        t('evidence.md.column.ttl'),
        t('evidence.md.column.value'),
        t('evidence.md.column.answeredAt'),
      ]),
    );
    for (const r of dns.records)
      out.push(
        `| ${mdText(r.type)} | ${mdCode(r.name, { max: 253, table: true })} | ${r.ttl} | ${mdCode(r.value, {
          table: true,
        })} | ${r.answeredAt} |`,
      );
    out.push('');
  } else out.push(t('evidence.md.noRecords'), '');
  for (const a of dns.addresses) {
    const address = { ip: mdCode(a.ip), ptr: list(a.ptr) };
    out.push(
      `- ${
        a.asn
          ? t('evidence.md.addressNetwork', {
              ...address,
              network: `AS${mdText(a.asn)}${a.asName ? ` ${mdCode(a.asName)}` : ''}${a.prefix ? ` (${mdCode(a.prefix)})` : ''}`,
            })
          : t('evidence.md.address', address)
      }`,
    );
  }
  for (const p of dns.problems) out.push(`- ${t('evidence.md.couldNotRead', { problem: mdText(p) })}`);
  if (dns.addresses.length || dns.problems.length) out.push('');
  out.push(...historyLines(h.history), registrationLine(h.registration), '');
  return out;
}

/** What the report can and cannot show, in the reader's language (the JSON keeps LIMITS). */
const limits = () => [
  t('evidence.md.limits.liveDns'),
  t('evidence.md.limits.dnssec'),
  t('evidence.md.limits.passiveDns'),
  t('evidence.md.limits.kept'),
];

/**
 * The report as Markdown in the user's language. Times stay ISO 8601 in UTC (a published
 * document needs an unambiguous zone and the second); whole days use the reader's format.
 */
export function evidenceMarkdown(report: EvidenceReport): string {
  const hosts = formatNumber(report.hosts.length);
  return [
    `# ${t('evidence.md.title')}`,
    '',
    `- ${
      report.page.url
        ? t('evidence.md.page', { url: mdCode(report.page.url, { max: 2000 }) })
        : t('evidence.md.pageUnknown')
    }`,
    `- ${
      report.page.title
        ? t('evidence.md.pageTitle', { title: mdText(report.page.title) })
        : t('evidence.md.pageTitleUnknown')
    }`,
    `- ${t('evidence.md.made', { time: report.createdAt })}`,
    `- ${t('evidence.md.resolver', { resolver: mdCode(report.resolver) })}`,
    `- ${
      report.omittedHosts
        ? t('evidence.md.hostsOmitted', { count: hosts, omitted: formatNumber(report.omittedHosts) })
        : t('evidence.md.hosts', { count: hosts })
    }`,
    `- ${t('evidence.md.format', { format: report.format, version: report.version })}`,
    '',
    `## ${t('evidence.md.limitsHeading')}`,
    '',
    ...limits().flatMap((l) => [l, '']),
    `## ${t('evidence.md.hostsHeading')}`,
    '',
    ...report.hosts.flatMap(hostSection),
  ].join('\n');
}
