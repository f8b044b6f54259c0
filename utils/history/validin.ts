// Validin DNS history, keyed (../shared/docs/data-sources.md §2.8). `records` groups rows by
// type; each row is only a value with first/last seen (epoch seconds), so the query supplies the
// other side: for a name the value is what it pointed to, for an address the value is a name
// that pointed to it, and for NS_FOR the value is a domain using this name as its nameserver.
import { z } from '../zod-jitless';
import { t } from '../i18n/messages';
import { fail, ok } from '../lookup/errors';
import { joinUrl, type PdnsAdapter } from './adapter';
import { MAX_ROWS, secondsAsMs, toObservation } from './cof';
import type { Observation } from './model';
import { commonError, parseJson, unexpected } from './source-errors';
import { VALIDIN_DEFAULT_BASE } from './sources';
import type { Host } from '../hosts/host';

const VALIDIN_SOURCE = 'Validin';

const row = z.object({
  value: z.string().max(5000),
  first_seen: secondsAsMs,
  last_seen: secondsAsMs,
});

const envelope = z.object({
  records: z.record(z.string(), z.unknown()).nullable().optional(),
  limited: z.boolean().optional(),
  error: z.unknown().optional(),
});

function fromRow(type: string, raw: unknown, host: Host): Observation | null {
  const r = row.safeParse(raw);
  if (!r.success) return null;
  const seen = { firstSeen: r.data.first_seen, lastSeen: r.data.last_seen };
  const rrtype = type.toUpperCase();
  if (rrtype === 'NS_FOR')
    return toObservation(VALIDIN_SOURCE, { rrname: r.data.value, rrtype: 'NS', rdata: host.name, ...seen });
  if (host.kind !== 'domain')
    return toObservation(VALIDIN_SOURCE, { rrname: r.data.value, rrtype, rdata: host.name, ...seen });
  return toObservation(VALIDIN_SOURCE, { rrname: host.name, rrtype, rdata: r.data.value, ...seen });
}

/** Validin's `error` may be a string or an object [unverified]: said briefly either way. */
function describe(error: unknown): string {
  const text = typeof error === 'string' ? error : JSON.stringify(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

export const validin: PdnsAdapter = {
  id: 'validin',
  name: VALIDIN_SOURCE,
  operator: 'validin.com',
  defaultBase: VALIDIN_DEFAULT_BASE,
  key: 'required',
  // [unverified] Community quotas are not published; a polite guess.
  budget: [{ limit: 30, windowMs: 60_000 }],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: () => true,
  request: (base, key, host) => {
    const section = host.kind === 'domain' ? 'domain' : 'ip';
    return {
      url: joinUrl(base, `api/axon/${section}/dns/history/${encodeURIComponent(host.name)}`).toString(),
      headers: { Accept: 'application/json', Authorization: `Bearer ${key.trim()}` },
    };
  },
  read: (response, host, now) => {
    const error = commonError<never>(VALIDIN_SOURCE, response, now);
    if (error) return error;
    const parsed = envelope.safeParse(parseJson(response.body));
    if (!parsed.success) return unexpected(VALIDIN_SOURCE);
    const { records, limited, error: reason } = parsed.data;
    if (reason !== undefined && reason !== null && reason !== '') {
      const said = describe(reason);
      return fail({
        kind: 'bad-response',
        message: said
          ? t('sources.error.answered', { source: VALIDIN_SOURCE, said })
          : t('sources.error.reportedError', { source: VALIDIN_SOURCE }),
      });
    }
    const observations: Observation[] = [];
    let dropped = false;
    for (const [type, rows] of Object.entries(records ?? {})) {
      // A type whose rows aren't a list is skipped, not the whole answer.
      if (!Array.isArray(rows) || type.length > 20) continue;
      for (const raw of rows as unknown[]) {
        if (observations.length >= MAX_ROWS) {
          dropped = true;
          break;
        }
        const o = fromRow(type, raw, host);
        if (o) observations.push(o);
      }
    }
    // `limited`: Validin stopped at its row limit; one more than we have says so.
    const more = limited === true || dropped;
    return ok({
      page: { source: VALIDIN_SOURCE, observations, total: observations.length + (more ? 1 : 0) },
    });
  },
};
