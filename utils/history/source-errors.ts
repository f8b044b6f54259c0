// The answers every source shares before its own format matters: a key rejected, a limit
// reached, a server error, an HTML page where JSON was expected. Each becomes an error value
// whose message names the source, so the user knows which section failed and why.
import { fail, formatWait, parseRetryAfter, type Result } from '../lookup/errors';
import type { SourceResponse } from './adapter';

/** The common error for a non-success response, or null when the adapter should read the body. */
export function commonError<T>(
  name: string,
  response: SourceResponse,
  now: number,
  options: { notFoundIsEmpty?: boolean; defaultWaitMs?: number } = {},
): Result<T> | null {
  const { status } = response;
  if (status === 401 || status === 403)
    return fail({ kind: 'auth', status, message: `${name}: key rejected (HTTP ${status}).` });
  if (status === 429 || status === 402) {
    const retryAt = parseRetryAfter(response.retryAfter, now) ?? now + (options.defaultWaitMs ?? 60_000);
    return fail({
      kind: 'rate-limited',
      status,
      retryAt,
      message: `${name}: limit reached, try again in ${formatWait(retryAt - now)}.`,
    });
  }
  if (status === 404 && options.notFoundIsEmpty) return null;
  if (status >= 400) return fail({ kind: 'http', status, message: `${name} answered HTTP ${status}.` });
  if (/html/i.test(response.contentType ?? ''))
    return fail({ kind: 'bad-response', message: `${name} answered with a web page instead of data.` });
  return null;
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
  fail({ kind: 'bad-response', message: `${name} answered in an unexpected format.` });

/** Names as the common model keeps them: lower case, no trailing dot. */
export const cleanName = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');
