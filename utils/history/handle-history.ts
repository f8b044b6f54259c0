// The `lookupHistory` message: validate, normalize, read which sources are on, ask.
import { parseLookupInput } from '../hosts/parse-input';
import type { HistoryResponse } from '../messages/protocol';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import type { AskHistory } from './history-client';
import { buildHistoryReport } from './history-report';

export async function handleHistory(data: unknown, ask: AskHistory): Promise<HistoryResponse> {
  const request = messageSchemas.lookupHistory.safeParse(data);
  if (!request.success) return { ok: false, message: 'Hostlens received a malformed history request.' };
  const parsed = parseLookupInput(request.data.input);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { settings } = await loadSettings();
  if (!settings.mnemonic.enabled) {
    const off = { state: 'disabled' as const, message: 'Mnemonic is switched off in Hostlens settings.' };
    return {
      ok: true,
      report: { host: parsed.host.name, source: 'Mnemonic', history: off, neighbours: off },
    };
  }
  return { ok: true, report: await buildHistoryReport(parsed.host, settings.mnemonic.baseUrl, ask) };
}
