// Public DoH resolvers offered as presets. All speak RFC 8484 wire format at these URLs.
// Filtering resolvers answer NXDOMAIN (or a sinkhole) for names on their block lists, which a
// fact-checker could mistake for "does not exist": the default is a non-filtering one, and the
// options page says which presets filter.

export interface ResolverPreset {
  id: string;
  label: string;
  url: string;
  filtering: boolean;
  note: string;
}

export const RESOLVER_PRESETS: readonly ResolverPreset[] = [
  {
    id: 'cloudflare',
    label: 'Cloudflare (1.1.1.1)',
    url: 'https://cloudflare-dns.com/dns-query',
    filtering: false,
    note: 'No filtering. Validates DNSSEC.',
  },
  {
    id: 'google',
    label: 'Google Public DNS',
    url: 'https://dns.google/dns-query',
    filtering: false,
    note: 'No filtering. Validates DNSSEC.',
  },
  {
    id: 'quad9',
    label: 'Quad9 (9.9.9.9)',
    url: 'https://dns.quad9.net/dns-query',
    filtering: true,
    note: 'Filtering: names Quad9 considers malicious answer “does not exist”.',
  },
  {
    id: 'adguard-unfiltered',
    label: 'AdGuard DNS, unfiltered',
    url: 'https://unfiltered.adguard-dns.com/dns-query',
    filtering: false,
    note: 'No filtering.',
  },
];

export const DEFAULT_RESOLVER_URL = RESOLVER_PRESETS[0]!.url;

/** Match patterns for the presets' origins: granted at install so presets work without a prompt. */
export const PRESET_ORIGINS: string[] = RESOLVER_PRESETS.map((p) => `${new URL(p.url).origin}/*`);
