// Mnemonic's public passive DNS (API v3, keyless): request, schema of the raw answer, mapping.
// See ../shared/docs/data-sources.md §2.3. Timestamps arrive in milliseconds; the envelope's
// `count` is the total, and truncation is otherwise silent. Over quota it answers 402 with
// `millisUntilResourcesAvailable` (seen both in `metaData` and at top level).
import { z } from '../zod-jitless';
import { fail, formatWait, ok, type Result } from '../lookup/errors';
import { t } from '../i18n/messages';
import { joinUrl, type PdnsAdapter } from './adapter';
import type { ObservationPage } from './model';
import { unknownPath } from './source-errors';
import { MNEMONIC_DEFAULT_BASE, MNEMONIC_SOURCE } from './sources';

/** Rows asked per request: the public maximum, so one request (of 10 a minute) gets it all. */
const LIMIT = 1000;

export function mnemonicUrl(base: string, query: string, offset = 0): string {
  const url = joinUrl(base, `pdns/v3/${encodeURIComponent(query)}`);
  url.searchParams.set('limit', String(LIMIT));
  if (offset) url.searchParams.set('offset', String(offset));
  return url.toString();
}

const row = z.object({
  query: z.string().max(1000),
  answer: z.string().max(5000),
  rrtype: z.string().max(20),
  firstSeenTimestamp: z.coerce.number().nonnegative(),
  lastSeenTimestamp: z.coerce.number().nonnegative(),
  times: z.coerce.number().int().nonnegative().optional(),
});

const envelope = z.object({
  responseCode: z.coerce.number().optional(),
  count: z.coerce.number().int().nonnegative().optional(),
  data: z.array(z.unknown()).max(10_000).nullable().optional(),
  metaData: z
    .object({ millisUntilResourcesAvailable: z.coerce.number().optional() })
    .partial()
    .nullable()
    .optional(),
  millisUntilResourcesAvailable: z.coerce.number().optional(),
  messages: z
    .array(z.object({ message: z.string().max(500).optional() }))
    .nullable()
    .optional(),
});

/** Reads one response (status and body text) into observations or an error value. */
export function readMnemonic(
  status: number,
  body: string,
  now: number,
  contentType: string | null = null,
  url?: string,
): Result<ObservationPage> {
  // Not documented as "no data" (data-sources.md §2.3): the path was wrong, whatever the body.
  if (status === 404) return unknownPath(MNEMONIC_SOURCE, url);
  if (/html/i.test(contentType ?? '') && status !== 402 && status !== 429)
    return fail({ kind: 'bad-response', message: t('sources.error.webPage', { source: MNEMONIC_SOURCE }) });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    if (status === 429)
      return fail({
        kind: 'rate-limited',
        retryAt: now + 60_000,
        message: t('sources.error.tooManyRequests', { source: MNEMONIC_SOURCE, wait: formatWait(60_000) }),
      });
    return fail({
      kind: status >= 400 ? 'http' : 'bad-response',
      status,
      message: t('sources.error.unexpectedStatus', { source: MNEMONIC_SOURCE, status }),
    });
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success)
    return fail({
      kind: 'bad-response',
      message: t('sources.error.unexpected', { source: MNEMONIC_SOURCE }),
    });
  const code = parsed.data.responseCode ?? status;
  if (status === 402 || code === 402 || status === 429 || code === 429) {
    const wait =
      parsed.data.metaData?.millisUntilResourcesAvailable ??
      parsed.data.millisUntilResourcesAvailable ??
      60_000;
    return fail({
      kind: 'rate-limited',
      retryAt: now + wait,
      status: 402,
      message: t('sources.error.limitReached', { source: MNEMONIC_SOURCE, wait: formatWait(wait) }),
    });
  }
  if (status === 401 || status === 403 || code === 401 || code === 403)
    return fail({
      kind: 'auth',
      status,
      message: t('sources.error.keyRejected', { source: MNEMONIC_SOURCE, status: code }),
    });
  if (status >= 400 || code >= 400)
    return fail({
      kind: 'http',
      status,
      message: t('sources.error.httpStatus', { source: MNEMONIC_SOURCE, status: code }),
    });
  // Rows that don't fit are dropped one by one, not the whole answer.
  const observations = (parsed.data.data ?? []).flatMap((raw) => {
    const r = row.safeParse(raw);
    if (!r.success) return [];
    return [
      {
        rrname: r.data.query.toLowerCase().replace(/\.$/, ''),
        rrtype: r.data.rrtype.toUpperCase(),
        rdata: r.data.answer.replace(/\.$/, ''),
        firstSeen: r.data.firstSeenTimestamp,
        lastSeen: r.data.lastSeenTimestamp,
        ...(r.data.times !== undefined && { count: r.data.times }),
        source: MNEMONIC_SOURCE,
      },
    ];
  });
  return ok({
    source: MNEMONIC_SOURCE,
    observations,
    total: Math.max(parsed.data.count ?? 0, observations.length),
  });
}

export const mnemonic: PdnsAdapter = {
  id: 'mnemonic',
  name: MNEMONIC_SOURCE,
  operator: 'mnemonic.no',
  defaultBase: MNEMONIC_DEFAULT_BASE,
  key: 'optional',
  // The public slice allows 10 requests a minute and 1,000 a day per client.
  budget: [
    { limit: 10, windowMs: 60_000 },
    { limit: 1000, windowMs: 86_400_000 },
  ],
  maxConcurrent: 2,
  maxPages: 1,
  accepts: () => true,
  request: (base, key, host) => ({
    url: mnemonicUrl(base, host.name),
    headers: key ? { 'Argus-API-Key': key } : ({} as Record<string, string>),
  }),
  read: (response, _host, now) => {
    const result = readMnemonic(response.status, response.body, now, response.contentType, response.url);
    return result.ok ? ok({ page: result.value }) : result;
  },
};
