// The `lookupRegistration` message: registration data of a name's registered domain, or the
// network an IP address belongs to.
import { parseLookupInput } from '../hosts/parse-input';
import { t } from '../i18n/messages';
import type { Section } from './history-report';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import type { AskRdap, RdapFinding } from './rdap-client';

export async function handleRegistration(data: unknown, ask: AskRdap): Promise<Section<RdapFinding>> {
  const request = messageSchemas.lookupRegistration.safeParse(data);
  if (!request.success)
    return { state: 'error', error: { kind: 'bad-response', message: t('registration.malformedRequest') } };
  const parsed = parseLookupInput(request.data.input);
  if (!parsed.ok) return { state: 'error', error: { kind: 'bad-response', message: parsed.message } };
  const { settings } = await loadSettings();
  if (!settings.rdap.enabled) return { state: 'disabled', message: t('registration.off') };
  const result = await ask(parsed.host, settings.rdap, { fresh: request.data.fresh });
  if (!result.ok) return { state: 'error', error: result.error };
  const answer = result.value;
  switch (answer.outcome) {
    case 'found':
      return { state: 'ok', data: answer.record, total: 1 };
    case 'not-found':
      return { state: 'empty' };
    case 'no-service':
      // Nothing is wrong: some registries (many ccTLDs) offer no RDAP at all.
      return { state: 'disabled', message: answer.message };
  }
}
