// SSLMate Cert Spotter API v1 (keyless, rate-limited; an optional key raises the limit):
// certificates logged in Certificate Transparency for a registered domain and its subdomains
// (../shared/docs/data-sources.md §4.2). Also the per-name shape both certificate sources
// (this one and crt.sh) are read into. Names in certificates are attacker-chosen text:
// validated, bounded, shown as text.
import { t } from '../i18n/messages';
import { z } from '../zod-jitless';
import { fail, ok, parseRetryAfter, type Result } from '../lookup/errors';

export const CERTSPOTTER_SOURCE = 'Cert Spotter';

export interface CertName {
  name: string;
  /** Earliest `not_before` of a certificate naming it. */
  firstSeen: number;
  issuers: string[];
  certificates: number;
  /** The sources that listed it ("Cert Spotter", "crt.sh"). */
  sources: string[];
}

/** One certificate as a source describes it, names already checked. */
export interface CertRecord {
  /** The source's id for the certificate, to count a certificate listed twice once. */
  id: string | null;
  names: string[];
  firstSeen: number;
  issuer: string | null;
}

/** One source's names for one domain: the unit that is cached. */
export interface SourceNames {
  /** Newest first-seen first, at most MAX_NAMES. */
  names: CertName[];
  /** Distinct names in what was read (more than `names` when the cap cut them). */
  found: number;
  /** The source has certificates Hostlens did not read (rows or pages capped). */
  more: boolean;
}

/** Names kept per source and domain: enough to merge and show 50; bounded for storage.local. */
export const MAX_NAMES = 500;
const MAX_ISSUERS = 5;

/**
 * A certificate name as shown, or null when it does not look like a host name: e-mail
 * addresses, text with spaces or control characters, single labels, labels over 63 or names
 * over 253 characters (RFC 1035), a `*` anywhere but a whole first label. Other characters
 * (`<`, bidi overrides) are left in: they are rendered as inert, visible text, and a reader
 * should see that someone put them in a certificate.
 */
export function certHostName(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/\.$/, '');
  if (name.length === 0 || name.length > 253) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is rejected
  if (/[\s@\u0000-\u001f\u007f-\u009f]/.test(name)) return null;
  const labels = name.split('.');
  if (labels.length < 2 || /^\d+$/.test(labels[labels.length - 1]!)) return null;
  const wellFormed = labels.every(
    (label, i) =>
      label.length > 0 && label.length <= 63 && (!label.includes('*') || (i === 0 && label === '*')),
  );
  return wellFormed ? name : null;
}

/** Groups certificates by name: earliest date, distinct certificates, a few issuers. */
export function tallyNames(source: string, records: CertRecord[], more: boolean): SourceNames {
  const names = new Map<string, CertName & { ids: Set<string> }>();
  let unnamed = 0;
  for (const record of records) {
    const id = record.id ?? `row ${unnamed++}`;
    for (const name of record.names) {
      let entry = names.get(name);
      if (!entry) {
        entry = {
          name,
          firstSeen: record.firstSeen,
          issuers: [],
          certificates: 0,
          sources: [source],
          ids: new Set(),
        };
        names.set(name, entry);
      }
      entry.firstSeen = Math.min(entry.firstSeen, record.firstSeen);
      entry.ids.add(id);
      const issuer = record.issuer;
      if (issuer && !entry.issuers.includes(issuer) && entry.issuers.length < MAX_ISSUERS)
        entry.issuers.push(issuer);
    }
  }
  const all = [...names.values()].map(({ ids, ...entry }) => ({ ...entry, certificates: ids.size }));
  return { names: sortNames(all).slice(0, MAX_NAMES), found: all.length, more };
}

/** Newest first (a name first seen last week is the news); ties by name, for a stable order. */
export function sortNames(names: CertName[]): CertName[] {
  return names.sort((a, b) => b.firstSeen - a.firstSeen || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function certSpotterUrl(base: string, domain: string, after?: string): string {
  const url = new URL('v1/issuances', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('domain', domain);
  url.searchParams.set('include_subdomains', 'true');
  url.searchParams.append('expand', 'dns_names');
  url.searchParams.append('expand', 'issuer');
  if (after !== undefined) url.searchParams.set('after', after);
  return url.toString();
}

const issuance = z.object({
  // Documented as an opaque string; a number is taken too.
  id: z.union([z.string().max(40), z.number()]).optional(),
  // Generous bounds: one over-long name must not cost the issuance's other names (certHostName drops it).
  dns_names: z.array(z.string().max(2000)).max(1000).optional(),
  not_before: z.string().max(40),
  issuer: z
    .object({ friendly_name: z.string().max(200).optional(), name: z.string().max(500).optional() })
    .nullable()
    .optional(),
});

const lastIssuance = z.object({ id: z.union([z.string().max(40), z.number()]) });

export interface CertSpotterPage {
  records: CertRecord[];
  /** Issuances on the page (readable or not): a full page means there may be another. */
  size: number;
  /** The last issuance's id: `after=` for the next page. */
  lastId: string | undefined;
}

const unexpected = () => t('sources.error.unexpected', { source: CERTSPOTTER_SOURCE });

export function readCertSpotter(
  status: number,
  body: string,
  now: number,
  retryAfter: string | null,
): Result<CertSpotterPage> {
  if (status === 429) {
    const retryAt = parseRetryAfter(retryAfter, now) ?? now + 3600_000;
    return fail({
      kind: 'rate-limited',
      retryAt,
      status,
      message: t('certificates.certspotterHourlyLater'),
    });
  }
  if (status === 401 || status === 403)
    return fail({ kind: 'auth', status, message: t('certificates.certspotterKeyRefused', { status }) });
  if (status >= 400)
    return fail({
      kind: 'http',
      status,
      message: t('sources.error.httpStatus', { source: CERTSPOTTER_SOURCE, status }),
    });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail({ kind: 'bad-response', message: unexpected() });
  }
  if (!Array.isArray(json)) return fail({ kind: 'bad-response', message: unexpected() });
  const records: CertRecord[] = [];
  for (const raw of json.slice(0, 5000)) {
    const i = issuance.safeParse(raw);
    if (!i.success) continue;
    const firstSeen = Date.parse(i.data.not_before);
    if (Number.isNaN(firstSeen)) continue;
    const names = [...new Set((i.data.dns_names ?? []).flatMap((n) => certHostName(n) ?? []))].slice(
      0,
      MAX_NAMES,
    );
    const issuer = i.data.issuer?.friendly_name ?? i.data.issuer?.name ?? null;
    records.push({ id: i.data.id === undefined ? null : String(i.data.id), names, firstSeen, issuer });
  }
  // The page's last issuance, readable or not, is where the next page starts.
  const last = lastIssuance.safeParse(json[json.length - 1]);
  return ok({ records, size: json.length, lastId: last.success ? String(last.data.id) : undefined });
}
