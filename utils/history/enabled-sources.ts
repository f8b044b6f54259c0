// Which passive-DNS sources to ask, from the user's settings and keys: those switched on, and
// of those needing a key, only the ones that have one (the others are named, not asked).
import type { Settings } from '../settings/settings';
import type { SourceKeys } from '../settings/source-keys';
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
    const key = keys[adapter.id] ?? '';
    if (!on) continue;
    if (adapter.key === 'required' && !key) {
      missingKey.push({
        source: adapter.name,
        state: 'error',
        rows: 0,
        total: 0,
        message: t('sources.error.noKey', { source: sourceLabel(adapter.name) }),
      });
      continue;
    }
    enabled.push({ adapter, base: baseUrl, key });
  }
  return { enabled, missingKey };
}
