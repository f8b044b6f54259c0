// Asks RDAP about a registered domain or an IP address. The server is the user's RDAP base URL
// when set; otherwise the registry IANA's bootstrap files name (dns.json, ipv4.json, ipv6.json
// under `bootstrapUrl`, kept a week); when they name none, or can't be read, the redirector at
// `fallbackUrl` (rdap.org: it answers 302 to the registry, which `fetch` follows). Answers are
// kept a day. The redirector's allowance (10 requests in 10 s) is never exceeded, and a 429 from
// any server holds further requests to it until its Retry-After. Failures are values. A server
// the bootstrap lists over plain http only is asked over https first; an answer that still came
// over http (or a redirect that led there) is marked so the registration section can say so.
//
// Lifetime: answers and bootstrap files are in `storage.local` (a restarted worker does not
// fetch them again); the allowance, 429 holds and bootstrap failures are memory of the current
// worker — a worker is stopped only after 30 s idle, longer than the 10-s window.
import { t } from '../i18n/messages';
import ipaddr from 'ipaddr.js';
import { getDomain } from 'tldts';
import type { Host } from '../hosts/host';
import { fail, formatWait, ok, parseRetryAfter, type Result } from '../lookup/errors';
import { createInflightSharing } from '../lookup/share-inflight';
import { MAX_BUDGET_WAIT_MS, SourceBudget, type SpendPurpose } from '../lookup/source-budget';
import { createStoredCache, type StoredCache } from '../lookup/stored-cache';
import type { Settings } from '../settings/settings-item';
import { fetchText, type TextResponse } from './fetch-text';
import {
  rdapBaseFor,
  readBootstrap,
  readRdapDomain,
  readRdapIp,
  type Bootstrap,
  type RdapRecord,
} from './rdap';
import { isLoopbackUrl } from '../dns/resolver-url';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** "Not registered" is kept an hour only: a name being registered now should show up soon. */
const NOT_FOUND_TTL = 3600_000;
/** After a bootstrap file failed, the fallback is used straight away for this long. */
const BOOTSTRAP_RETRY_MS = 15 * 60_000;
/** rdap.org's documented limit (data-sources.md §3.2). */
const FALLBACK_BUDGET = [{ limit: 10, windowMs: 10_000 }];
const ACCEPT = 'application/rdap+json, application/json';

export type RdapSettings = Pick<Settings['rdap'], 'baseUrl' | 'bootstrapUrl' | 'fallbackUrl'>;

/** A record, marked when it came over plain http: anyone on the path could read or change it. */
export type RdapFinding = RdapRecord & { unencrypted?: true };

export type RdapAnswer =
  | { outcome: 'found'; record: RdapFinding }
  /** The server knows no such domain or network. */
  | { outcome: 'not-found'; query: string; server: string }
  /** No RDAP server is known for this TLD or address: not an error, nothing to ask. */
  | { outcome: 'no-service'; query: string; message: string };

export type AskRdap = (
  host: Host,
  settings: RdapSettings,
  /** `purpose` says whose allowance the request may use (`SourceBudget`); a card's by default. */
  options?: { fresh?: boolean; purpose?: SpendPurpose },
) => Promise<Result<RdapAnswer>>;

export interface RdapClientOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  answers?: StoredCache<RdapAnswer>;
  bootstraps?: StoredCache<Bootstrap>;
  budget?: SourceBudget;
}

type Kind = 'domain' | 'ip';

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
const hostOf = (url: string) => new URL(url).host;

/** Addresses no registry holds (private, loopback, documentation…), in words for the reader. */
const SPECIAL_RANGES = [
  'private',
  'loopback',
  'linkLocal',
  'uniqueLocal',
  'carrierGradeNat',
  'multicast',
] as const;
const isNamedRange = (range: string): range is (typeof SPECIAL_RANGES)[number] =>
  (SPECIAL_RANGES as readonly string[]).includes(range);

/** Why no registry holds `address`, as a sentence; null for an ordinary (unicast) address. */
function specialRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return t('registration.special.notAddress', { address });
  const range = ipaddr.parse(address).range();
  if (range === 'unicast') return null;
  return isNamedRange(range)
    ? t(`registration.special.${range}`, { address })
    : t('registration.special.specialPurpose', { address });
}

