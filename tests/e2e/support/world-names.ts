// The names of the reader's world in the end-to-end tests. Articles are served from a
// public-looking name, and the services Hostlens uses by default are reached under their real
// names; the browsers under test send all of them to servers on loopback (world.ts).
import { DEFAULT_RESOLVER_URL } from '../../../utils/dns/resolver-presets';
import {
  CERTSPOTTER_DEFAULT_BASE,
  CRTSH_DEFAULT_BASE,
  MNEMONIC_DEFAULT_BASE,
  RDAP_BOOTSTRAP_DEFAULT_BASE,
  RDAP_FALLBACK_DEFAULT_BASE,
} from '../../../utils/history/sources';

/** Where test articles are served from (any port): a name like a newspaper's, not loopback's. */
export const ARTICLE_HOST = 'news.example-paper.com';

const hostOf = (url: string) => new URL(url).hostname;

/** The default services, by the role they play, under the names a fresh install uses. */
export const DEFAULT_SERVICE_HOSTS = {
  resolver: hostOf(DEFAULT_RESOLVER_URL),
  mnemonic: hostOf(MNEMONIC_DEFAULT_BASE),
  bootstrap: hostOf(RDAP_BOOTSTRAP_DEFAULT_BASE),
  rdapOrg: hostOf(RDAP_FALLBACK_DEFAULT_BASE),
  certspotter: hostOf(CERTSPOTTER_DEFAULT_BASE),
  crtsh: hostOf(CRTSH_DEFAULT_BASE),
} as const;

/**
 * The registry IANA's bootstrap names for `.com` and `.net` (as the real dns.json does): a
 * first-run registration lookup of a .com name goes there.
 */
export const COM_REGISTRY = { host: 'rdap.verisign.com', base: 'https://rdap.verisign.com/com/v1/' } as const;
