// One question to one RFC 8484 resolver over GET. Every failure becomes a LookupError value.
import { formatSize } from '../i18n/format';
import { t } from '../i18n/messages';
import { readCappedBody, type CappedBody } from '../lookup/read-capped-body';
import { fail, formatWait, ok, parseRetryAfter, type Result } from '../lookup/errors';
import type { DnsAnswer, QueryType } from './model';
import { resolverLabel } from './resolver-label';
import { decodeAnswer, encodeQuery } from './wire';

export interface DohQuestion {
  resolver: string;
  name: string;
  type: QueryType;
  /** Skip the browser's HTTP cache (watchlist checks, "refresh"). */
  fresh?: boolean;
}

export interface DohOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  signal?: AbortSignal;
}

/** A DNS message over DoH is at most 65,535 bytes (RFC 8484 §6); anything larger is not one. */
const MAX_BODY = 65_535;
const DEFAULT_RETRY_MS = 60_000;

export async function queryDoh(question: DohQuestion, options: DohOptions = {}): Promise<Result<DnsAnswer>> {
  const first = await attempt(question, options);
  // One retry, only for network errors: a timeout or an HTTP error would most likely repeat.
  if (!first.ok && first.error.kind === 'network' && !options.signal?.aborted)
    return attempt(question, options);
  return first;
}

async function attempt(question: DohQuestion, options: DohOptions): Promise<Result<DnsAnswer>> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 5000;
  const label = resolverLabel(question.resolver);
  let url: URL;
  try {
    url = new URL(question.resolver);
  } catch {
    return fail({ kind: 'network', message: t('dns.error.invalidUrl', { url: question.resolver }) });
  }
  url.searchParams.set('dns', encodeQuery(question.name, question.type));

  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await doFetch(url.toString(), {
        method: 'GET',
        headers: { Accept: 'application/dns-message' },
        cache: question.fresh ? 'no-store' : 'default',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch {
      if (controller.signal.aborted && !options.signal?.aborted) {
        return fail({
          kind: 'timeout',
          message: t('dns.error.timeout', { resolver: label, wait: formatWait(timeoutMs) }),
        });
      }
      return fail({ kind: 'network', message: t('dns.error.network', { resolver: label }) });
    }
    if (response.status === 429) {
      const retryAt = parseRetryAfter(response.headers.get('Retry-After'), now()) ?? now() + DEFAULT_RETRY_MS;
      return fail({
        kind: 'rate-limited',
        retryAt,
        status: 429,
        message: t('dns.error.limiting', { resolver: label, wait: formatWait(retryAt - now()) }),
      });
    }
    if (!response.ok) {
      return fail({
        kind: 'http',
        status: response.status,
        message: t('dns.error.http', { resolver: label, status: String(response.status) }),
      });
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.toLowerCase().startsWith('application/dns-message')) {
      return fail({
        kind: 'bad-response',
        message: t('dns.error.notDnsMessage', {
          resolver: label,
          type: type.slice(0, 60) || t('dns.error.noContentType'),
        }),
      });
    }
    let body: CappedBody;
    try {
      body = await readCappedBody(response, MAX_BODY);
    } catch {
      if (controller.signal.aborted) {
        return fail({
          kind: 'timeout',
          message: t('dns.error.unfinished', { resolver: label, wait: formatWait(timeoutMs) }),
        });
      }
      return fail({ kind: 'network', message: t('dns.error.cutOff', { resolver: label }) });
    }
    if (!body.ok) {
      return fail({
        kind: 'bad-response',
        message: t('dns.error.tooLarge', { resolver: label, size: formatSize(body.limit) }),
      });
    }
    const decoded = decodeAnswer(body.bytes, question, question.resolver, now());
    if (!decoded.ok)
      return fail({
        kind: 'bad-response',
        message: t('dns.error.broken', { resolver: label, reason: decoded.reason }),
      });
    return ok(decoded.answer);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
