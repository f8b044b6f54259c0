// Asks RDAP for a registered domain: the server comes from IANA's bootstrap file (kept a week)
// unless the user set an RDAP base URL; answers are kept a day. Failures are values.
//
// Lifetime: memory of the current service worker; a new worker fetches the bootstrap again.
import { getDomain } from 'tldts';
import { fail, ok, type Result } from '../lookup/errors';
import { createInflightSharing } from '../lookup/share-inflight';
import { fetchText } from './fetch-text';
import { IANA_DNS_BOOTSTRAP, rdapBaseFor, readRdapDomain, type Registration } from './rdap';

const WEEK = 7 * 86_400_000;
const DAY = 86_400_000;

export type RdapAnswer = { domain: string; registration: Registration | null };
export type AskRdap = (name: string, baseUrl: string) => Promise<Result<RdapAnswer>>;

export function createRdapClient(options: { fetch?: typeof fetch; now?: () => number } = {}): AskRdap {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let bootstrap: { json: unknown; expires: number } | null = null;
  const answers = new Map<string, { value: RdapAnswer; expires: number }>();
  const share = createInflightSharing<Result<RdapAnswer>>();

  return (name, baseUrl) => {
    // RDAP knows registered domains, not their subdomains.
    const domain = getDomain(name) ?? name;
    return share(`${baseUrl}|${domain}`, async () => {
      const cached = answers.get(`${baseUrl}|${domain}`);
      if (cached && cached.expires > now()) return ok(cached.value);
      let base = baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : null;
      const get = (url: string) =>
        fetchText(url, { source: 'RDAP', accept: 'application/rdap+json, application/json', fetch: doFetch });
      if (!base) {
        if (!bootstrap || bootstrap.expires <= now()) {
          const file = await get(IANA_DNS_BOOTSTRAP);
          if (!file.ok) return file;
          try {
            bootstrap = { json: JSON.parse(file.value.body), expires: now() + WEEK };
          } catch {
            return fail({
              kind: 'bad-response',
              message: 'IANA’s RDAP list answered in an unexpected format.',
            });
          }
        }
        base = rdapBaseFor(bootstrap.json, domain);
        if (!base)
          return fail({
            kind: 'http',
            status: 404,
            message: `.${domain.split('.').pop()} has no RDAP service listed by IANA.`,
          });
      }
      const url = new URL(`domain/${encodeURIComponent(domain)}`, base).toString();
      const server = new URL(url).host;
      const response = await get(url);
      if (!response.ok) return response;
      const result = readRdapDomain(
        domain,
        server,
        response.value.status,
        response.value.body,
        now(),
        response.value.retryAfter,
      );
      if (!result.ok) return result;
      const value = { domain, registration: result.value };
      answers.set(`${baseUrl}|${domain}`, { value, expires: now() + DAY });
      return ok(value);
    });
  };
}
