// Farsight / DomainTools DNSDB API v2, keyed (../shared/docs/data-sources.md §2.7). Answers
// stream in SAF: `{"cond":"begin"}`, COF records wrapped as `{"obj":…}`, then a terminator that
// says whether the stream is whole. A stream without one was cut off in transit and can't be
// trusted to be complete, so it is an error, not a short answer.
import { z } from '../zod-jitless';
import { fail, formatWait, ok } from '../lookup/errors';
import { t } from '../i18n/messages';
import { joinUrl, type PdnsAdapter } from './adapter';
import { fromCofRecord, MAX_ROWS, ndjsonLines } from './cof';
import type { Observation } from './model';
import { commonError } from './source-errors';
import { DNSDB_DEFAULT_BASE } from './sources';

const DNSDB_SOURCE = 'DNSDB';
/** Rows asked for: enough for a reader, a fraction of the account's per-query maximum. */
const LIMIT = 1000;
/** 503 means too many queries running at once for this key: a short pause is enough. */
const BUSY_WAIT_MS = 30_000;
/** 429 is the key's quota, which DNSDB counts per day [unverified]; without Retry-After, wait an hour. */
const QUOTA_WAIT_MS = 3600_000;

const line = z.object({
  cond: z.string().max(40).optional(),
  msg: z.string().optional(),
  obj: z.unknown().optional(),
});

const bounded = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

export const dnsdb: PdnsAdapter = {
  id: 'dnsdb',
  name: DNSDB_SOURCE,
  operator: 'dnsdb.info (DomainTools)',
  defaultBase: DNSDB_DEFAULT_BASE,
  key: 'required',
  // [unverified] Quotas depend on the key; a polite guess.
  budget: [{ limit: 30, windowMs: 60_000 }],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: () => true,
  // Names: the records owned by the name. Addresses: the names whose records point at it.
  request: (base, key, host) => {
    const path =
      host.kind === 'domain'
        ? `dnsdb/v2/lookup/rrset/name/${encodeURIComponent(host.name)}`
        : `dnsdb/v2/lookup/rdata/ip/${encodeURIComponent(host.name)}`;
    const url = joinUrl(base, path);
    url.searchParams.set('limit', String(LIMIT));
    return { url: url.toString(), headers: { Accept: 'application/x-ndjson', 'X-API-Key': key.trim() } };
  },
  read: (response, _host, now) => {
    const { status } = response;
    if (status === 503)
      return fail({
        kind: 'rate-limited',
        status,
        retryAt: now + BUSY_WAIT_MS,
        message: t('sources.error.busy', { source: DNSDB_SOURCE, wait: formatWait(BUSY_WAIT_MS) }),
      });
    if (status === 416)
      return fail({
        kind: 'http',
        status,
        message: t('sources.error.pageTooFar', { source: DNSDB_SOURCE }),
      });
    // API v2 answers "no results" with 200 and an empty stream; a 404 is a path the server does
    // not know (API v1's 404 "no results" cannot come back for a v2 path).
    const error = commonError<never>(DNSDB_SOURCE, response, now, { defaultWaitMs: QUOTA_WAIT_MS });
    if (error) return error;

    const observations: Observation[] = [];
    let end: { cond: string; msg?: string } | undefined;
    let dropped = false;
    for (const raw of ndjsonLines(response.body)) {
      const l = line.safeParse(raw);
      if (!l.success) continue;
      if (l.data.obj !== undefined) {
        if (observations.length < MAX_ROWS) observations.push(...fromCofRecord(l.data.obj, DNSDB_SOURCE));
        else dropped = true;
      }
      const cond = l.data.cond;
      if (cond === 'succeeded' || cond === 'limited' || cond === 'failed') {
        end = { cond, ...(l.data.msg !== undefined && { msg: l.data.msg }) };
        break;
      }
    }
    if (!end)
      return fail({ kind: 'bad-response', message: t('sources.error.cutOff', { source: DNSDB_SOURCE }) });
    if (end.cond === 'failed') {
      const why = bounded(end.msg);
      return fail({
        kind: 'bad-response',
        message: why
          ? t('sources.error.searchFailedBecause', { source: DNSDB_SOURCE, why })
          : t('sources.error.searchFailed', { source: DNSDB_SOURCE }),
      });
    }
    // `limited`: the stream is whole but stopped at the row limit; one more than we have tells
    // the reader the source has more than it showed.
    const more = end.cond === 'limited' || dropped || observations.length > MAX_ROWS;
    const kept = observations.slice(0, MAX_ROWS);
    return ok({ page: { source: DNSDB_SOURCE, observations: kept, total: kept.length + (more ? 1 : 0) } });
  },
};
