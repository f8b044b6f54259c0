// Which passive-DNS sources to ask, from the user's settings and keys: those switched on, and
// of those needing a key, only the ones that have one (the others are named, not asked).
import type { Settings } from '../settings/settings';
import type { SourceKeys } from '../settings/source-keys';
import type { EnabledSource, SourceOutcome } from './history-report';
import { PDNS_SOURCES } from './pdns-sources';

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
        message: `${adapter.name} is switched on but has no API key; add one in Hostlens settings.`,
      });
      continue;
    }
    enabled.push({ adapter, base: baseUrl, key });
  }
  return { enabled, missingKey };
}
