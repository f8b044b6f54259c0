// The `lookupHost` message: validate, normalize, read the user's resolver, ask.
import { getDomain } from 'tldts';
import { parseLookupInput } from '../hosts/parse-input';
import { messageSchemas } from '../messages/schemas';
import type { LookupResponse } from '../messages/protocol';
import { loadSettings } from '../settings/settings';
import { t } from '../i18n/messages';
import { buildDnsReport } from './dns-report';
import type { AskDns } from './dns-engine';

export async function handleLookup(data: unknown, ask: AskDns): Promise<LookupResponse> {
  const request = messageSchemas.lookupHost.safeParse(data);
  if (!request.success) return { ok: false, message: t('lookup.malformedRequest') };
  const parsed = parseLookupInput(request.data.input);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { settings } = await loadSettings();
  const report = await buildDnsReport(parsed.host, settings.resolverUrl, ask, { fresh: request.data.fresh });
  if (parsed.host.kind === 'domain') report.registrableDomain = getDomain(parsed.host.name) ?? undefined;
  return { ok: true, report };
}
