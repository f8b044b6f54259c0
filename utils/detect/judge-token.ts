// Decides whether a dotted token is a host, with evidence rather than a deny-list alone.
//
// | evidence                                   | effect                                               |
// |--------------------------------------------|------------------------------------------------------|
// | last label not an IANA TLD (`.local`, `.js`)| never a host name                                    |
// | four decimal labels, each ≤ 255            | IPv4 (`999.1.1.1`, `10.0.19041` are not)             |
// | scheme before, `@` before, defanged, `www.`, | strong: accepted if it is a valid name at all      |
// |   port after                               |                                                      |
// | camelCase label (`innerHTML`), `_` inside  | code, not a host (unless strong)                     |
// | first label a code word (`this`, `window`) | code, when the TLD is ambiguous or there are 2 labels |
// | TLD in Titlecase after a lowercase word    | a sentence run together: `narrative.Security`        |
// | two labels, both in capitals (`ASP.NET`)   | a product name                                       |
// | ambiguous TLD (`.py`, `.zip`, `.id`, `.app`)| needs a subdomain (3+ labels) or strong evidence    |
// | anything else ending in a real TLD         | a host                                               |
import { toAsciiName } from '../hosts/idn';
import { parseIPv4 } from '../hosts/ip';
import { AMBIGUOUS_TLDS, TLDS } from './tld-classes';

export interface Evidence {
  /** `https://`, `hxxp://`, `ftp://` right before. */
  scheme: boolean;
  /** `@`, `[@]`, `(at)`… right before: the domain of an e-mail address. */
  email: boolean;
  /** Defanged separators or scheme. */
  defanged: boolean;
  /** `:443` right after. */
  port: boolean;
}

const CODE_WORDS = new Set([
  'this',
  'self',
  'window',
  'document',
  'console',
  'props',
  'state',
  'event',
  'evt',
  'e',
  'el',
  'obj',
  'req',
  'res',
  'ctx',
  'os',
  'sys',
  'np',
  'pd',
  'math',
  'json',
  'module',
  'exports',
  'process',
  'err',
  'error',
  'navigator',
  'location',
  'target',
  'options',
  'config',
  'settings',
  'item',
  'node',
  'user',
  'args',
  'params',
  'data',
  'response',
  'request',
  'result',
  'array',
  'string',
  'object',
  'std',
  'vm',
  'super',
  'app',
  'router',
  'client',
  'server',
  'file',
]);

const CAMEL = /[a-z][A-Z]/;
const TITLE = /^[A-Z][a-z]+$/;
const UPPER = /^[A-Z0-9-]+$/;
const DIGITS = /^\d+$/;
const ASCII = /^[\x21-\x7e]+$/;

export type Judgement = { host: string; kind: 'domain' | 'ipv4' } | null;

export function judgeToken(labels: string[], evidence: Evidence): Judgement {
  if (labels.length === 4 && labels.every((l) => DIGITS.test(l))) {
    const ip = parseIPv4(labels.join('.'));
    return ip ? { host: ip, kind: 'ipv4' } : null;
  }
  const last = labels[labels.length - 1]!;
  if (DIGITS.test(last)) return null; // 3.14, 10.0.19041, v1.2.3
  // Most dotted words end in something that is no TLD at all: decide those before any IDN work.
  if (ASCII.test(last) && !TLDS.has(last.toLowerCase())) return null;
  const ascii = toAsciiName(labels.join('.'));
  if (!ascii) return null;
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  if (!TLDS.has(tld)) return null;
  // Underscores only lead service labels (`_dmarc.example.com`); elsewhere it is an identifier.
  const serviceLabels = labels.findIndex((l) => !l.startsWith('_'));
  if (labels.some((l) => l.indexOf('_') > 0) || labels.length - serviceLabels < 2) return null;

  const strong =
    evidence.scheme || evidence.email || evidence.defanged || evidence.port || ascii.startsWith('www.');
  if (strong) return { host: ascii, kind: 'domain' };

  if (labels.some((l) => CAMEL.test(l))) return null;
  // `this.props.id`, `user.email`; but `app.example.com` is a host.
  if (CODE_WORDS.has(labels[0]!) && (labels.length === 2 || AMBIGUOUS_TLDS.has(tld))) return null;
  const sld = labels[labels.length - 2]!;
  if (TITLE.test(last) && /[a-z]/.test(sld.slice(-1))) return null;
  if (labels.length === 2 && UPPER.test(last) && UPPER.test(sld)) return null;
  if (labels.length === 2 && AMBIGUOUS_TLDS.has(tld)) return null;
  return { host: ascii, kind: 'domain' };
}
