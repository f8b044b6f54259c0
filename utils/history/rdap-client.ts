// Asks RDAP for a registered domain: the server comes from IANA's bootstrap file (kept a week)
// unless the user set an RDAP base URL; answers are kept a day. Failures are values.
//
// Lifetime: memory of the current service worker; a new worker fetches the bootstrap again.
import { getDomain } from 'tldts';
import { fail, ok, type Result } from '../lookup/errors';
import { createInflightSharing } from '../lookup/share-inflight';
import { IANA_DNS_BOOTSTRAP, rdapBaseFor, readRdapDomain, type Registration } from './rdap';

const WEEK = 7 * 86_400_000;
const DAY = 86_400_000;
const TIMEOUT_MS = 10_000;

export type RdapAnswer = { domain: string; registration: Registration | null };
export type AskRdap = (name: string, baseUrl: string) => Promise<Result<RdapAnswer>>;

export function createRdapClient(options: { fetch?: typeof fetch; now?: () => number } = {}): AskRdap {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let bootstrap: { json: unknown; expires: number } | null = null;
  const answers = new Map<string, { value: RdapAnswer; expires: number }>();
  const share = createInflightSharing<Result<RdapAnswer>>();

  const get = async (url: string) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await doFetch(url, {
        headers: { Accept: 'application/rdap+json, application/json' },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      return {
        status: response.status,
        body: await response.text(),
        retryAfter: response.headers.get('Retry-After'),
      };
    } finally {
      clearTimeout(timer);
    }
  };

  return (name, baseUrl) => {
    // RDAP knows registered domains, not their subdomains.
    const domain = getDomain(name) ?? name;
    return share(`${baseUrl}|${domain}`, async () => {
      const cached = answers.get(`${baseUrl}|${domain}`);
      if (cached && cached.expires > now()) return ok(cached.value);
      let base = baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : null;
      try {
        if (!base) {
          if (!bootstrap || bootstrap.expires <= now()) {
            const file = await get(IANA_DNS_BOOTSTRAP);
            bootstrap = { json: JSON.parse(file.body), expires: now() + WEEK };
          }
          base = rdapBaseFor(bootstrap.json, domain);
          if (!base) {
            return fail({
              kind: 'http',
              status: 404,
              message: `.${domain.split('.').pop()} has no RDAP service listed by IANA.`,
            });
          }
        }
        const url = new URL(`domain/${encodeURIComponent(domain)}`, base).toString();
        const server = new URL(url).host;
        const response = await get(url);
        const result = readRdapDomain(
          domain,
          server,
          response.status,
          response.body,
          now(),
          response.retryAfter,
        );
        if (!result.ok) return result;
        const value = { domain, registration: result.value };
        answers.set(`${baseUrl}|${domain}`, { value, expires: now() + DAY });
        return ok(value);
      } catch (error) {
        return fail({
          kind: (error as Error).name === 'AbortError' ? 'timeout' : 'network',
          message:
            (error as Error).name === 'AbortError'
              ? 'RDAP did not answer within 10 s.'
              : 'Could not reach the RDAP server.',
        });
      }
    });
  };
}
