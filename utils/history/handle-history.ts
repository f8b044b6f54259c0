// The `lookupHistory` message: validate, normalize, read which sources are on (and their keys),
// ask them all.
import { parseLookupInput } from '../hosts/parse-input';
import { t } from '../i18n/messages';
import type { HistoryResponse } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import { loadSourceKeys } from '../settings/source-keys';
import type { AskSource } from './history-client';
import { enabledPdnsSources } from './enabled-sources';
import { buildHistoryReport } from './history-report';

export async function handleHistory(data: unknown, ask: AskSource): Promise<HistoryResponse> {
  const request = messageSchemas.lookupHistory.safeParse(data);
  if (!request.success) return { ok: false, message: t('history.malformedRequest') };
  const parsed = parseLookupInput(request.data.input);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const [{ settings }, keys] = await Promise.all([loadSettings(), loadSourceKeys()]);
  const { enabled, missingKey } = enabledPdnsSources(settings, keys);
  if (enabled.length === 0) {
    const off = {
      state: 'disabled' as const,
      message: missingKey.length ? missingKey.map((m) => m.message).join(' ') : t('history.allOff'),
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
