// Which DoH URLs the user may choose. Names are sent in clear over plain HTTP, so http:// is
// accepted only for a resolver on the user's own machine (tests, a local dnsdist or Pi-hole).
import { t } from '../i18n/messages';

export type ResolverUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `url` stays on this computer (plain http is allowed only there). */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

export function checkResolverUrl(input: string): ResolverUrlCheck {
  // RFC 8484 §3 lets servers publish a URI template; `{?dns}` is where our parameter goes.
  const text = input.trim().replace(/\{\?dns\}$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: t('dns.resolverUrl.notUrl') };
  }
  if (url.username || url.password) {
    return { ok: false, message: t('dns.resolverUrl.credentials') };
  }
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    return {
      ok: false,
      message: t('dns.resolverUrl.plainHttp'),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: t('dns.resolverUrl.scheme') };
  }
  url.hash = '';
  return { ok: true, url: url.toString() };
}

/** The match pattern a permission request needs for this resolver. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  // A match pattern has no port: `http://127.0.0.1/*` covers every port.
  return `${protocol}//${hostname}/*`;
}
