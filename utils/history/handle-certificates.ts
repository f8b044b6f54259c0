// The `lookupCertificates` message: names seen in certificates for a name's registered domain.
import { getDomain } from 'tldts';
import { parseLookupInput } from '../hosts/parse-input';
import { RequestGate } from '../lookup/request-gate';
import { messageSchemas } from '../messages/schemas';
import { loadSettings } from '../settings/settings';
import { certSpotterUrl, readCertSpotter, type CertName } from './certspotter';
import { fetchText } from './fetch-text';
import type { Section } from './history-report';

const TTL_MS = 6 * 3600_000;
const SHOWN = 50;

/** Background state: answers kept 6 hours, and a hold after a 429. */
export function createCertificatesHandler() {
  const cache = new Map<string, { names: CertName[]; expires: number }>();
  const gate = new RequestGate({ maxConcurrent: 1 });
  return async (data: unknown): Promise<Section<CertName[]>> => {
    const request = messageSchemas.lookupCertificates.safeParse(data);
    if (!request.success)
      return { state: 'error', error: { kind: 'bad-response', message: 'Malformed certificates request.' } };
    const parsed = parseLookupInput(request.data.input);
    if (!parsed.ok) return { state: 'error', error: { kind: 'bad-response', message: parsed.message } };
    if (parsed.host.kind !== 'domain')
      return { state: 'disabled', message: 'Certificates are listed for names, not addresses.' };
    const { settings } = await loadSettings();
    if (!settings.certspotter.enabled)
      return { state: 'disabled', message: 'Cert Spotter is switched off in Hostlens settings.' };
    const domain = getDomain(parsed.host.name) ?? parsed.host.name;
    const url = certSpotterUrl(settings.certspotter.baseUrl, domain);
    const cached = cache.get(url);
    let names = cached && cached.expires > Date.now() ? cached.names : null;
    if (!names) {
      const held = gate.blockedUntil(settings.certspotter.baseUrl);
      if (held)
        return {
          state: 'error',
          error: {
            kind: 'rate-limited',
            retryAt: held,
            message: 'Cert Spotter: hourly limit reached; try again later.',
          },
        };
      const response = await gate.run(settings.certspotter.baseUrl, () =>
        fetchText(url, { source: 'Cert Spotter', accept: 'application/json' }),
      );
      if (!response.ok) return { state: 'error', error: response.error };
      const result = readCertSpotter(
        response.value.status,
        response.value.body,
        Date.now(),
        response.value.retryAfter,
      );
      if (!result.ok) {
        if (result.error.retryAt) gate.block(settings.certspotter.baseUrl, result.error.retryAt);
        return { state: 'error', error: result.error };
      }
      names = result.value;
      cache.set(url, { names, expires: Date.now() + TTL_MS });
    }
    return names.length
      ? { state: 'ok', data: names.slice(0, SHOWN), total: names.length }
      : { state: 'empty' };
  };
}
