// AlienVault OTX (LevelBlue) passive DNS, keyed (../shared/docs/data-sources.md §2.4). No
// pagination: the whole list comes at once with a `count`, and it can be very large, so rows are
// capped. Times are ISO strings without a zone that mean UTC.
import { z } from '../zod-jitless';
import { t } from '../i18n/messages';
import { fail, ok } from '../lookup/errors';
import { joinUrl, type PdnsAdapter } from './adapter';
import { looseNumber, MAX_ROWS, toObservation } from './cof';
import { commonError, parseJson, unexpected } from './source-errors';
import { OTX_DEFAULT_BASE } from './sources';

const OTX_SOURCE = 'AlienVault OTX';

const SECTION = { domain: 'hostname', ipv4: 'IPv4', ipv6: 'IPv6' } as const;

/** `2025-09-12T09:47:59` → ms, read as UTC; a string that already names its zone keeps it. */
export function otxTime(text: string): number | null {
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.parse(m[2] ? text.trim() : `${text.trim()}Z`);
  return Number.isNaN(ms) ? null : ms;
}

const row = z.object({
  // For IP queries too, `hostname` is the owner name and `address` the value it resolved to.
  hostname: z.string().max(1000),
  address: z.string().max(5000),
  record_type: z.string().max(20),
  first: z.string().max(40),
  last: z.string().max(40),
});

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
    const error = commonError<never>(OTX_SOURCE, response, now, { notFoundIsEmpty: true });
    if (error) return error;
    if (response.status === 404) return ok({ page: { source: OTX_SOURCE, observations: [], total: 0 } });
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
      if (firstSeen === null || lastSeen === null) return [];
      const o = toObservation(OTX_SOURCE, {
        rrname: r.data.hostname,
        rrtype: r.data.record_type,
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
