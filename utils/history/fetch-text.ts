// One GET to a history source: only the URL, no cookies, no referrer, a timeout. The body comes
// back as text (adapters decide how to read it); network failures and timeouts as error values.
import { fail, ok, type Result } from '../lookup/errors';

export interface TextResponse {
  status: number;
  body: string;
  retryAfter: string | null;
}

const MAX_BODY = 5_000_000;

export async function fetchText(
  url: string,
  {
    source,
    accept,
    timeoutMs = 10_000,
    fetch: doFetch = globalThis.fetch.bind(globalThis),
  }: { source: string; accept: string; timeoutMs?: number; fetch?: typeof fetch },
): Promise<Result<TextResponse>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, {
      headers: { Accept: accept },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const body = await response.text();
    if (body.length > MAX_BODY)
      return fail({ kind: 'bad-response', message: `${source} sent an answer too large to read.` });
    return ok({ status: response.status, body, retryAfter: response.headers.get('Retry-After') });
  } catch {
    return controller.signal.aborted
      ? fail({ kind: 'timeout', message: `${source} did not answer within ${timeoutMs / 1000} s.` })
      : fail({ kind: 'network', message: `Could not reach ${source} (network error).` });
  } finally {
    clearTimeout(timer);
  }
}
