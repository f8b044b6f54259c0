// crt.sh's JSON output (../shared/docs/data-sources.md §4.1): keyless, no documented limit, but
// often down or too slow (502/503/504, HTML error pages), so it is asked as a best-effort extra
// next to Cert Spotter. `name_value` is free text from certificates (SANs, e-mail addresses,
// garbage): only names that look like host names are kept, and rows are capped.
import { t } from '../i18n/messages';
import { fail, ok, parseRetryAfter, type Result } from '../lookup/errors';
import { z } from '../zod-jitless';
import { certHostName, MAX_NAMES, type CertRecord } from './certspotter';
import type { TextResponse } from './fetch-text';

export const CRTSH_SOURCE = 'crt.sh';
/** Rows read from one answer: a busy domain can have hundreds of thousands. */
export const MAX_ROWS = 10_000;
/** crt.sh answers 502/503/504 when a query runs into its statement timeout or it is overloaded. */
export const CRTSH_BUSY = [502, 503, 504];

/**
 * One request: `q=<domain>`, not `q=%.<domain>`. The bare form is crt.sh's identity search,
 * which covers the domain and its subdomains (crtsh/certwatch_db#72: "%.domain.com" used to be
 * needed, "now I know I can just type domain.com"), while `%.domain` misses the apex
 * (data-sources.md §4.1) — asking both would double the load on an overloaded service for
 * nothing. The identity search can also match names that merely contain the domain
 * (nmap/nmap#2183: google.com.gr for google.com), so rows are filtered in `readCrtsh`.
 */
export function crtshUrl(base: string, domain: string): string {
  const url = new URL(base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('q', domain);
  url.searchParams.set('output', 'json');
  url.searchParams.set('exclude', 'expired');
  url.searchParams.set('deduplicate', 'Y');
  return url.toString();
}

const text = (max: number) => z.string().max(max).nullish();
// A number in the samples; a string is taken too.
const certId = z.union([z.number(), z.string().max(30)]).nullish();
const row = z.object({
  id: certId,
  // Until late 2019 crt.sh named the certificate `min_cert_id` and its log time
  // `min_entry_timestamp` (recorded by ninoseki/crtsh, 2019-09-03); without the id, every row
  // counted as a certificate of its own.
  min_cert_id: certId,
  issuer_name: text(1000),
  common_name: text(1000),
  name_value: text(100_000),
  not_before: text(40),
  entry_timestamp: text(40),
  min_entry_timestamp: text(40),
});

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

/** crt.sh's timestamps have no zone and mean UTC ("2023-11-17T21:58:44"). */
export function crtshTime(value: string | null | undefined): number | null {
  const match = value ? ISO.exec(value) : null;
  if (!match) return null;
  const time = Date.parse(match[1] ? value! : `${value}Z`);
  return Number.isNaN(time) ? null : time;
}

/** "C=US, O=Let's Encrypt, CN=R3" → "Let's Encrypt": the organisation, as Cert Spotter names it. */
export function issuerName(dn: string | null | undefined): string | null {
  if (!dn) return null;
  const field = (key: string) => {
    const match = new RegExp(`(?:^|,\\s*)${key}=("([^"]*)"|[^,]*)`).exec(dn);
    return match ? (match[2] ?? match[1]!).trim() : '';
  };
  return (field('O') || field('CN') || dn).slice(0, 200);
}

const busy = (status: number) => t('certificates.crtshBusy', { status });
const CRTSH = 'crt.sh';

export interface CrtshAnswer {
  records: CertRecord[];
  /** Rows beyond MAX_ROWS were not read. */
  more: boolean;
}

/** Certificates in crt.sh's answer that name `domain` or a name under it. */
export function readCrtsh(response: TextResponse, domain: string, now: number): Result<CrtshAnswer> {
  const { status, body, contentType, retryAfter } = response;
  if (status === 429) {
    const retryAt = parseRetryAfter(retryAfter, now) ?? now + 10 * 60_000;
    return fail({ kind: 'rate-limited', status, retryAt, message: t('certificates.crtshLimitingNow') });
  }
  if (CRTSH_BUSY.includes(status)) return fail({ kind: 'http', status, message: busy(status) });
  if (status >= 400)
    return fail({ kind: 'http', status, message: t('sources.error.httpStatus', { source: CRTSH, status }) });
  // Its error pages are HTML, some with status 200.
  if (contentType !== null && !/json/i.test(contentType))
    return fail({ kind: 'bad-response', message: t('certificates.crtshWebPage') });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail({ kind: 'bad-response', message: t('sources.error.unexpected', { source: CRTSH }) });
  }
  if (!Array.isArray(json))
    return fail({ kind: 'bad-response', message: t('sources.error.unexpected', { source: CRTSH }) });
  const under = (name: string) => {
    const bare = name.startsWith('*.') ? name.slice(2) : name;
    return bare === domain || bare.endsWith(`.${domain}`);
  };
  const records: CertRecord[] = [];
  for (const raw of json.slice(0, MAX_ROWS)) {
    const r = row.safeParse(raw);
    if (!r.success) continue;
    const firstSeen =
      crtshTime(r.data.not_before) ??
      crtshTime(r.data.entry_timestamp) ??
      crtshTime(r.data.min_entry_timestamp);
    if (firstSeen === null) continue;
    const listed = [...(r.data.name_value ?? '').split('\n', MAX_NAMES), r.data.common_name ?? ''];
    const names = [...new Set(listed.flatMap((n) => certHostName(n) ?? []))];
    if (!names.some(under)) continue;
    const id = r.data.id ?? r.data.min_cert_id;
    records.push({
      id: id === null || id === undefined ? null : String(id),
      names,
      firstSeen,
      issuer: issuerName(r.data.issuer_name),
    });
  }
  return ok({ records, more: json.length > MAX_ROWS });
}
