// SecurityTrails (Recorded Future) DNS history, keyed, names only
// (../shared/docs/data-sources.md §2.5). Each page costs one query credit of a small monthly
// quota, so Hostlens asks only for A records, one page: the address history is what a reader of
// a news story needs. Dates come without a time of day.
import { z } from '../zod-jitless';
import { t } from '../i18n/messages';
import { fail, ok } from '../lookup/errors';
import { joinUrl, type PdnsAdapter } from './adapter';
import { looseNumber, MAX_ROWS, toObservation } from './cof';
import { commonError, parseJson, unexpected } from './source-errors';
import { SECURITYTRAILS_DEFAULT_BASE } from './sources';
import type { Observation } from './model';

const ST_SOURCE = 'SecurityTrails';

/** `2011-01-07` → UTC midnight in ms. `last_seen` too: claiming the whole day would invent data. */
export function stDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms;
}

/** Which member a value carries tells its type; field names beyond `ip` are [partly unverified]. */
const VALUE_FIELDS = [
  ['ip', 'A'],
  ['ipv6', 'AAAA'],
  ['host', 'MX'],
  ['nameserver', 'NS'],
  ['value', 'TXT'],
] as const;

const text = z.string().max(5000).optional();
const value = z.object({ ip: text, ipv6: text, host: text, nameserver: text, value: text });

const record = z.object({
  first_seen: z.string().max(40),
  last_seen: z.string().max(40),
  values: z.array(z.unknown()).max(1000),
});

const envelope = z.object({
  records: z.array(z.unknown()).optional(),
  pages: looseNumber.optional(),
  message: z.string().optional(),
});

function fromRecord(raw: unknown, name: string): Observation[] {
  const r = record.safeParse(raw);
  if (!r.success) return [];
  const firstSeen = stDate(r.data.first_seen);
  const lastSeen = stDate(r.data.last_seen);
  if (firstSeen === null || lastSeen === null) return [];
  return r.data.values.flatMap((raw) => {
    const v = value.safeParse(raw);
    if (!v.success) return [];
    const found = VALUE_FIELDS.find(([field]) => v.data[field] !== undefined);
    if (!found) return [];
    const o = toObservation(ST_SOURCE, {
      // The answer doesn't repeat the name: every row belongs to the host asked about.
      rrname: name,
      rrtype: found[1],
      rdata: v.data[found[0]]!,
      firstSeen,
      lastSeen,
    });
    return o ? [o] : [];
  });
}

export const securitytrails: PdnsAdapter = {
  id: 'securitytrails',
  name: ST_SOURCE,
  operator: 'securitytrails.com (Recorded Future)',
  defaultBase: SECURITYTRAILS_DEFAULT_BASE,
  key: 'required',
  // [unverified] The free tier was ~50 queries a month; keep a watchlist from spending it in a day.
  budget: [
    { limit: 5, windowMs: 60_000 },
    { limit: 20, windowMs: 86_400_000 },
  ],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: (host) => host.kind === 'domain',
  // One request = one query credit.
  request: (base, key, host) => ({
    url: joinUrl(base, `v1/history/${encodeURIComponent(host.name)}/dns/a`).toString(),
    headers: { Accept: 'application/json', APIKEY: key.trim() },
  }),
  read: (response, host, now) => {
    const error = commonError<never>(ST_SOURCE, response, now);
    if (error) return error;
    const parsed = envelope.safeParse(parseJson(response.body));
    if (!parsed.success) return unexpected(ST_SOURCE);
    const { records, pages, message } = parsed.data;
    if (!records) {
      const said = message?.trim().slice(0, 200);
      return said
        ? fail({ kind: 'bad-response', message: t('sources.error.answered', { source: ST_SOURCE, said }) })
        : unexpected(ST_SOURCE);
    }
    const observations = records.flatMap((raw) => fromRecord(raw, host.name)).slice(0, MAX_ROWS);
    // Only a page count is given, no row total: one more than we have says "there is more".
    // `read` can't tell which page it reads; with maxPages 1 it is always the first. The client
    // resolves `next.url` against the request it made, keeping the key header.
    const more = (pages ?? 1) > 1;
    return ok({
      page: { source: ST_SOURCE, observations, total: observations.length + (more ? 1 : 0) },
      ...(more && { next: { url: '?page=2', headers: {} } }),
    });
  },
};
