// Passive DNS servers speaking the Common Output Format (draft-dulaunoy-dnsop-passive-dns-cof),
// CIRCL's among them (../shared/docs/data-sources.md §2.1, §2.2). COF is also the model of our
// Observation, so the row mapping here is shared: DNSDB wraps COF records in its SAF lines, and
// the other adapters use `toObservation` for the same normalization and bounds.
import { z } from '../zod-jitless';
import { parseIPv4, parseIPv6 } from '../hosts/ip';
import { ok } from '../lookup/errors';
import { joinUrl, type PdnsAdapter } from './adapter';
import type { Observation } from './model';
import { cleanName, commonError, unexpected } from './source-errors';
import { COF_DEFAULT_BASE, COF_SOURCE } from './sources';

/** Rows kept per answer: the history client keeps no more either. */
export const MAX_ROWS = 10_000;
const MAX_NAME = 1000;
const MAX_RDATA = 5000;
/** Per dribble page; big answers without pagination may fail on CIRCL's side (§2.2). */
const PAGE_SIZE = 1000;

/** Types whose rdata ends in a name: the trailing dot goes, like the owner name's. */
const NAME_TYPES = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'MX', 'SRV', 'NS_FOR']);

/**
 * One observation in the common form, or null when it is too long or empty to be a record:
 * attacker-sized strings are dropped row by row, never thrown.
 */
export function toObservation(
  source: string,
  fields: {
    rrname: string;
    rrtype: string;
    rdata: string;
    firstSeen: number;
    lastSeen: number;
    count?: number;
  },
): Observation | null {
  const rrname = cleanName(fields.rrname);
  const rrtype = fields.rrtype.trim().toUpperCase();
  let rdata = fields.rdata.trim();
  if (NAME_TYPES.has(rrtype)) rdata = cleanName(rdata);
  // Sources write IPv6 in different forms; the canonical one lets the timeline merge them.
  if (rrtype === 'AAAA') rdata = parseIPv6(rdata) ?? rdata;
  if (!rrname || !rdata || !rrtype) return null;
  if (rrname.length > MAX_NAME || rdata.length > MAX_RDATA || rrtype.length > 20) return null;
  return {
    rrname,
    rrtype,
    rdata,
    firstSeen: Math.min(fields.firstSeen, fields.lastSeen),
    lastSeen: Math.max(fields.firstSeen, fields.lastSeen),
    ...(fields.count !== undefined && { count: fields.count }),
    source,
  };
}

/** A number, or a number written as a string (early COF drafts and CIRCL's examples quote them). */
export const looseNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .max(24)
      .regex(/^\d+(\.\d+)?$/),
  ])
  .transform(Number)
  .pipe(z.number().nonnegative().finite());

/** Unix seconds (COF, DNSDB, VirusTotal, Validin) → milliseconds, converted once here. */
export const secondsAsMs = looseNumber.transform((s) => Math.round(s * 1000));

const cofRecord = z.object({
  rrname: z.string().max(MAX_NAME),
  // A number is a type the server has no mnemonic for (RFC 3597): written TYPE<n>.
  rrtype: z.union([
    z.string().max(20),
    z
      .number()
      .int()
      .nonnegative()
      .transform((n) => `TYPE${n}`),
  ]),
  rdata: z.union([z.string(), z.array(z.unknown()).max(1000)]),
  time_first: secondsAsMs.optional(),
  time_last: secondsAsMs.optional(),
  zone_time_first: secondsAsMs.optional(),
  zone_time_last: secondsAsMs.optional(),
  count: looseNumber.optional(),
});

type CofRecord = z.infer<typeof cofRecord>;

/**
 * One COF record → one observation per rdata value; nothing when it doesn't fit. `swapped` reads
 * `rrname` as the value and `rdata` as the owner name (CIRCL's orientation, see `readCof`).
 */
function observationsOf(r: CofRecord, source: string, swapped: boolean): Observation[] {
  // Rows imported from zone files may carry only the zone times (§2.1).
  const firstSeen = r.time_first ?? r.zone_time_first;
  const lastSeen = r.time_last ?? r.zone_time_last ?? firstSeen;
  if (firstSeen === undefined || lastSeen === undefined) return [];
  const values = typeof r.rdata === 'string' ? [r.rdata] : r.rdata;
  return values.flatMap((rdata) => {
    if (typeof rdata !== 'string') return [];
    const o = toObservation(source, {
      rrname: swapped ? rdata : r.rrname,
      rrtype: r.rrtype,
      rdata: swapped ? r.rrname : rdata,
      firstSeen,
      lastSeen,
      ...(r.count !== undefined && { count: Math.round(r.count) }),
    });
    return o ? [o] : [];
  });
}

/** One COF record in the draft's orientation → observations (DNSDB's SAF lines carry these). */
export function fromCofRecord(raw: unknown, source: string): Observation[] {
  const r = cofRecord.safeParse(raw);
  return r.success ? observationsOf(r.data, source, false) : [];
}

const isAddress = (text: string) => parseIPv4(text.trim()) !== null || parseIPv6(text.trim()) !== null;
/** MX data as presentation text: a preference, then the exchange ("10 cppy.circl.lu"). */
const isMxData = (text: string) => /^\d{1,5}\s+\S+$/.test(text.trim());

