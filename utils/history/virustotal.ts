// VirusTotal API v3 resolutions, keyed (../shared/docs/data-sources.md §2.6). A public key allows
// 4 requests a minute and 500 a day, and only non-commercial use. Each resolution has a single
// date (when VirusTotal saw it), not a first/last pair, so both ends of the observation are it.
import { z } from '../zod-jitless';
import { ok } from '../lookup/errors';
import { joinUrl, type PdnsAdapter, type SourceRequest } from './adapter';
import { looseNumber, MAX_ROWS, secondsAsMs, toObservation } from './cof';
import { commonError, parseJson, unexpected } from './source-errors';
import { VIRUSTOTAL_DEFAULT_BASE } from './sources';

const VT_SOURCE = 'VirusTotal';
/** The most VirusTotal gives per page. */
const LIMIT = 40;

const resolution = z.object({
  attributes: z.object({
    date: secondsAsMs,
    host_name: z.string().max(1000),
    ip_address: z.string().max(100),
  }),
});

const envelope = z.object({
  data: z.array(z.unknown()).optional(),
  meta: z.object({ count: looseNumber.optional(), cursor: z.string().max(2000).optional() }).optional(),
  links: z.object({ next: z.string().max(2000).optional() }).optional(),
});

/** The next page, when VirusTotal names one; the client adds the key header of the first request. */
function nextPage(next: string | undefined, cursor: string | undefined): SourceRequest | undefined {
  if (next) {
    try {
      const url = new URL(next);
      if (url.protocol === 'https:' || url.protocol === 'http:') return { url: url.toString(), headers: {} };
    } catch {
      // A garbled link is no reason to lose the page we have.
    }
  }
  if (!cursor) return undefined;
  // Relative to the request made, which keeps its `limit`.
  return { url: `?limit=${LIMIT}&cursor=${encodeURIComponent(cursor)}`, headers: {} };
}

export const virustotal: PdnsAdapter = {
  id: 'virustotal',
  name: VT_SOURCE,
  operator: 'virustotal.com (Google)',
  defaultBase: VIRUSTOTAL_DEFAULT_BASE,
  key: 'required',
  budget: [
    { limit: 4, windowMs: 60_000 },
    { limit: 500, windowMs: 86_400_000 },
  ],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: () => true,
  request: (base, key, host) => {
    const section = host.kind === 'domain' ? 'domains' : 'ip_addresses';
    const url = joinUrl(base, `api/v3/${section}/${encodeURIComponent(host.name)}/resolutions`);
    url.searchParams.set('limit', String(LIMIT));
    return { url: url.toString(), headers: { Accept: 'application/json', 'x-apikey': key.trim() } };
  },
  read: (response, _host, now) => {
    // A name VirusTotal has never seen is a 404 NotFoundError: for us, no history.
    const error = commonError<never>(VT_SOURCE, response, now, { notFoundIsEmpty: true });
    if (error) return error;
    if (response.status === 404) return ok({ page: { source: VT_SOURCE, observations: [], total: 0 } });
    const parsed = envelope.safeParse(parseJson(response.body));
    if (!parsed.success || !parsed.data.data) return unexpected(VT_SOURCE);
    const { data, meta, links } = parsed.data;
    const observations = data.slice(0, MAX_ROWS).flatMap((raw) => {
      const r = resolution.safeParse(raw);
      if (!r.success) return [];
      const { date, host_name, ip_address } = r.data.attributes;
      const o = toObservation(VT_SOURCE, {
        rrname: host_name,
        rrtype: ip_address.includes(':') ? 'AAAA' : 'A',
        rdata: ip_address,
        firstSeen: date,
        lastSeen: date,
      });
      return o ? [o] : [];
    });
    const next = nextPage(links?.next, meta?.cursor);
    const total = Math.max(meta?.count ?? 0, observations.length + (next ? 1 : 0));
    return ok({ page: { source: VT_SOURCE, observations, total }, ...(next && { next }) });
  },
};
