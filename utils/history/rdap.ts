// RDAP (RFC 9083): which server to ask (IANA bootstrap, RFC 9224) and what its answer says —
// for a registered domain: created, updated, expires, registrar, statuses, name servers, DNSSEC;
// for an IP address: the regional registry's network (name, range, holder, abuse contact).
// Every field is registry- or registrar-written text: validated, bounded, shown as text.
import { t } from '../i18n/messages';
import ipaddr from 'ipaddr.js';
import { z } from '../zod-jitless';
import { fail, formatWait, ok, parseRetryAfter, type Result } from '../lookup/errors';

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

/** The network an IP address belongs to, as its regional registry (RIR) records it. */
export interface IpRegistration {
  /** The address asked about. */
  address: string;
  /** The network's name ("GOGL"). */
  name?: string;
  handle?: string;
  /** First and last address of the network, canonical. */
  startAddress?: string;
  endAddress?: string;
  /** The same range as prefixes (`cidr0_cidrs` extension), when the server gives them. */
  cidrs: string[];
  /** "DIRECT ALLOCATION", "ASSIGNED PA", … */
  type?: string;
  /** ISO 3166 two-letter code. */
  country?: string;
  statuses: string[];
  /** The holder: the registrant entity's vCard name (never a redacted placeholder). */
  registrant?: string;
  abuseEmail?: string;
  registered?: number;
  updated?: number;
  /** The RDAP server that answered (its host), and which RIR that is when known. */
  server: string;
  registry?: string;
}

/** What the `lookupRegistration` message carries: a domain's or an address's registration. */
export type RdapRecord = Registration | IpRegistration;

const bootstrapSchema = z.object({
  services: z
    .array(z.tuple([z.array(z.string().max(100)).max(5000), z.array(z.string().max(500)).max(10)]))
    .max(5000),
});
export type Bootstrap = z.infer<typeof bootstrapSchema>;

