// Where settings live, with no validation code: the welcome page and the background's answer
// to a page (`./handle-page-settings.ts`) read this defensively; everything else goes through
// `./settings.ts`, which validates. Content scripts never read it: storage is closed to them
// (`utils/storage/close-storage-to-pages.ts`).
//
// Lifetime: `storage.sync`, versioned from day one; see `./settings.ts` for what happens to a
// value that does not match.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_RESOLVER_URL } from '../dns/resolver-presets';
import * as base from '../history/sources';

export interface Settings {
  /** RFC 8484 endpoint every live-DNS question goes to. */
  resolverUrl: string;
  /** Sites (host names, subdomains included) where Hostlens neither scans nor marks. */
  excludedSites: string[];
  /** When a card opens (and its lookup happens): after the pointer rests on a host, or on click. */
  cardTrigger: 'hover' | 'click';
  /** How long the pointer must rest on a host before its card opens. */
  hoverDelayMs: number;
  /** Mnemonic's passive DNS (keyless): on or off, and where (a proxy or a test server). */
  mnemonic: SourceSwitch;
  /** A self-hosted or partner server speaking the Passive DNS Common Output Format (CIRCL, D4). */
  cof: SourceSwitch;
  /** Keyed passive-DNS sources: off until the user gives a key (kept in storage.local). */
  otx: SourceSwitch;
  securitytrails: SourceSwitch;
  virustotal: SourceSwitch;
  dnsdb: SourceSwitch;
  validin: SourceSwitch;
  /**
   * Registration data over RDAP. An empty `baseUrl` means "find the registry's server in IANA's
   * bootstrap files at `bootstrapUrl`", and `fallbackUrl` (rdap.org) when IANA lists none.
   */
  rdap: SourceSwitch & { bootstrapUrl: string; fallbackUrl: string };
  /** Certificate Transparency through Cert Spotter (keyless). */
  certspotter: SourceSwitch;
  /** Certificate Transparency through crt.sh (keyless, best effort: often slow or down). */
  crtsh: SourceSwitch;
  /** How marks look in pages. */
  markStyle: 'highlight' | 'underline';
  /** Watchlist: how often each host is re-checked (15 min to 7 days) and whether changes notify. */
  watch: { intervalMinutes: number; notify: boolean };
  /** How much of the change log is kept on this computer; the oldest entries go first. */
  retention: { maxChanges: number; maxDays: number };
}

export interface SourceSwitch {
  enabled: boolean;
  baseUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  resolverUrl: DEFAULT_RESOLVER_URL,
  excludedSites: [],
  cardTrigger: 'hover',
  hoverDelayMs: 350,
  mnemonic: { enabled: true, baseUrl: base.MNEMONIC_DEFAULT_BASE },
  cof: { enabled: false, baseUrl: base.COF_DEFAULT_BASE },
  otx: { enabled: false, baseUrl: base.OTX_DEFAULT_BASE },
  securitytrails: { enabled: false, baseUrl: base.SECURITYTRAILS_DEFAULT_BASE },
  virustotal: { enabled: false, baseUrl: base.VIRUSTOTAL_DEFAULT_BASE },
  dnsdb: { enabled: false, baseUrl: base.DNSDB_DEFAULT_BASE },
  validin: { enabled: false, baseUrl: base.VALIDIN_DEFAULT_BASE },
  rdap: {
    enabled: true,
    baseUrl: '',
    bootstrapUrl: base.RDAP_BOOTSTRAP_DEFAULT_BASE,
    fallbackUrl: base.RDAP_FALLBACK_DEFAULT_BASE,
  },
  certspotter: { enabled: true, baseUrl: base.CERTSPOTTER_DEFAULT_BASE },
  crtsh: { enabled: true, baseUrl: base.CRTSH_DEFAULT_BASE },
  markStyle: 'highlight',
  watch: { intervalMinutes: 360, notify: true },
  retention: { maxChanges: 5000, maxDays: 365 },
};

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Whether Hostlens stays off on a page of `hostname`. Defensive: the stored value is unvalidated here. */
export function isExcludedSite(hostname: string, settings: unknown): boolean {
  const sites = (settings as Partial<Settings> | null)?.excludedSites;
  if (!Array.isArray(sites)) return false;
  const host = hostname.toLowerCase();
  return sites.some(
    (site) => typeof site === 'string' && site !== '' && (host === site || host.endsWith(`.${site}`)),
  );
}

/** What a page's marks and cards follow. */
export type MarkSettings = Pick<Settings, 'cardTrigger' | 'hoverDelayMs' | 'markStyle'>;

/** What a page's content script is told before it marks anything. */
export interface PageSettings extends MarkSettings {
  /** Hostlens stays off on this page (decided from the sender's address, never sent by the page). */
  excluded: boolean;
}

/** What a page's marks and cards follow, read defensively: the stored value is unvalidated here. */
export function pageSettings(settings: unknown): MarkSettings {
  const raw = (settings ?? {}) as Partial<Settings>;
  const delay = Number(raw.hoverDelayMs);
  return {
    cardTrigger: raw.cardTrigger === 'click' ? 'click' : 'hover',
    markStyle: raw.markStyle === 'underline' ? 'underline' : 'highlight',
    hoverDelayMs: Number.isFinite(delay)
      ? Math.min(2000, Math.max(100, delay))
      : DEFAULT_SETTINGS.hoverDelayMs,
  };
}
