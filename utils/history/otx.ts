// AlienVault OTX (LevelBlue) passive DNS, keyed (../shared/docs/data-sources.md §2.4). No
// pagination: the whole list comes at once with a `count`, and it can be very large, so rows are
// capped. Times are ISO strings without a zone that mean UTC (HTTP dates in 2019).
import { z } from '../zod-jitless';
import { t } from '../i18n/messages';
import { fail, ok } from '../lookup/errors';
import { parseIPv4, parseIPv6 } from '../hosts/ip';
import { joinUrl, type PdnsAdapter } from './adapter';
import { looseNumber, MAX_ROWS, toObservation } from './cof';
import { commonError, parseJson, unexpected } from './source-errors';
import { OTX_DEFAULT_BASE } from './sources';

const OTX_SOURCE = 'AlienVault OTX';

const SECTION = { domain: 'hostname', ipv4: 'IPv4', ipv6: 'IPv6' } as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `Tue, 26 Feb 2019 14:45:47 GMT`: the HTTP date form (RFC 9110 §5.6.7) OTX used in 2019. */
const HTTP_DATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * OTX's time → ms. Today `2025-09-12T09:47:59`, read as UTC (a string that names its zone keeps
 * it); in 2019 `Tue, 26 Feb 2019 14:45:47 GMT` (recorded by rapid7/insightconnect-plugins).
 */
export function otxTime(text: string): number | null {
  const trimmed = text.trim();
  const http = HTTP_DATE.exec(trimmed);
  if (http) {
    const [, day, , year, hour, minute, second] = http.map(Number);
    const month = MONTHS.indexOf(http[2]!);
    const ms = Date.UTC(year!, month, day, hour, minute, second);
    // Date.UTC rolls 31 Feb over into March: only a date that exists is one.
    return month >= 0 && new Date(ms).getUTCDate() === day ? ms : null;
  }
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/.exec(trimmed);
  if (!m) return null;
  const ms = Date.parse(m[2] ? trimmed : `${trimmed}Z`);
  return Number.isNaN(ms) ? null : ms;
}

const row = z.object({
  // For IP queries too, `hostname` is the owner name and `address` the value it resolved to.
  hostname: z.string().max(1000),
  address: z.string().max(5000),
  // Absent in OTX's 2019 answers (recorded by rapid7/insightconnect-plugins): see `rowType`.
  record_type: z.string().max(20).optional(),
  first: z.string().max(40),
  last: z.string().max(40),
});

/**
 * The row's type; without `record_type` (2019) an address value can only be an A or AAAA record.
 * A name value could be a CNAME, NS or MX target: no type is guessed and the row is left out
 * ([unverified] which types OTX had then). `total` still counts it.
 */
function rowType(recordType: string | undefined, address: string): string | null {
  if (recordType !== undefined) return recordType;
  if (parseIPv4(address.trim())) return 'A';
  return parseIPv6(address.trim()) ? 'AAAA' : null;
}

const envelope = z.object({
  passive_dns: z.array(z.unknown()).optional(),
  count: looseNumber.optional(),
  detail: z.string().optional(),
  error: z.string().optional(),
});

export const otx: PdnsAdapter = {
  id: 'otx',
  name: OTX_SOURCE,
  operator: 'otx.alienvault.com (LevelBlue)',
  defaultBase: OTX_DEFAULT_BASE,
  key: 'required',
  // [unverified] OTX documents no number; people meet 429 with and without keys.
  budget: [{ limit: 30, windowMs: 60_000 }],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: () => true,
  request: (base, key, host) => ({
    url: joinUrl(
      base,
      `api/v1/indicators/${SECTION[host.kind]}/${encodeURIComponent(host.name)}/passive_dns`,
    ).toString(),
    headers: { Accept: 'application/json', 'X-OTX-API-KEY': key.trim() },
  }),
  read: (response, _host, now) => {
    const error = commonError<never>(OTX_SOURCE, response, now);
    if (error) return error;
    const parsed = envelope.safeParse(parseJson(response.body));
    if (!parsed.success) return unexpected(OTX_SOURCE);
    const { passive_dns: list, count, detail, error: reason } = parsed.data;
    if (!list) {
      const said = (reason ?? detail)?.trim().slice(0, 200);
      return said
        ? fail({ kind: 'bad-response', message: t('sources.error.answered', { source: OTX_SOURCE, said }) })
        : unexpected(OTX_SOURCE);
    }
    const observations = list.slice(0, MAX_ROWS).flatMap((raw) => {
      const r = row.safeParse(raw);
      if (!r.success) return [];
      const firstSeen = otxTime(r.data.first);
      const lastSeen = otxTime(r.data.last);
      const rrtype = rowType(r.data.record_type, r.data.address);
      if (firstSeen === null || lastSeen === null || rrtype === null) return [];
      const o = toObservation(OTX_SOURCE, {
        rrname: r.data.hostname,
        rrtype,
        rdata: r.data.address,
        firstSeen,
        lastSeen,
      });
      return o ? [o] : [];
    });
    const total = Math.max(count ?? 0, list.length, observations.length);
    return ok({ page: { source: OTX_SOURCE, observations, total } });
  },
};
