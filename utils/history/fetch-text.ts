// One GET to a history source: only the URL and the headers the source needs (its key), no
// cookies, no referrer, a timeout. The body comes back as text (adapters decide how to read it),
// read only up to MAX_BODY; network failures, timeouts and larger answers as error values.
//
// A request that carries the user's key names the origin the key was entered for
// (`keyOrigin`): it is sent only to that origin, and it never follows a redirect, since the
// browser would repeat the key header to wherever the redirect points. This is the one place
// every keyed request passes, so no source can forget either rule.
import { fail, ok, type Result } from '../lookup/errors';
import { readCappedText } from '../lookup/read-capped-body';
import { formatNumber, formatSize } from '../i18n/format';
import { t } from '../i18n/messages';
import { originOf } from '../settings/key-binding';
import { sourceLabel } from './source-label';

export interface TextResponse {
  status: number;
  body: string;
  contentType: string | null;
  retryAfter: string | null;
  /** The response headers asked for in `responseHeaders`, by lower-case name. */
  headers: Record<string, string>;
}

/** Bytes of one answer: a page of passive DNS, an RDAP object or a certificate list is far less. */
const MAX_BODY = 5_000_000;

export interface FetchTextOptions {
  /** The source's name, for messages. */
  source: string;
  accept: string;
  headers?: Record<string, string>;
  responseHeaders?: string[];
  /** Set when `headers` carry the user's key: the origin that key was entered for. */
  keyOrigin?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function fetchText(
  url: string,
  {
    source,
    accept,
    headers = {},
    responseHeaders = [],
    keyOrigin,
    timeoutMs = 10_000,
    fetch: doFetch = globalThis.fetch.bind(globalThis),
  }: FetchTextOptions,
): Promise<Result<TextResponse>> {
  const to = originOf(url);
  if (keyOrigin !== undefined && to !== keyOrigin)
    return fail({
      kind: 'auth',
      message: t('sources.error.keyMoved', { source: sourceLabel(source), from: keyOrigin, to: to ?? url }),
    });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, {
      headers: { ...headers, Accept: accept },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
      // 'manual' hands back an opaque answer instead of following: the key stays where it was sent.
      redirect: keyOrigin === undefined ? 'follow' : 'manual',
    });
    if (keyOrigin !== undefined && isRedirect(response)) {
      void response.body?.cancel().catch(() => undefined);
      return fail({
        kind: 'bad-response',
        message: t('sources.error.redirectWithKey', { source: sourceLabel(source) }),
      });
    }
    const body = await readCappedText(response, MAX_BODY);
    if (!body.ok)
      return fail({
        kind: 'bad-response',
        message: t('sources.error.tooLarge', { source: sourceLabel(source), size: formatSize(body.limit) }),
      });
    const picked: Record<string, string> = {};
    for (const name of responseHeaders) {
      const value = response.headers.get(name);
      if (value !== null) picked[name.toLowerCase()] = value.slice(0, 2000);
    }
    return ok({
      status: response.status,
      body: body.text,
      contentType: response.headers.get('Content-Type'),
      retryAfter: response.headers.get('Retry-After'),
      headers: picked,
    });
  } catch {
    return controller.signal.aborted
      ? fail({
          kind: 'timeout',
          message: t('sources.error.timeout', {
            source: sourceLabel(source),
            seconds: formatNumber(timeoutMs / 1000),
          }),
        })
      : fail({ kind: 'network', message: t('sources.error.network', { source: sourceLabel(source) }) });
  } finally {
    clearTimeout(timer);
  }
}

/** A redirect not followed: opaque in browsers; a plain 3xx where a runtime shows it (Node). */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}