/**
 * Which way round a record is, where its type tells: an A/AAAA value is an address and an MX
 * value starts with a preference, while owner names are neither. `true` = value in `rrname`.
 * Other types (NS, CNAME…) look the same both ways round: `undefined`.
 */
function valueInRrname(r: CofRecord): boolean | undefined {
  const rdata = typeof r.rdata === 'string' ? r.rdata : r.rdata.find((v) => typeof v === 'string');
  if (typeof rdata !== 'string') return undefined;
  const type = r.rrtype.trim().toUpperCase();
  const looksLikeValue = type === 'A' || type === 'AAAA' ? isAddress : type === 'MX' ? isMxData : undefined;
  if (!looksLikeValue) return undefined;
  const inRrname = looksLikeValue(r.rrname);
  const inRdata = looksLikeValue(rdata);
  return inRrname === inRdata ? undefined : inRrname;
}

/** The non-blank lines of an NDJSON body, each parsed; `undefined` marks a line that isn't JSON. */
export function ndjsonLines(body: string): unknown[] {
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return undefined;
      }
    });
}

/**
 * Reads a COF NDJSON body: bad lines are dropped; null when no line at all was JSON.
 *
 * The draft puts the owner name in `rrname` and the value in `rdata`, and D4's server does. CIRCL's
 * hosted server answers the other way round: for `circl.lu` it sends
 * `{"rrtype":"A","rrname":"185.194.93.14","rdata":"circl.lu"}`, MX and NS rows alike (its
 * documentation page, and PyPDNS's live test asserting `rrname == '185.194.93.14'`;
 * data-sources.md §2.2). Which way a server writes shows in its A, AAAA and MX rows; when every
 * such row is reversed and none is not, the whole answer is read reversed, NS and CNAME rows too.
 * An answer with no such row at all is read as the draft says.
 */
export function readCof(
  body: string,
  source = COF_SOURCE,
): { observations: Observation[]; more: boolean } | null {
  const lines = ndjsonLines(body);
  if (lines.length > 0 && lines.every((line) => line === undefined)) return null;
  const records = lines.flatMap((line) => {
    const r = cofRecord.safeParse(line);
    return r.success ? [r.data] : [];
  });
  const evidence = records.map(valueInRrname);
  const allReversed = evidence.includes(true) && !evidence.includes(false);
  const observations: Observation[] = [];
  let more = false;
  for (const [i, record] of records.entries()) {
    if (observations.length >= MAX_ROWS) {
      more = true;
      break;
    }
    observations.push(...observationsOf(record, source, allReversed || evidence[i] === true));
  }
  return { observations: observations.slice(0, MAX_ROWS), more: more || observations.length > MAX_ROWS };
}

/** `user:password` is HTTP Basic; anything else is a token CIRCL takes as it is (§2.2). */
export function cofAuthorization(key: string): string | null {
  const k = key.trim();
  if (!k) return null;
  if (!k.includes(':')) return k;
  // btoa takes Latin-1 only: encode UTF-8 bytes first so a non-ASCII password can't throw.
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(k)))}`;
}

function cofHeaders(key: string): Record<string, string> {
  const auth = cofAuthorization(key);
  return {
    Accept: 'application/x-ndjson',
    // Without it the server may resolve the name itself, which the name's owner could notice.
    'dribble-disable-active-query': '1',
    'dribble-paginate-count': String(PAGE_SIZE),
    ...(auth && { Authorization: auth }),
  };
}

/** A header value we may send back: printable ASCII only, or a header injection could throw. */
const printable = (value: string | undefined) => {
  const v = value?.trim() ?? '';
  return /^[\x21-\x7e]{1,500}$/.test(v) ? v : undefined;
};

export const cof: PdnsAdapter = {
  id: 'cof',
  name: COF_SOURCE,
  operator: 'circl.lu, or the server you set',
  defaultBase: COF_DEFAULT_BASE,
  key: 'optional',
  // [unverified] CIRCL publishes no number; a polite guess.
  budget: [{ limit: 30, windowMs: 60_000 }],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: () => true,
  responseHeaders: ['x-dribble-cursor'],
  request: (base, key, host) => ({
    url: joinUrl(base, encodeURIComponent(host.name)).toString(),
    headers: cofHeaders(key),
  }),
  read: (response, _host, now) => {
    const error = commonError<never>(COF_SOURCE, response, now);
    if (error) return error;
    const read = readCof(response.body);
    if (!read) return unexpected(COF_SOURCE);
    // A dribble cursor means the server has more. `read` sees neither base nor key, so `next`
    // names only what changes (the cursor header, same URL): the client fills in the rest.
    const cursor = printable(response.headers?.['x-dribble-cursor']);
    const more = read.more || Boolean(cursor);
    return ok({
      page: {
        source: COF_SOURCE,
        observations: read.observations,
        total: read.observations.length + (more ? 1 : 0),
      },
      ...(cursor && !read.more && { next: { url: '', headers: { 'dribble-paginate-cursor': cursor } } }),
    });
  },
};
