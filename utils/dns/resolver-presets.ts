// Public DoH resolvers offered as presets. All speak RFC 8484 wire format at these URLs.
// Filtering resolvers answer NXDOMAIN (or a sinkhole) for names on their block lists, which a
// fact-checker could mistake for "does not exist": the default is a non-filtering one, and the
// options page says which presets filter.
//
// Words the user reads are message keys (the options page translates them); this file stays
// free of i18n code because the content script imports it through the settings defaults.

/** Messages (`locales/parts/options.*.yml`) that describe a preset. */
export type PresetMessage =
  | 'options.presets.adguardUnfiltered'
  | 'options.presets.noFilteringDnssec'
  | 'options.presets.noFiltering'
  | 'options.presets.quad9Filtering';

export interface ResolverPreset {
  id: string;
  /** The brand name, shown as is unless `labelKey` gives a translated label. */
  label: string;
  labelKey?: PresetMessage;
  url: string;
  filtering: boolean;
  note: PresetMessage;
}

export const RESOLVER_PRESETS: readonly ResolverPreset[] = [
  {
    id: 'cloudflare',
    label: 'Cloudflare (1.1.1.1)',
    url: 'https://cloudflare-dns.com/dns-query',
    filtering: false,
    note: 'options.presets.noFilteringDnssec',
  },
  {
    id: 'google',
    label: 'Google Public DNS',
    url: 'https://dns.google/dns-query',
    filtering: false,
    note: 'options.presets.noFilteringDnssec',
  },
  {
    id: 'quad9',
    label: 'Quad9 (9.9.9.9)',
    url: 'https://dns.quad9.net/dns-query',
    filtering: true,
    note: 'options.presets.quad9Filtering',
  },
  {
    id: 'adguard-unfiltered',
    label: 'AdGuard DNS, unfiltered',
    labelKey: 'options.presets.adguardUnfiltered',
    url: 'https://unfiltered.adguard-dns.com/dns-query',
    filtering: false,
    note: 'options.presets.noFiltering',
  },
];

export const DEFAULT_RESOLVER_URL = RESOLVER_PRESETS[0]!.url;

/** Match patterns for the presets' origins: granted at install so presets work without a prompt. */
export const PRESET_ORIGINS: string[] = RESOLVER_PRESETS.map((p) => `${new URL(p.url).origin}/*`);
