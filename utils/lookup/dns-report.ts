// Everything live DNS says about one host, asked all at once: the report the popup's detail
// view and the hover card render.
import type { Host } from '../hosts/host';
import { reverseName } from '../hosts/ip';
import { t } from '../i18n/messages';
import { NAME_RECORD_TYPES, type DnsAnswer, type DnsStatus, type QueryType } from '../dns/model';
import type { LookupError, Result } from './errors';
import { describeAddress, type AddressInfo } from './address-info';
import type { AskDns } from './dns-engine';

export interface QuestionResult {
  name: string;
  type: QueryType;
  result: Result<DnsAnswer>;
}

export interface MailExchange {
  exchange: string;
  preference: number;
  addresses: string[];
  /** Why addresses are missing, when they are. */
  problem?: string;
}

export interface DnsReport {
  host: Host;
  /** The registrable domain (Public Suffix List), set by the background for names. */
  registrableDomain?: string;
  resolver: string;
  startedAt: number;
  finishedAt: number;
  /** The status of the host's main question (A for a name, PTR for an address). */
  status: DnsStatus | null;
  /** When the main question itself failed (no status at all). */
  statusError?: LookupError;
  /** True only when every answer that arrived carried the AD flag. */
  authenticated: boolean;
  /** One per record type asked about the host itself (or its reverse name). */
  questions: QuestionResult[];
  /** `_dmarc.<name>` TXT, for names. */
  dmarc?: QuestionResult;
  /** The CNAME chain from the name to its final target, the name first (only when there is one). */
  cnameChain: string[];
  /** Distinct A and AAAA addresses the name resolves to (after CNAMEs). */
  addresses: string[];
  mailExchanges: MailExchange[];
  /** For an address: names its PTR records give, and whether each name resolves back to it. */
  ptrNames: Array<{ name: string; confirmed: boolean }>;
  /** Reverse name and network (ASN) of each address the name resolves to, or of the address itself. */
  addressInfo: AddressInfo[];
}

const MAX_EXCHANGES = 10;
/** Addresses whose PTR and ASN the report looks up. */
const MAX_DESCRIBED_ADDRESSES = 8;

export async function buildDnsReport(
  host: Host,
  resolver: string,
  ask: AskDns,
  { fresh = false, now = Date.now }: { fresh?: boolean; now?: () => number } = {},
): Promise<DnsReport> {
  const startedAt = now();
  const question = (name: string, type: QueryType) =>
    ask({ resolver, name, type, fresh }).then((result): QuestionResult => ({ name, type, result }));

  const report: DnsReport = {
    host,
    resolver,
    startedAt,
    finishedAt: startedAt,
    status: null,
    authenticated: false,
    questions: [],
    cnameChain: [],
    addresses: [],
    mailExchanges: [],
    ptrNames: [],
    addressInfo: [],
  };

  if (host.kind === 'domain') {
    const asked = NAME_RECORD_TYPES.map((type) => question(host.name, type));
    // Mail exchanges' addresses need the MX answer: ask for them as soon as it arrives, while
    // the other questions may still be on the wire.
    const mxQuestion = asked[NAME_RECORD_TYPES.indexOf('MX')]!;
    // Likewise each address's PTR and network, as soon as the A and AAAA answers are in.
    const described = Promise.all([asked[0]!, asked[1]!]).then((answers) =>
      Promise.all(
        distinct(
          answers
            .flatMap(({ result }) => (result.ok ? result.value.records : []))
            .flatMap((r) => (r.type === 'A' || r.type === 'AAAA' ? [r.value] : [])),
        )
          .slice(0, MAX_DESCRIBED_ADDRESSES)
          .map((ip) => describeAddress(ip, resolver, ask, fresh)),
      ),
    );
    const [questions, dmarc, exchanges, addressInfo] = await Promise.all([
      Promise.all(asked),
      question(`_dmarc.${host.name}`, 'TXT'),
      mxQuestion.then((mx) => mailExchanges(mx, question)),
      described,
    ]);
    report.addressInfo = addressInfo;
    report.questions = questions;
    report.dmarc = dmarc;
    report.mailExchanges = exchanges;
    const main = questions.find((q) => q.type === 'A')?.result;
    if (main?.ok) report.status = main.value.status;
    else if (main) report.statusError = main.error;
    report.cnameChain = cnameChain(host.name, questions);
    report.addresses = distinct(
      questions
        .filter((q) => q.type === 'A' || q.type === 'AAAA')
        .flatMap((q) => (q.result.ok ? q.result.value.records : []))
        .filter((r) => r.type === 'A' || r.type === 'AAAA')
        .map((r) => r.value),
    );
  } else {
    const [ptr, info] = await Promise.all([
      question(reverseName(host.name), 'PTR'),
      describeAddress(host.name, resolver, ask, fresh),
    ]);
    report.addressInfo = [info];
    report.questions = [ptr];
    if (ptr.result.ok) report.status = ptr.result.value.status;
    else report.statusError = ptr.result.error;
    const names = ptr.result.ok
      ? distinct(ptr.result.value.records.filter((r) => r.type === 'PTR').map((r) => r.value))
      : [];
    // Forward-confirm: a PTR name proves nothing unless it resolves back to the address.
    const forwardType = host.kind === 'ipv4' ? 'A' : 'AAAA';
    report.ptrNames = await Promise.all(
      names.slice(0, MAX_EXCHANGES).map(async (name) => {
        const forward = await question(name, forwardType);
        const confirmed =
          forward.result.ok &&
          forward.result.value.records.some((r) => r.type === forwardType && r.value === host.name);
        return { name, confirmed };
      }),
    );
  }

  const answered = [...report.questions, ...(report.dmarc ? [report.dmarc] : [])].flatMap((q) =>
    q.result.ok ? [q.result.value] : [],
  );
  report.authenticated = answered.length > 0 && answered.every((a) => a.authenticated);
  report.finishedAt = now();
  return report;
}