/** A bootstrap file (dns.json, ipv4.json, ipv6.json) checked for shape; `null` when it isn't one. */
export function readBootstrap(json: unknown): Bootstrap | null {
  const parsed = bootstrapSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * The RDAP base URL for a domain or an IP address from a bootstrap file: for a domain the longest
 * matching label set (dns.json), for an address the longest matching prefix (ipv4.json,
 * ipv6.json); the https URL when both are listed.
 */
export function rdapBaseFor(bootstrap: unknown, query: string): string | null {
  const parsed = readBootstrap(bootstrap);
  if (!parsed) return null;
  const address = parseAddress(query);
  let best: { length: number; url: string } | null = null;
  for (const [entries, urls] of parsed.services) {
    const url = urls.find((u) => u.startsWith('https://')) ?? urls[0];
    if (!url) continue;
    for (const entry of entries) {
      const length = address ? prefixMatch(address, entry) : suffixMatch(query, entry);
      if (length !== null && (!best || length > best.length)) best = { length, url };
    }
  }
  return best ? (best.url.endsWith('/') ? best.url : `${best.url}/`) : null;
}

function parseAddress(query: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  // Only the usual forms: a dotted quad or an IPv6 address, never "1" or "0x7f.1".
  if (!ipaddr.IPv4.isValidFourPartDecimal(query) && !(query.includes(':') && ipaddr.IPv6.isValid(query)))
    return null;
  const address = ipaddr.parse(query);
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/** The prefix length when `address` is inside the `entry` CIDR, else null. */
function prefixMatch(address: ipaddr.IPv4 | ipaddr.IPv6, entry: string): number | null {
  if (!ipaddr.isValidCIDR(entry)) return null;
  const [network, length] = ipaddr.parseCIDR(entry);
  if (network.kind() !== address.kind()) return null;
  return address.match(network, length) ? length : null;
}

/** The number of labels when `domain` is `entry` or under it, else null. */
function suffixMatch(domain: string, entry: string): number | null {
  const s = entry.toLowerCase();
  return domain === s || domain.endsWith(`.${s}`) ? s.split('.').length : null;
}

const text = z.string().max(500);
const vcardProperty = z.tuple([text, z.unknown(), text]).rest(z.unknown());
const entitySchema = z.object({
  handle: text.optional(),
  roles: z.array(text).max(20).optional(),
  vcardArray: z.tuple([z.literal('vcard'), z.array(vcardProperty).max(200)]).optional(),
  entities: z.array(z.unknown()).max(50).optional(),
});
const eventsSchema = z
  .array(z.object({ eventAction: text, eventDate: text }))
  .max(100)
  .optional();
const domainSchema = z.object({
  ldhName: text.optional(),
  status: z.array(text).max(50).optional(),
  events: eventsSchema,
  entities: z.array(z.unknown()).max(100).optional(),
  nameservers: z
    .array(z.object({ ldhName: text.optional() }))
    .max(100)
    .optional(),
  secureDNS: z.object({ delegationSigned: z.boolean().optional() }).optional(),
});
const ipSchema = z.object({
  objectClassName: text.optional(),
  handle: text.optional(),
  name: text.optional(),
  startAddress: text.optional(),
  endAddress: text.optional(),
  type: text.optional(),
  country: text.optional(),
  status: z.array(text).max(50).optional(),
  cidr0_cidrs: z.array(z.unknown()).max(100).optional(),
  events: eventsSchema,
  entities: z.array(z.unknown()).max(100).optional(),
});
const cidrSchema = z.object({
  v4prefix: text.optional(),
  v6prefix: text.optional(),
  length: z.number().int().min(0).max(128),
});

const REDACTED = /redacted|privacy|withheld|not disclosed/i;
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}$/;

type VcardProperty = z.infer<typeof vcardProperty>;
interface Entity {
  handle?: string;
  roles: string[];
  props: VcardProperty[];
}

/**
 * Every entity, nested ones too (ARIN puts the abuse contact inside the holder's entity), read
 * one by one so that one odd entity does not spoil the answer; depth and count bounded.
 */
function entitiesOf(list: unknown[]): Entity[] {
  const found: Entity[] = [];
  const walk = (items: unknown[], depth: number) => {
    for (const raw of items) {
      if (found.length >= 200) return;
      const e = entitySchema.safeParse(raw);
      if (!e.success) continue;
      found.push({
        ...(e.data.handle !== undefined && { handle: e.data.handle }),
        roles: e.data.roles ?? [],
        props: e.data.vcardArray?.[1] ?? [],
      });
      if (depth < 3 && e.data.entities) walk(e.data.entities, depth + 1);
    }
  };
  walk(list, 0);
  return found;
}

const MAX_VCARD_TEXT = 2000;

/**
 * A vCard property's text. jCard values may be a string, several strings, or a structured value
 * (an array, as `org` and `adr` are): strings are joined, anything else is skipped.
 */
function vcardText(props: VcardProperty[], name: string): string | undefined {
  for (const p of props) {
    if (p[0] !== name) continue;
    const parts = p
      .slice(3, 13)
      .flatMap((v) => (Array.isArray(v) ? v.slice(0, 10) : [v]))
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
    // Real names and addresses are a few hundred characters at most; a hostile 64 kB value stays
    // bounded, and the card cuts what it shows further ("show more").
    const value = parts.join(', ').slice(0, MAX_VCARD_TEXT);
    if (value) return value;
  }
  return undefined;
}

/** An entity's vCard `fn` or `org`, never redacted placeholder text. */
function entityName(e: Entity): string | undefined {
  for (const wanted of ['fn', 'org']) {
    const value = vcardText(e.props, wanted);
    if (value && !REDACTED.test(value)) return value;
  }
  return undefined;
}

/** The name of the first entity with `role` that has one. */
function nameWithRole(entities: Entity[], role: string): string | undefined {
  for (const e of entities) {
    if (!e.roles.includes(role)) continue;
    const name = entityName(e);
    if (name) return name;
  }
  return undefined;
}

/**
 * The registrar. Of several entities with role `registrar`, the one that is also `sponsor` (the
 * sponsoring registrar) comes first. Each is shown by its name, else by its handle: CZ.NIC gives
 * the registrar as `{"handle": "REG-INTERNET-CZ", "roles": ["registrar"]}` and nothing more
 * (recorded by openrdap/rdap), and a handle says more than a blank.
 */
function registrarOf(entities: Entity[]): string | undefined {
  const registrars = entities.filter((e) => e.roles.includes('registrar'));
  const sponsors = registrars.filter((e) => e.roles.includes('sponsor'));
  const others = registrars.filter((e) => !e.roles.includes('sponsor'));
  const handleOf = (e: Entity) => {
    const handle = e.handle?.trim().slice(0, 100);
    return handle && !REDACTED.test(handle) ? handle : undefined;
  };
  for (const group of [sponsors, others]) {
    const named = group.map(entityName).find(Boolean);
    if (named) return named;
    const handle = group.map(handleOf).find(Boolean);
    if (handle) return handle;
  }
  return undefined;
}

function abuseEmail(entities: Entity[]): string | undefined {
  for (const e of entities) {
    if (!e.roles.includes('abuse')) continue;
    const email = vcardText(e.props, 'email')?.replace(/^mailto:/i, '');
    if (email && EMAIL.test(email)) return email;
  }
  return undefined;
}

const RDAP_TIME = /^(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An RDAP date → ms. RFC 3339 as most servers write it, and MarkMonitor's
 * `2028-09-13T07:00:00.000+0000` (no colon in the offset; recorded by meeb/whoisit), which is not
 * the one form `Date.parse` must accept everywhere: the parts are rewritten into that form first.
 * A date without a zone is read as UTC.
 */
export function rdapTime(text: string): number | undefined {
  const m = RDAP_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, found = '', fraction = '', zone = 'Z'] = m;
  const [year, month, day] = found.slice(0, 10).split('-').map(Number);
  // Engines differ on 30 February (V8 rolls it over): only a day that exists is a date.
  if (new Date(Date.UTC(year!, month! - 1, day)).getUTCDate() !== day) return undefined;
  // A bare date (not RFC 3339, but seen from registries) is midnight UTC.
  const base = found.length > 10 ? found.toUpperCase() : `${found}T00:00:00`;
  const ms = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const t = Date.parse(`${base}.${ms}${offset}`);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The date of the first of `actions` present. "last update" is MarkMonitor's name for the
 * registered "last changed" (its google.com answer gives the same instant as Verisign's).
 */
const date = (events: Array<{ eventAction: string; eventDate: string }>, ...actions: string[]) => {
  for (const action of actions) {
    const event = events.find((e) => e.eventAction.trim().toLowerCase() === action);
    const t = event && rdapTime(event.eventDate);
    if (t !== undefined) return t;
  }
  return undefined;
};

/** The status and body of an answer as JSON; 404 is `null` (not an error); other failures as errors. */
function readJson(
  server: string,
  status: number,
  body: string,
  now: number,
  retryAfter: string | null,
): Result<unknown> {
  if (status === 404) return ok(null);
  if (status === 429) {
    const retryAt = parseRetryAfter(retryAfter, now) ?? now + 60_000;
    return fail({
      kind: 'rate-limited',
      retryAt,
      status,
      message: t('registration.limiting', { server, wait: formatWait(retryAt - now) }),
    });
  }
  if (status >= 400)
    return fail({ kind: 'http', status, message: t('registration.httpStatus', { server, status }) });
  try {
    return ok(JSON.parse(body));
  } catch {
    return fail(unexpected(server));
  }
}

const unexpected = (server: string) => ({
  kind: 'bad-response' as const,
  message: t('registration.unexpected', { server }),
});

/** One RDAP domain answer. 404 means not registered (or unknown to that server): `null`, not an error. */
export function readRdapDomain(
  domain: string,
  server: string,
  status: number,
  body: string,
  now: number,
  retryAfter: string | null,
): Result<Registration | null> {
  const json = readJson(server, status, body, now, retryAfter);
  if (!json.ok) return json;
  if (json.value === null) return ok(null);
  const parsed = domainSchema.safeParse(json.value);
  if (!parsed.success) return fail(unexpected(server));
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
  const updated = date(events, 'last changed', 'last update');
  const expires = date(events, 'expiration', 'registrar expiration');
  const registrar = registrarOf(entitiesOf(d.entities ?? []));
  if (created !== undefined) registration.created = created;
  if (updated !== undefined) registration.updated = updated;
  if (expires !== undefined) registration.expires = expires;
  if (registrar) registration.registrar = registrar;
  if (d.secureDNS?.delegationSigned !== undefined)
    registration.delegationSigned = d.secureDNS.delegationSigned;
  return ok(registration);
}

/** The regional registries by the host their RDAP service answers from (data-sources.md §3.4). */
const RIRS: Array<[suffix: string, name: string]> = [
  ['arin.net', 'ARIN'],
  ['ripe.net', 'RIPE NCC'],
  ['apnic.net', 'APNIC'],
  ['lacnic.net', 'LACNIC'],
  ['afrinic.net', 'AFRINIC'],
];

/** Four dotted decimal parts, each possibly zero-padded ("074.125.000.000"). */
const PADDED_IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * An address written by the server, canonical; `undefined` when it is not one. Two older shapes
 * recorded by secynic/ipwhois: ARIN zero-pads IPv4 parts (`"startAddress":"074.125.000.000"`),
 * which ipaddr.js would read as octal (074 = 60), so each part is read as the decimal it is meant
 * to be; RIPE wrote a prefix length after the address (`"62.239.237.0/32"`,
 * `"2a00:2381:ffff::/128"`), which is dropped: the address is the range's first or last one.
 */
function canonicalAddress(value: string | undefined): string | undefined {
  const text = (value ?? '').trim().replace(/\/\d{1,3}$/, '');
  if (PADDED_IPV4.test(text)) {
    const decimal = text
      .split('.')
      .map((part) => String(Number(part)))
      .join('.');
    return ipaddr.IPv4.isValidFourPartDecimal(decimal) ? decimal : undefined;
  }
  return text.includes(':') && ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text).toString() : undefined;
}

function cidrsOf(list: unknown[]): string[] {
  const cidrs: string[] = [];
  for (const raw of list.slice(0, 20)) {
    const c = cidrSchema.safeParse(raw);
    if (!c.success) continue;
    const prefix = canonicalAddress(c.data.v4prefix ?? c.data.v6prefix);
    if (prefix && c.data.length <= (prefix.includes(':') ? 128 : 32))
      cidrs.push(`${prefix}/${c.data.length}`);
  }
  return cidrs;
}

/** One RDAP IP network answer (RFC 9083 §5.4). 404 means no registry holds it: `null`, not an error. */
export function readRdapIp(
  address: string,
  server: string,
  status: number,
  body: string,
  now: number,
  retryAfter: string | null,
): Result<IpRegistration | null> {
  const json = readJson(server, status, body, now, retryAfter);
  if (!json.ok) return json;
  if (json.value === null) return ok(null);
  const parsed = ipSchema.safeParse(json.value);
  if (!parsed.success) return fail(unexpected(server));
  const n = parsed.data;
  if (n.objectClassName !== undefined && n.objectClassName !== 'ip network') return fail(unexpected(server));
  const entities = entitiesOf(n.entities ?? []);
  const events = n.events ?? [];
  const host = server.replace(/:\d+$/, '').toLowerCase();
  const fields: Omit<IpRegistration, 'address' | 'cidrs' | 'statuses' | 'server'> = {
    name: n.name?.trim().slice(0, 100),
    handle: n.handle?.trim().slice(0, 100),
    startAddress: canonicalAddress(n.startAddress),
    endAddress: canonicalAddress(n.endAddress),
    type: n.type?.trim().slice(0, 100),
    country: n.country && /^[a-z]{2}$/i.test(n.country) ? n.country.toUpperCase() : undefined,
    registrant: nameWithRole(entities, 'registrant'),
    abuseEmail: abuseEmail(entities),
    registered: date(events, 'registration'),
    updated: date(events, 'last changed', 'last update'),
    registry: RIRS.find(([suffix]) => host === suffix || host.endsWith(`.${suffix}`))?.[1],
  };
  const network: IpRegistration = {
    address,
    cidrs: cidrsOf(n.cidr0_cidrs ?? []),
    statuses: (n.status ?? []).map((s) => s.slice(0, 100)),
    server,
  };
  // Only the fields the server gave: the answer is stored and compared as plain JSON.
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined && value !== '') Object.assign(network, { [key]: value });
  return ok(network);
}
