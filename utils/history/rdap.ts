// RDAP (RFC 9083) for a registered domain: which server to ask (IANA bootstrap, RFC 9224), and
// what its answer says — created, updated, expires, registrar, statuses, name servers, DNSSEC.
// Every field is registry- or registrar-written text: validated, bounded, shown as text.
import { z } from '../zod-jitless';
import { fail, ok, parseRetryAfter, type Result } from '../lookup/errors';

export interface Registration {
  domain: string;
  created?: number;
  updated?: number;
  expires?: number;
  registrar?: string;
  statuses: string[];
  nameservers: string[];
  delegationSigned?: boolean;
  /** The RDAP server that answered (its host). */
  server: string;
}

export const IANA_DNS_BOOTSTRAP = 'https://data.iana.org/rdap/dns.json';

const bootstrapSchema = z.object({
  services: z
    .array(z.tuple([z.array(z.string().max(100)).max(5000), z.array(z.string().max(500)).max(10)]))
    .max(5000),
});

/** The RDAP base URL for `domain` from the bootstrap file: the longest matching label set, https preferred. */
export function rdapBaseFor(bootstrap: unknown, domain: string): string | null {
  const parsed = bootstrapSchema.safeParse(bootstrap);
  if (!parsed.success) return null;
  let best: { labels: number; url: string } | null = null;
  for (const [suffixes, urls] of parsed.data.services) {
    for (const suffix of suffixes) {
      const s = suffix.toLowerCase();
      if (domain === s || domain.endsWith(`.${s}`)) {
        const labels = s.split('.').length;
        const url = urls.find((u) => u.startsWith('https://')) ?? urls[0];
        if (url && (!best || labels > best.labels)) best = { labels, url };
      }
    }
  }
  return best ? (best.url.endsWith('/') ? best.url : `${best.url}/`) : null;
}

const text = z.string().max(500);
const vcardProperty = z.tuple([text, z.unknown(), text]).rest(z.unknown());
const entity = z.object({
  roles: z.array(text).max(20).optional(),
  vcardArray: z.tuple([z.literal('vcard'), z.array(vcardProperty).max(200)]).optional(),
});
const domainSchema = z.object({
  ldhName: text.optional(),
  status: z.array(text).max(50).optional(),
  events: z
    .array(z.object({ eventAction: text, eventDate: text }))
    .max(100)
    .optional(),
  entities: z.array(z.unknown()).max(100).optional(),
  nameservers: z
    .array(z.object({ ldhName: text.optional() }))
    .max(100)
    .optional(),
  secureDNS: z.object({ delegationSigned: z.boolean().optional() }).optional(),
});

const REDACTED = /redacted|privacy|withheld|not disclosed/i;

function registrarName(entities: unknown[]): string | undefined {
  for (const raw of entities) {
    const e = entity.safeParse(raw);
    if (!e.success || !e.data.roles?.includes('registrar')) continue;
    const props = e.data.vcardArray?.[1] ?? [];
    for (const wanted of ['fn', 'org']) {
      const value = props.find((p) => p[0] === wanted)?.[3];
      if (typeof value === 'string' && value.trim() && !REDACTED.test(value))
        return value.trim().slice(0, 200);
    }
  }
  return undefined;
}

const date = (events: Array<{ eventAction: string; eventDate: string }>, ...actions: string[]) => {
  for (const action of actions) {
    const t = Date.parse(events.find((e) => e.eventAction === action)?.eventDate ?? '');
    if (!Number.isNaN(t)) return t;
  }
  return undefined;
};

/** One RDAP domain answer. 404 means not registered (or unknown to that server): `null`, not an error. */
export function readRdapDomain(
  domain: string,
  server: string,
  status: number,
  body: string,
  now: number,
  retryAfter: string | null,
): Result<Registration | null> {
  if (status === 404) return ok(null);
  if (status === 429) {
    const retryAt = parseRetryAfter(retryAfter, now) ?? now + 60_000;
    return fail({
      kind: 'rate-limited',
      retryAt,
      status,
      message: `RDAP (${server}) is limiting requests; try again later.`,
    });
  }
  if (status >= 400)
    return fail({ kind: 'http', status, message: `RDAP (${server}) answered HTTP ${status}.` });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail({ kind: 'bad-response', message: `RDAP (${server}) answered in an unexpected format.` });
  }
  const parsed = domainSchema.safeParse(json);
  if (!parsed.success)
    return fail({ kind: 'bad-response', message: `RDAP (${server}) answered in an unexpected format.` });
  const d = parsed.data;
  const events = d.events ?? [];
  const registration: Registration = {
    domain,
    statuses: (d.status ?? []).map((s) => s.slice(0, 100)),
    nameservers: (d.nameservers ?? []).flatMap((n) =>
      n.ldhName ? [n.ldhName.toLowerCase().replace(/\.$/, '')] : [],
    ),
    server,
  };
  const created = date(events, 'registration');
  const updated = date(events, 'last changed');
  const expires = date(events, 'expiration', 'registrar expiration');
  const registrar = registrarName(d.entities ?? []);
  if (created !== undefined) registration.created = created;
  if (updated !== undefined) registration.updated = updated;
  if (expires !== undefined) registration.expires = expires;
  if (registrar) registration.registrar = registrar;
  if (d.secureDNS?.delegationSigned !== undefined)
    registration.delegationSigned = d.secureDNS.delegationSigned;
  return ok(registration);
}
