// What the user typed in "Look up" → the host to ask about. Accepts a bare name, a URL, an
// e-mail address or an IP, defanged or not, with or without brackets, port or trailing dot.
import { normalizeHost, type Host } from './host';
import { refang } from './refang';
import { t } from '../i18n/messages';

export type ParsedInput = { ok: true; host: Host } | { ok: false; message: string };

export function parseLookupInput(input: string): ParsedInput {
  let text = refang(input.trim());
  if (!text) return { ok: false, message: t('lookup.emptyInput') };
  // URL: keep the authority only.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  if (scheme) text = text.slice(scheme[0].length);
  else if (text.startsWith('//')) text = text.slice(2); // protocol-relative URL
  text = text.split(/[/?#]/, 1)[0] ?? '';
  // userinfo in a URL, or the local part of an e-mail address.
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  // Port: `[v6]:443` or `name:443` (a bare IPv6 address has several colons and no port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? '';
  else if (/^[^:]+:\d+$/.test(text)) text = text.replace(/:\d+$/, '');
  const host = normalizeHost(text);
  if (!host) return { ok: false, message: t('lookup.notAHost', { input: input.trim().slice(0, 80) }) };
  return { ok: true, host };
}