function cnameChain(name: string, questions: QuestionResult[]): string[] {
  const answer =
    questions.find((q) => q.type === 'A' && q.result.ok) ?? questions.find((q) => q.type === 'CNAME');
  if (!answer?.result.ok) return [];
  const targets = new Map<string, string>();
  for (const r of answer.result.value.records)
    if (r.type === 'CNAME') targets.set(r.name.toLowerCase(), r.value);
  const chain = [name];
  // Bounded walk: a hostile resolver can send a CNAME loop.
  for (let current = name; targets.has(current) && chain.length <= 16;) {
    current = targets.get(current)!.toLowerCase();
    if (chain.includes(current)) break;
    chain.push(current);
  }
  return chain.length > 1 ? chain : [];
}

async function mailExchanges(
  { result: mx }: QuestionResult,
  question: (name: string, type: QueryType) => Promise<QuestionResult>,
): Promise<MailExchange[]> {
  if (!mx.ok) return [];
  const records = mx.value.records
    .flatMap((r) => (r.type === 'MX' ? [r] : []))
    .sort((a, b) => a.preference - b.preference)
    .slice(0, MAX_EXCHANGES);
  return Promise.all(
    records.map(async ({ exchange, preference }): Promise<MailExchange> => {
      // RFC 7505 null MX: "." means the domain accepts no mail.
      if (exchange === '' || exchange === '.')
        return { exchange: '.', preference, addresses: [], problem: t('dns.mx.nullMx') };
      const answers = await Promise.all([question(exchange, 'A'), question(exchange, 'AAAA')]);
      const addresses = distinct(
        answers
          .flatMap((q) => (q.result.ok ? q.result.value.records : []))
          .filter((r) => r.type === 'A' || r.type === 'AAAA')
          .map((r) => r.value),
      );
      const failed = answers.find((q) => !q.result.ok)?.result;
      const nx = answers.some((q) => q.result.ok && q.result.value.status === 'NXDOMAIN');
      const problem = addresses.length
        ? undefined
        : nx
          ? t('dns.mx.exchangeMissing')
          : failed && !failed.ok
            ? failed.error.message
            : t('dns.mx.exchangeNoAddress');
      return problem ? { exchange, preference, addresses, problem } : { exchange, preference, addresses };
    }),
  );
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
