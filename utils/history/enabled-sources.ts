// Which passive-DNS sources to ask, from the user's settings and keys: those switched on, and
// of those needing a key, only the ones that have one (the others are named, not asked). A key
// entered for another origin than the base URL's now is no key at all: the source is named with
// where the key was entered and where the base URL points now, and not asked.
import type { Settings } from '../settings/settings';
import { keyFor } from '../settings/key-binding';
import type { SourceKeys } from '../settings/keyed-sources';
import type { EnabledSource, SourceOutcome } from './history-report';
import { t } from '../i18n/messages';
import { PDNS_SOURCES } from './pdns-sources';
import { sourceLabel } from './source-label';

export function enabledPdnsSources(
  settings: Settings,
  keys: SourceKeys,
): { enabled: EnabledSource[]; missingKey: SourceOutcome[] } {
  const enabled: EnabledSource[] = [];
  const missingKey: SourceOutcome[] = [];
  for (const adapter of PDNS_SOURCES) {
    const { enabled: on, baseUrl } = settings[adapter.id];
    if (!on) continue;
    const key = keyFor(keys, adapter.id, baseUrl);
    const missing =
      key.state === 'moved'
        ? t('sources.error.keyMoved', { source: sourceLabel(adapter.name), from: key.from, to: key.to })
        : key.state === 'none' && adapter.key === 'required'
          ? t('sources.error.noKey', { source: sourceLabel(adapter.name) })
          : undefined;
    if (missing) {
      missingKey.push({ source: adapter.name, state: 'error', rows: 0, total: 0, message: missing });
      continue;
    }
    enabled.push({ adapter, base: baseUrl, key: key.state === 'usable' ? key.key : undefined });
  }
  return { enabled, missingKey };
}
