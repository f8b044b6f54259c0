// Errors are values: every failure a source can have, with a kind the UI can branch on and a
// message a reader can understand. Nothing in the lookup path throws past its own module.
import { t } from '../i18n/messages';

export type LookupErrorKind = 'timeout' | 'rate-limited' | 'network' | 'http' | 'bad-response' | 'auth';

export interface LookupError {
  kind: LookupErrorKind;
  /** Plain words, naming the source: "cloudflare-dns.com did not answer within 5 s". */
  message: string;
  /** For `http`: the status code. */
  status?: number;
  /** For `rate-limited`: when asking again makes sense (ms since epoch). */
  retryAt?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LookupError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: LookupError): Result<T> => ({ ok: false, error });

/** Parses `Retry-After` (seconds or an HTTP date, RFC 9110 §10.2.3) into a time; null if absent/garbled. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

/** "in 3 h", "in 40 s": for messages about when to try again. */
export function formatWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 90) return t('lookup.wait.seconds', { count: s });
  const m = Math.round(s / 60);
  if (m < 90) return t('lookup.wait.minutes', { count: m });
  return t('lookup.wait.hours', { count: Math.round(m / 60) });
}
