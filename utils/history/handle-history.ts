// The `lookupHistory` message: validate, normalize, read which sources are on (and their keys),
// ask them all.
import { parseLookupInput } from '../hosts/parse-input';
import type { HistoryResponse } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import { loadSourceKeys } from '../settings/source-keys';
import type { AskSource } from './history-client';
import { buildHistoryReport, type EnabledSource, type SourceOutcome } from './history-report';
import { PDNS_SOURCES } from './pdns-sources';

export async function handleHistory(data: unknown, ask: AskSource): Promise<HistoryResponse> {
  const request = messageSchemas.lookupHistory.safeParse(data);
  if (!request.success) return { ok: false, message: 'Hostlens received a malformed history request.' };
  const parsed = parseLookupInput(request.data.input);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const [{ settings }, keys] = await Promise.all([loadSettings(), loadSourceKeys()]);
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
  if (enabled.length === 0) {
    const off = {
      state: 'disabled' as const,
      message: missingKey.length
        ? missingKey.map((m) => m.message).join(' ')
        : 'Every passive-DNS source is switched off in Hostlens settings.',
    };
    return {
      ok: true,
      report: {
        host: parsed.host.name,
        kind: parsed.host.kind,
        sources: missingKey,
        neighbourSources: [],
        history: off,
        neighbours: off,
      },
    };
  }
  const report = await buildHistoryReport(parsed.host, enabled, ask);
  report.sources.push(...missingKey);
  return { ok: true, report };
}
