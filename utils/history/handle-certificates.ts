// The `lookupCertificates` message: names seen in certificates (Certificate Transparency) for a
// name's registered domain, from Cert Spotter and crt.sh merged. Cert Spotter is the reliable
// one (clean JSON, a small hourly allowance); crt.sh is a best-effort extra (short timeout, one
// retry on 502/503/504): when it fails and Cert Spotter answered, the names are shown with a
// line saying what crt.sh did.
//
// Lifetime: each source's answer per domain is kept 6 hours in `storage.local` (so a failing
// crt.sh is asked again without spending Cert Spotter's allowance); Cert Spotter's spent
// allowance and any 429 or "crt.sh is down" hold are in `storage.local` too, read back before
// the first answer of a new worker. In-flight sharing is memory of the current worker.
import { getDomain } from 'tldts';
import { parseLookupInput } from '../hosts/parse-input';
import { fail, formatWait, ok, type LookupError, type Result } from '../lookup/errors';
import { t } from '../i18n/messages';
import { createPersistedLimits } from '../lookup/persisted-limits';
import { createInflightSharing } from '../lookup/share-inflight';
import { createStoredCache, type StoredCache } from '../lookup/stored-cache';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import { keyFor } from '../settings/key-binding';
import type { BoundKey } from '../settings/keyed-sources';
import { loadSourceKeys } from '../settings/source-keys';
import type { BudgetWindow } from './adapter';
import {
  CERTSPOTTER_SOURCE,
  certSpotterUrl,
  readCertSpotter,
  sortNames,
  tallyNames,
  type CertName,
  type CertRecord,
  type SourceNames,
} from './certspotter';
import { CRTSH_BUSY, CRTSH_SOURCE, crtshUrl, readCrtsh } from './crtsh';
import { fetchText } from './fetch-text';
import type { Section } from './history-report';

const TTL_MS = 6 * 3600_000;
const SHOWN = 50;
/** "100 full-domain queries an hour" keyless (data-sources.md §4.2) [unverified]; a key raises it (guessed). */
const CERTSPOTTER_BUDGET: BudgetWindow[] = [{ limit: 100, windowMs: 3600_000 }];
const CERTSPOTTER_KEYED_BUDGET: BudgetWindow[] = [{ limit: 1000, windowMs: 3600_000 }];
/**
 * Pages read per domain. Each page spends one of the ~100 hourly queries, so 3 pages keep one
 * card at 3 % of the allowance; a domain with more issuances than that is a big site whose
 * newest names are not the story, and the section says that more were not read.
 */
const CERTSPOTTER_PAGES = 3;
/**
 * A page this size is taken as full (there may be another); a shorter one is the last, which
 * spares small domains the request that would only return `[]`. Page size is not documented;
 * 100 is what clients have seen [unverified].
 */
const CERTSPOTTER_FULL_PAGE = 100;
/** crt.sh either answers fast or hangs until its own statement timeout: waiting longer buys little. */
const CRTSH_TIMEOUT_MS = 6000;
const CRTSH_RETRY_DELAY_MS = 1000;
/** After crt.sh failed (twice busy, timeout, unreachable), cards don't wait for it again for a while. */
const CRTSH_DOWN_HOLD_MS = 2 * 60_000;

export interface CertSourceOutcome {
  source: string;
  state: 'ok' | 'empty' | 'error';
  /** Distinct names the source listed. */
  found: number;
  /** The source has certificates Hostlens did not read. */
  more: boolean;
  message?: string;
}

export interface CertificatesReport {
  /** The newest-first names shown (at most 50; the section's `total` says how many were found). */
  names: CertName[];
  /** Every source asked, in order: a failing one is named under the names. */
  sources: CertSourceOutcome[];
}

export interface CertificatesOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  cache?: StoredCache<SourceNames>;
}

/** One list of names from several sources: earliest date, issuers and sources joined. */
export function mergeNames(lists: SourceNames[]): CertName[] {
  const merged = new Map<string, CertName>();
  for (const list of lists) {
    for (const entry of list.names) {
      const known = merged.get(entry.name);
      if (!known) {
        merged.set(entry.name, { ...entry, issuers: [...entry.issuers], sources: [...entry.sources] });
        continue;
      }
      known.firstSeen = Math.min(known.firstSeen, entry.firstSeen);
      // Both sources list mostly the same certificates: the larger count, not the sum.
      known.certificates = Math.max(known.certificates, entry.certificates);
      for (const issuer of entry.issuers)
        if (!known.issuers.includes(issuer) && known.issuers.length < 5) known.issuers.push(issuer);
      for (const source of entry.sources) if (!known.sources.includes(source)) known.sources.push(source);
    }
  }
  return sortNames([...merged.values()]);
}

