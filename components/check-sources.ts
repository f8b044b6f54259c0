// Checks the sources part of the options form before saving: every base URL usable, every
// source that needs a key has one, and which origins Hostlens must be allowed to contact.
import { t } from '@/utils/i18n/messages';
import { checkResolverUrl, originPattern } from '@/utils/dns/resolver-url';
import type { Settings } from '@/utils/settings/settings';
import type { KeyedSource } from '@/utils/settings/keyed-sources';
import { SOURCE_ROWS } from './source-rows';
import type { SourceSettings } from './history-sources';

export type SourcesCheck =
  { ok: true; settings: SourceSettings; origins: string[] } | { ok: false; message: string };

/** `keys`: which sources have a key (typed now, or stored before), by any truthy value. */
export function checkSources(settings: Settings, keys: Partial<Record<KeyedSource, unknown>>): SourcesCheck {
  const next = { ...settings } as SourceSettings;
  const origins: string[] = [];
  const url = (label: string, input: string): { ok: true; url: string } | { ok: false; message: string } => {
    const checked = checkResolverUrl(input);
    return checked.ok
      ? checked
      : { ok: false, message: t('sources.fieldProblem', { field: label, problem: checked.message }) };
  };
  for (const row of SOURCE_ROWS) {
    const source = settings[row.id];
    if (row.id === 'rdap' && !source.baseUrl.trim()) {
      next.rdap = { ...settings.rdap, baseUrl: '' };
    } else {
      const base = url(t('sources.baseUrlLabel', { source: row.label }), source.baseUrl);
      if (!base.ok) return base;
      Object.assign(next, { [row.id]: { ...next[row.id], baseUrl: base.url } });
      if (source.enabled) origins.push(originPattern(base.url));
    }
    if (source.enabled && row.keyNeed === 'required' && row.key && !keys[row.key])
      return { ok: false, message: t('sources.needsKey', { source: row.label }) };
  }
  for (const [label, field] of [
    [t('sources.rdapBootstrapUrl'), 'bootstrapUrl'],
    [t('sources.rdapFallbackUrl'), 'fallbackUrl'],
  ] as const) {
    const checked = url(label, settings.rdap[field]);
    if (!checked.ok) return checked;
    next.rdap = { ...next.rdap, [field]: checked.url };
    if (settings.rdap.enabled && !next.rdap.baseUrl) origins.push(originPattern(checked.url));
  }
  return { ok: true, settings: next, origins };
}