/** RDAP knows registered domains, not their subdomains; addresses as they are. */
const rdapQuery = (host: Host) => (host.kind === 'domain' ? (getDomain(host.name) ?? host.name) : host.name);

/** Where an answer is kept (the `rdap` stored cache): readers that must not fetch use it too. */
export function rdapCacheKey(host: Host, settings: RdapSettings): string {
  const where = settings.baseUrl || `${settings.bootstrapUrl}|${settings.fallbackUrl}`;
  return `${where}|${host.kind === 'domain' ? 'domain' : 'ip'}/${rdapQuery(host)}`;
}

export function createRdapClient(options: RdapClientOptions = {}): AskRdap {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const answers = options.answers ?? createStoredCache<RdapAnswer>('rdap', { maxEntries: 500, now });
  const bootstraps =
    options.bootstraps ?? createStoredCache<Bootstrap>('rdap-bootstrap', { maxEntries: 10, now });
  const budget = options.budget ?? new SourceBudget({ now });
  const held = new Map<string, number>();
  const bootstrapFailedAt = new Map<string, number>();
  const shareAnswer = createInflightSharing<Result<RdapAnswer>>();
  const shareBootstrap = createInflightSharing<Bootstrap | null>();

  /**
   * One GET; `finalHost` is the host that answered after redirects (rdap.org → the registry),
   * `encrypted` whether that last hop was https or never left this computer (a server of the
   * user's own on loopback: nobody on a network path could read or change it).
   */
  async function get(url: string): Promise<Result<TextResponse & { finalHost: string; encrypted: boolean }>> {
    const host = hostOf(url);
    const until = held.get(host);
    if (until !== undefined && until > now())
      return fail({
        kind: 'rate-limited',
        retryAt: until,
        message: t('registration.limiting', { server: host, wait: formatWait(until - now()) }),
      });
    let finalUrl = url;
    const response = await fetchText(url, {
      source: t('registration.serverSource', { server: host }),
      accept: ACCEPT,
      fetch: async (input, init) => {
        const r = await doFetch(input, init);
        if (r.url) finalUrl = r.url;
        return r;
      },
    });
    if (!response.ok) return response;
    const finalHost = hostOf(finalUrl);
    const last = new URL(finalUrl);
    return ok({ ...response.value, finalHost, encrypted: last.protocol === 'https:' || isLoopbackUrl(last) });
  }

  /** A bootstrap file, from the cache or the network; `null` when it can't be had. */
  async function loadBootstrap(url: string): Promise<Bootstrap | null> {
    const cached = await bootstraps.get(url);
    if (cached) return cached;
    if (now() - (bootstrapFailedAt.get(url) ?? -Infinity) < BOOTSTRAP_RETRY_MS) return null;
    return shareBootstrap(url, async () => {
      const file = await fetchText(url, {
        source: t('registration.bootstrapSource', { server: hostOf(url) }),
        accept: 'application/json',
        fetch: doFetch,
      });
      let parsed: Bootstrap | null = null;
      if (file.ok && file.value.status === 200) {
        try {
          parsed = readBootstrap(JSON.parse(file.value.body));
        } catch {
          parsed = null;
        }
      }
      if (!parsed) {
        bootstrapFailedAt.set(url, now());
        return null;
      }
      await bootstraps.set(url, parsed, WEEK);
      return parsed;
    });
  }

  /** Which server to ask, and whether it is the fallback (whose 404 means "no server known"). */
  async function findBase(kind: Kind, query: string, settings: RdapSettings) {
    if (settings.baseUrl) return { base: withSlash(settings.baseUrl), fallback: false };
    const file = kind === 'domain' ? 'dns.json' : query.includes(':') ? 'ipv6.json' : 'ipv4.json';
    const bootstrap = await loadBootstrap(new URL(file, withSlash(settings.bootstrapUrl)).toString());
    const base = bootstrap && rdapBaseFor(bootstrap, query);
    if (base) return { base, fallback: false, listed: true };
    return settings.fallbackUrl ? { base: withSlash(settings.fallbackUrl), fallback: true } : null;
  }

  /**
   * A server listed over http only: the same host and path over https first. Its answer stands
   * when it is an RDAP one (a JSON object, or a 429 to honour); plain http only when https can't
   * be reached or another site answers there (a web page), and `get` reports that unencrypted.
   */
  async function getPreferringHttps(url: URL): ReturnType<typeof get> {
    const secure = new URL(url);
    secure.protocol = 'https:';
    const answer = await get(secure.toString());
    const rdap = answer.ok
      ? answer.value.status === 429 ||
        /json/i.test(answer.value.contentType ?? '') ||
        answer.value.body.trimStart().startsWith('{')
      : answer.error.kind !== 'network' && answer.error.kind !== 'timeout';
    return rdap ? answer : get(url.toString());
  }

  /** Spends one request of the fallback's allowance, waiting a little if that is all it takes. */
  async function spend(host: string, purpose: SpendPurpose): Promise<Result<true>> {
    const spent = await budget.take(host, FALLBACK_BUDGET, { maxWaitMs: MAX_BUDGET_WAIT_MS, sleep, purpose });
    if (spent.ok) return ok(true);
    return fail({
      kind: 'rate-limited',
      retryAt: spent.retryAt,
      message: t('registration.pacing', { server: host, wait: formatWait(spent.retryAt - now()) }),
    });
  }

  async function lookUp(
    kind: Kind,
    query: string,
    settings: RdapSettings,
    purpose: SpendPurpose,
  ): Promise<Result<RdapAnswer>> {
    const noService: RdapAnswer = {
      outcome: 'no-service',
      query,
      message:
        kind === 'domain'
          ? t('registration.noServiceDomain', { tld: query.split('.').pop() ?? query })
          : t('registration.noServiceAddress', { address: query }),
    };
    const route = await findBase(kind, query, settings);
    if (!route) return ok(noService);
    // IP addresses are plain ASCII ('.', ':', hex) and go into the path as they are.
    const url = new URL(
      kind === 'domain' ? `domain/${encodeURIComponent(query)}` : `ip/${query}`,
      route.base,
    );
    const fallbackHost = settings.fallbackUrl ? hostOf(withSlash(settings.fallbackUrl)) : null;
    if (url.host === fallbackHost) {
      const spent = await spend(url.host, purpose);
      if (!spent.ok) return spent;
    }
    const response =
      'listed' in route && url.protocol === 'http:'
        ? await getPreferringHttps(url)
        : await get(url.toString());
    if (!response.ok) return response;
    const { status, body, retryAfter, finalHost, encrypted } = response.value;
    if (status === 429) {
      // Nothing more to that server (nor to the redirector that led to it) until it allows.
      const retryAt = parseRetryAfter(retryAfter, now()) ?? now() + 60_000;
      held.set(url.host, retryAt);
      held.set(finalHost, retryAt);
    }
    // rdap.org answers 404 itself when it knows no server; a registry's 404 comes after a redirect.
    if (status === 404 && route.fallback && finalHost === url.host) return ok(noService);
    const read =
      kind === 'domain'
        ? readRdapDomain(query, finalHost, status, body, now(), retryAfter)
        : readRdapIp(query, finalHost, status, body, now(), retryAfter);
    if (!read.ok) return read;
    return ok(
      read.value
        ? { outcome: 'found', record: encrypted ? read.value : { ...read.value, unencrypted: true } }
        : { outcome: 'not-found', query, server: finalHost },
    );
  }

  return async (host, settings, { fresh = false, purpose = 'interactive' } = {}) => {
    if (host.kind !== 'domain') {
      const special = specialRange(host.name);
      if (special)
        return ok({
          outcome: 'no-service',
          query: host.name,
          message: special,
        });
    }
    const kind: Kind = host.kind === 'domain' ? 'domain' : 'ip';
    const query = rdapQuery(host);
    const key = rdapCacheKey(host, settings);
    if (!fresh) {
      const cached = await answers.get(key);
      if (cached) return ok(cached);
    }
    // A watchlist check never waits on a card's request, which may be refused for want of the
    // allowance the check may still use.
    return shareAnswer(`${purpose}|${key}`, async () => {
      const result = await lookUp(kind, query, settings, purpose);
      if (result.ok)
        await answers.set(key, result.value, result.value.outcome === 'not-found' ? NOT_FOUND_TTL : DAY);
      return result;
    });
  };
}
