// The answers every source shares before its own format matters: a key rejected, a limit
// reached, a server error, an HTML page where JSON was expected. Each becomes an error value
// whose message names the source, so the user knows which section failed and why.
import { fail, formatWait, parseRetryAfter, type Result } from '../lookup/errors';
import { t } from '../i18n/messages';
import type { SourceResponse } from './adapter';
import { sourceLabel } from './source-label';

/** The common error for a non-success response, or null when the adapter should read the body. */
export function commonError<T>(
  name: string,
  response: SourceResponse,
  now: number,
  /** `notFoundIsEmpty`: only for a source that documents 404 as "no data" (VirusTotal). */
  options: { notFoundIsEmpty?: boolean; defaultWaitMs?: number } = {},
): Result<T> | null {
  const { status } = response;
  const source = sourceLabel(name);
  if (status === 401 || status === 403)
    return fail({ kind: 'auth', status, message: t('sources.error.keyRejected', { source, status }) });
  if (status === 429 || status === 402) {
    const retryAt = parseRetryAfter(response.retryAfter, now) ?? now + (options.defaultWaitMs ?? 60_000);
    return fail({
      kind: 'rate-limited',
      status,
      retryAt,
      message: t('sources.error.limitReached', { source, wait: formatWait(retryAt - now) }),
    });
  }
  if (status === 404) return options.notFoundIsEmpty ? null : unknownPath(name, response.url);
  if (status >= 400)
    return fail({ kind: 'http', status, message: t('sources.error.httpStatus', { source, status }) });
  if (/html/i.test(response.contentType ?? ''))
    return fail({ kind: 'bad-response', message: t('sources.error.webPage', { source }) });
  return null;
}

/** A URL as shown to the reader: without a user name or password typed into the base URL. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().slice(0, 500);
  } catch {
    return url.slice(0, 500);
  }
}

/**
 * A 404 where the source does not document 404 as "no data" (data-sources.md, per source): the
 * server did not know the path, which almost always means a wrong base URL. Reading it as "nothing
 * seen" would hide the mistake behind an empty history, so the message names the URL asked.
 */
export function unknownPath<T>(name: string, url: string | undefined): Result<T> {
  const source = sourceLabel(name);
  return fail({
    kind: 'http',
    status: 404,
    message:
      url === undefined
        ? t('sources.error.httpStatus', { source, status: 404 })
        : t('sources.error.unknownPath', { source, url: shownUrl(url) }),
  });
}

/** JSON.parse as a value: `undefined` when the body is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const unexpected = (name: string) =>
  fail({ kind: 'bad-response', message: t('sources.error.unexpected', { source: sourceLabel(name) }) });

/** Names as the common model keeps them: lower case, no trailing dot. */
export const cleanName = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');
