// The `lookupRegistration` message: registration data of a name's registered domain.
import { parseLookupInput } from '../hosts/parse-input';
import type { Section } from './history-report';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import type { Registration } from './rdap';
import type { AskRdap } from './rdap-client';

export async function handleRegistration(data: unknown, ask: AskRdap): Promise<Section<Registration>> {
  const request = messageSchemas.lookupRegistration.safeParse(data);
  if (!request.success)
    return { state: 'error', error: { kind: 'bad-response', message: 'Malformed registration request.' } };
  const parsed = parseLookupInput(request.data.input);
  if (!parsed.ok) return { state: 'error', error: { kind: 'bad-response', message: parsed.message } };
  if (parsed.host.kind !== 'domain')
    return {
      state: 'disabled',
      message:
        'Registration data for addresses comes from the regional registries; Hostlens does not ask them yet.',
    };
  const { settings } = await loadSettings();
  if (!settings.rdap.enabled)
    return { state: 'disabled', message: 'RDAP is switched off in Hostlens settings.' };
  const result = await ask(parsed.host.name, settings.rdap.baseUrl);
  if (!result.ok) return { state: 'error', error: result.error };
  return result.value.registration
    ? { state: 'ok', data: result.value.registration, total: 1 }
    : { state: 'empty' };
}
