// Lookups from pages and cards to the background, asked again once if the service worker was
// stopped while answering (MV3 may stop it at any moment; the message channel then closes
// without a reply). Lookups only read, so asking twice is safe; the second one usually finds
// the first one's answers in the kept caches.
import { sendMessage, type LookupRequest, type ProtocolMap } from './protocol';

type Lookup = 'lookupHost' | 'lookupHistory' | 'lookupRegistration' | 'lookupCertificates';

const send = sendMessage as (type: Lookup, data: LookupRequest) => Promise<unknown>;

export async function askBackground<K extends Lookup>(
  type: K,
  data: LookupRequest,
): Promise<ReturnType<ProtocolMap[K]>> {
  try {
    return (await send(type, data)) as ReturnType<ProtocolMap[K]>;
  } catch {
    return (await send(type, data)) as ReturnType<ProtocolMap[K]>;
  }
}
