// SSLMate Cert Spotter API v1 (keyless, rate-limited): certificates logged in Certificate
// Transparency for a registered domain and its subdomains (../shared/docs/data-sources.md §4.2).
// Names in certificates are attacker-chosen text: validated, bounded, shown as text.
import { z } from '../zod-jitless';
import { fail, ok, parseRetryAfter, type Result } from '../lookup/errors';

export const CERTSPOTTER_SOURCE = 'Cert Spotter';

export interface CertName {
  name: string;
  /** Earliest `not_before` of a certificate naming it. */
  firstSeen: number;
  issuers: string[];
  certificates: number;
}

export function certSpotterUrl(base: string, domain: string): string {
  const url = new URL('v1/issuances', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('domain', domain);
  url.searchParams.set('include_subdomains', 'true');
  url.searchParams.append('expand', 'dns_names');
  url.searchParams.append('expand', 'issuer');
  return url.toString();
}

const issuance = z.object({
  dns_names: z.array(z.string().max(300)).max(1000).optional(),
  not_before: z.string().max(40),
  issuer: z
    .object({ friendly_name: z.string().max(200).optional(), name: z.string().max(500).optional() })
    .nullable()
    .optional(),
});

/** Issuances grouped by name, newest-first-seen first. */
export function readCertSpotter(
  status: number,
  body: string,
  now: number,
  retryAfter: string | null,
): Result<CertName[]> {
  if (status === 429) {
    const retryAt = parseRetryAfter(retryAfter, now) ?? now + 3600_000;
    return fail({
      kind: 'rate-limited',
      retryAt,
      status,
      message: 'Cert Spotter: hourly limit reached; try again later.',
    });
  }
  if (status >= 400) return fail({ kind: 'http', status, message: `Cert Spotter answered HTTP ${status}.` });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail({ kind: 'bad-response', message: 'Cert Spotter answered in an unexpected format.' });
  }
  if (!Array.isArray(json))
    return fail({ kind: 'bad-response', message: 'Cert Spotter answered in an unexpected format.' });
  const names = new Map<string, CertName>();
  for (const raw of json.slice(0, 5000)) {
    const i = issuance.safeParse(raw);
    if (!i.success) continue;
    const firstSeen = Date.parse(i.data.not_before);
    if (Number.isNaN(firstSeen)) continue;
    const issuer = i.data.issuer?.friendly_name ?? i.data.issuer?.name;
    for (const rawName of i.data.dns_names ?? []) {
      const name = rawName.toLowerCase();
      const entry = names.get(name) ?? { name, firstSeen, issuers: [], certificates: 0 };
      entry.firstSeen = Math.min(entry.firstSeen, firstSeen);
      entry.certificates++;
      if (issuer && !entry.issuers.includes(issuer) && entry.issuers.length < 5) entry.issuers.push(issuer);
      names.set(name, entry);
    }
  }
  return ok([...names.values()].sort((a, b) => b.firstSeen - a.firstSeen));
}