/** The section for what the sources answered, in the order they were asked. */
export function certificatesSection(
  answers: Array<{ source: string; result: Result<SourceNames> }>,
): Section<CertificatesReport> {
  const lists = answers.flatMap((a) => (a.result.ok ? [a.result.value] : []));
  const errors = answers.flatMap((a) => (a.result.ok ? [] : [a.result.error]));
  if (lists.length === 0) {
    const error: LookupError = { ...errors[0]!, message: errors.map((e) => e.message).join(' ') };
    return { state: 'error', error };
  }
  const sources = answers.map(({ source, result }): CertSourceOutcome => {
    if (!result.ok) return { source, state: 'error', found: 0, more: false, message: result.error.message };
    const { found, more } = result.value;
    return { source, state: found ? 'ok' : 'empty', found, more };
  });
  const names = mergeNames(lists);
  // Every source answered and none knows a certificate: nothing to show, nothing to explain.
  if (names.length === 0 && errors.length === 0) return { state: 'empty' };
  // A source's names beyond the ones kept are counted by `found`: the total is at least that.
  const total = Math.max(names.length, ...lists.map((l) => l.found));
  return { state: 'ok', data: { names: names.slice(0, SHOWN), sources }, total };
}

export function createCertificatesHandler(options: CertificatesOptions = {}) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const cache = options.cache ?? createStoredCache<SourceNames>('certificates', { maxEntries: 100, now });
  const { budget, gate, ready } = createPersistedLimits(
    { budget: 'local:certificateBudget', holds: 'local:certificateHolds' },
    { maxConcurrent: 1, now },
  );
  const share = createInflightSharing<Result<SourceNames>>();

  /** A source's answer from the cache, or asked (once, however many cards ask at the same time). */
  async function remembered(key: string, fresh: boolean, ask: () => Promise<Result<SourceNames>>) {
    if (!fresh) {
      const hit = await cache.get(key).catch(() => undefined);
      if (hit) return ok(hit);
    }
    return share(key, async () => {
      const result = await ask();
      // A full storage.local only costs the cache.
      if (result.ok) await cache.set(key, result.value, TTL_MS).catch(() => undefined);
      return result;
    });
  }

  async function askCertSpotter(base: string, domain: string, key: BoundKey | undefined) {
    const endpoint = `certspotter|${base}`;
    const records: CertRecord[] = [];
    let after: string | undefined;
    let more = false;
    for (let page = 0; page < CERTSPOTTER_PAGES; page++) {
      const read = await certSpotterPage(endpoint, certSpotterUrl(base, domain, after), key);
      if (!read.ok) {
        // A later page failing still leaves the pages already read worth showing.
        if (page === 0) return read;
        more = true;
        break;
      }
      records.push(...read.value.records);
      if (read.value.size < CERTSPOTTER_FULL_PAGE || read.value.lastId === undefined) break;
      after = read.value.lastId;
      more = page === CERTSPOTTER_PAGES - 1;
    }
    return ok(tallyNames(CERTSPOTTER_SOURCE, records, more));
  }

  async function certSpotterPage(endpoint: string, url: string, key: BoundKey | undefined) {
    const held = gate.blockedUntil(endpoint);
    if (held !== undefined)
      return fail({
        kind: 'rate-limited',
        retryAt: held,
        message: t('certificates.certspotterHourly', { wait: formatWait(held - now()) }),
      });
    // Only cards and the details view ask for certificates (the watchlist doesn't), so they hold
    // back the watchlist's part of Cert Spotter's hour too: a watchlist check of certificates
    // would find it there, and one rule for every source is easier to trust.
    const spent = budget.spend(endpoint, key ? CERTSPOTTER_KEYED_BUDGET : CERTSPOTTER_BUDGET, 'interactive');
    if (!spent.ok)
      return fail({
        kind: 'rate-limited',
        retryAt: spent.retryAt,
        message: t('certificates.certspotterPacing', { wait: formatWait(spent.retryAt - now()) }),
      });
    const response = await gate.run(endpoint, () =>
      fetchText(url, {
        source: CERTSPOTTER_SOURCE,
        accept: 'application/json',
        headers: key ? { Authorization: `Bearer ${key.key}` } : {},
        ...(key && { keyOrigin: key.origin }),
        fetch: options.fetch,
      }),
    );
    if (!response.ok) return response;
    const { status, body, retryAfter } = response.value;
    const read = readCertSpotter(status, body, now(), retryAfter);
    if (!read.ok && read.error.retryAt) gate.block(endpoint, read.error.retryAt);
    return read;
  }

  /** One crt.sh query at a time: it is overloaded more often than not. */
  function askCrtsh(base: string, domain: string): Promise<Result<SourceNames>> {
    return gate.run(`crtsh|${base}`, () => askCrtshNow(base, domain));
  }

  async function askCrtshNow(base: string, domain: string): Promise<Result<SourceNames>> {
    const limited = `crtsh|${base}`;
    const down = `crtsh-down|${base}`;
    // Checked once its turn has come: cards queued behind a failure don't each wait for a timeout.
    const heldLimited = gate.blockedUntil(limited);
    if (heldLimited !== undefined)
      return fail({
        kind: 'rate-limited',
        retryAt: heldLimited,
        message: t('certificates.crtshLimiting', { wait: formatWait(heldLimited - now()) }),
      });
    const heldDown = gate.blockedUntil(down);
    if (heldDown !== undefined)
      return fail({
        kind: 'network',
        message: t('certificates.crtshDown', { wait: formatWait(heldDown - now()) }),
      });
    const url = crtshUrl(base, domain);
    for (let attempt = 1; ; attempt++) {
      const response = await fetchText(url, {
        source: CRTSH_SOURCE,
        accept: 'application/json',
        timeoutMs: CRTSH_TIMEOUT_MS,
        fetch: options.fetch,
      });
      if (!response.ok) {
        gate.block(down, now() + CRTSH_DOWN_HOLD_MS);
        return response;
      }
      const read = readCrtsh(response.value, domain, now());
      if (read.ok) return ok(tallyNames(CRTSH_SOURCE, read.value.records, read.value.more));
      if (read.error.kind === 'rate-limited' && read.error.retryAt) gate.block(limited, read.error.retryAt);
      const busy = read.error.status !== undefined && CRTSH_BUSY.includes(read.error.status);
      if (!busy) return read;
      // Busy is often momentary (a query queue, a restarting backend): one more try, then rest.
      if (attempt === 1) {
        await sleep(CRTSH_RETRY_DELAY_MS);
        continue;
      }
      gate.block(down, now() + CRTSH_DOWN_HOLD_MS);
      return read;
    }
  }

  return async (data: unknown): Promise<Section<CertificatesReport>> => {
    const request = messageSchemas.lookupCertificates.safeParse(data);
    if (!request.success)
      return { state: 'error', error: { kind: 'bad-response', message: t('certificates.malformedRequest') } };
    const parsed = parseLookupInput(request.data.input);
    if (!parsed.ok) return { state: 'error', error: { kind: 'bad-response', message: parsed.message } };
    if (parsed.host.kind !== 'domain') return { state: 'disabled', message: t('certificates.namesOnly') };
    await ready;
    const [{ settings }, keys] = await Promise.all([loadSettings(), loadSourceKeys()]);
    const { certspotter, crtsh } = settings;
    if (!certspotter.enabled && !crtsh.enabled) return { state: 'disabled', message: t('certificates.off') };
    // Both sources are asked about the registered domain only, never the full name looked up.
    const domain = getDomain(parsed.host.name) ?? parsed.host.name;
    const fresh = request.data.fresh ?? false;
    const asked: Array<Promise<{ source: string; result: Result<SourceNames> }>> = [];
    const bound = keyFor(keys, 'certspotter', certspotter.baseUrl);
    if (certspotter.enabled && bound.state === 'moved') {
      // A key entered for another server: not sent, and not silently dropped either.
      const { from, to } = bound;
      const message = t('sources.error.keyMoved', { source: CERTSPOTTER_SOURCE, from, to });
      asked.push(Promise.resolve({ source: CERTSPOTTER_SOURCE, result: fail({ kind: 'auth', message }) }));
    } else if (certspotter.enabled) {
      const key = `certspotter|${certspotter.baseUrl}|${domain}`;
      const usable = bound.state === 'usable' ? bound.key : undefined;
      const result = remembered(key, fresh, () => askCertSpotter(certspotter.baseUrl, domain, usable));
      asked.push(result.then((r) => ({ source: CERTSPOTTER_SOURCE, result: r })));
    }
    if (crtsh.enabled) {
      const key = `crtsh|${crtsh.baseUrl}|${domain}`;
      const result = remembered(key, fresh, () => askCrtsh(crtsh.baseUrl, domain));
      asked.push(result.then((r) => ({ source: CRTSH_SOURCE, result: r })));
    }
    return certificatesSection(await Promise.all(asked));
  };
}
