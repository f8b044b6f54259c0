// Questions from pages and cards to the background, asked again once if the service worker was
// stopped while answering (MV3 may stop it at any moment; the message channel then closes
// without a reply). These questions only read, so asking twice is safe; a second lookup usually
// finds the first one's answers in the kept caches.
import { sendMessage, type ProtocolMap } from './protocol';

type ReadOnly =
  'lookupHost' | 'lookupHistory' | 'lookupRegistration' | 'lookupCertificates' | 'getPageSettings';

const send = sendMessage as (type: ReadOnly, data: unknown) => Promise<unknown>;

export async function askBackground<K extends ReadOnly>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<ReturnType<ProtocolMap[K]>> {
  try {
    return (await send(type, data)) as ReturnType<ProtocolMap[K]>;
  } catch {
    return (await send(type, data)) as ReturnType<ProtocolMap[K]>;
  }
}
