// User settings, validated: what the options page edits and every lookup reads.
//
// A stored value that no longer matches the schema is never silently replaced: it is copied to
// `local:settingsBackup` and the problem is reported, while Hostlens uses the defaults.
import { storage } from 'wxt/utils/storage';
import { checkResolverUrl } from '../dns/resolver-url';
import { normalizeHost } from '../hosts/host';
import { t } from '../i18n/messages';
import { z } from '../zod-jitless';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from './settings-item';

export { DEFAULT_SETTINGS, type Settings, type SourceSwitch } from './settings-item';

const endpoint = z.string().refine((url) => checkResolverUrl(url).ok, 'not a usable https:// URL');
const source = z.object({ enabled: z.boolean(), baseUrl: endpoint });

export const settingsSchema = z.object({
  resolverUrl: z.string().refine((url) => checkResolverUrl(url).ok, 'not a usable DoH resolver URL'),
  excludedSites: z
    .array(z.string().refine((site) => normalizeHost(site)?.name === site, 'not a normalized host name'))
    .max(1000),
  cardTrigger: z.enum(['hover', 'click']),
  hoverDelayMs: z.number().int().min(100).max(2000),
  mnemonic: source,
  cof: source,
  otx: source,
  securitytrails: source,
  virustotal: source,
  dnsdb: source,
  validin: source,
  certspotter: source,
  crtsh: source,
  markStyle: z.enum(['highlight', 'underline']),
  watch: z.object({ intervalMinutes: z.number().int().min(15).max(10_080), notify: z.boolean() }),
  retention: z.object({
    maxChanges: z.number().int().min(100).max(100_000),
    maxDays: z.number().int().min(1).max(3650),
  }),
  rdap: z.object({
    enabled: z.boolean(),
    baseUrl: z.string().refine((url) => url === '' || checkResolverUrl(url).ok, 'not a usable https:// URL'),
    bootstrapUrl: endpoint,
    fallbackUrl: endpoint,
  }),
}) satisfies z.ZodType<Settings>;

const settingsBackup = storage.defineItem<{ savedAt: number; value: unknown } | null>(
  'local:settingsBackup',
  {
    fallback: null,
  },
);

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored value was unreadable and defaults are in use. */
  problem?: string;
}

export async function loadSettings(): Promise<LoadedSettings> {
  const raw: unknown = await settingsItem.getValue();
  // Fields added in later versions (also inside a source's settings) fall back to their
  // defaults; unknown ones are dropped.
  const parsed = settingsSchema.safeParse(withDefaults(raw));
  if (parsed.success) return { settings: parsed.data };
  await settingsBackup.setValue({ savedAt: Date.now(), value: raw });
  return {
    settings: DEFAULT_SETTINGS,
    problem: t('options.settingsUnreadable'),
  };
}

export async function saveSettings(next: Settings): Promise<void> {
  await settingsItem.setValue(settingsSchema.parse(next));
}

function withDefaults(raw: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (!isObject(raw)) return merged;
  for (const [key, value] of Object.entries(raw)) {
    const fallback = merged[key];
    merged[key] = isObject(fallback) && isObject(value) ? { ...fallback, ...value } : value;
  }
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
