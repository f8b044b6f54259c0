// Decides whether a dotted candidate is a host name, an IPv4 address or neither. The rules and
// their order are the table at the top of find-hosts.ts; this file is their implementation.
import { toAsciiName } from '../hosts/idn';
import { parseIpv4 } from './parse-ip';
import type { Context } from './read-context';
import { classifyTld, type TldClass } from './tld-classes';

export type Judgement = { host: string; kind: 'domain' | 'ipv4' } | null;

/**
 * First labels that start code, not host names: `window.location.host`, `this.props.data`,
 * `e.target.name`. Only consulted for ambiguous TLDs: `user.github.io` and `self.com` are hosts.
 */
const CODE_ROOTS = new Set([
  'args',
  'btn',
  'button',
  'client',
  'config',
  'console',
  'ctx',
  'data',
  'document',
  'e',
  'el',
  'elem',
  'element',
  'err',
  'evt',
  'event',
  'exports',
  'form',
  'fs',
  'input',
  'item',
  'module',
  'navigator',
  'np',
  'obj',
  'opts',
  'options',
  'os',
  'params',
  'pd',
  'process',
  'props',
  'req',
  'request',
  'res',
  'response',
  'result',
  'router',
  'state',
  'self',
  'settings',
  'std',
  'super',
  'sys',
  'target',
  'this',
  'to',
  'user',
  'vm',
  'window',
]);

/** `com.example.app`, `org.apache.commons.io`: reverse-DNS identifiers (Java, Android). */
const REVERSE_DNS_ROOTS = new Set(['com', 'org', 'net', 'io', 'edu', 'gov']);

const DIGITS = /^\d+$/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const WWW = /^www\d*$/i;

export function judgeName(labels: string[], context: Context, defanged: boolean): Judgement {
  const last = labels[labels.length - 1]!;
  if (DIGITS.test(last)) {
    // Only a strict dotted quad: `999.1.1.1`, `10.0.19041`, `1.2.3.4.5` are not addresses.
    const ip = labels.length === 4 ? parseIpv4(labels.join('.')) : null;
    return ip ? { host: ip, kind: 'ipv4' } : null;
  }
  const tldClass = classifyTld(asciiTld(last));
  if (!tldClass || !underscoresFit(labels)) return null;
  const host = normalizeName(labels);
  if (!host) return null;
  const domain = { host, kind: 'domain' } as const;

  if (context.url || context.email || context.port || defanged || WWW.test(labels[0]!)) return domain;
  if (context.call || !caseFits(labels, tldClass)) return null;
  const first = labels[0]!.toLowerCase();
  if (labels.length >= 3 && REVERSE_DNS_ROOTS.has(first)) return null;
  if (tldClass === 'plain') return domain;

  // `.zip`, `.py`, `.name`, `.id`…: a bare `word.tld` is a file or code unless more says otherwise.
  if (CODE_ROOTS.has(first) || context.codeOrPath || labels.some((label) => UPPER.test(label))) return null;
  if (context.path || labels.length >= 3) return domain;
  // Identifiers in code have no hyphens; file names often do (`setup-x86.zip`), so only words.
  if (tldClass === 'word' && labels[labels.length - 2]!.includes('-')) return domain;
  return null;
}

/**
 * The name in ASCII lowercase, or null when it is no valid DNS name. ASCII labels (the scanner
 * only lets `A-Z a-z 0-9 _ -` into them) are checked here with plain loops; IDNs and `xn--`
 * labels go through toAsciiName, the shared normalizer, which the result always agrees with.
 */
function normalizeName(labels: string[]): string | null {
  let length = labels.length - 1;
  for (const label of labels) {
    const last = label.length - 1;
    if (last < 0 || last > 62 || label.charCodeAt(0) === 0x2d || label.charCodeAt(last) === 0x2d) return null;
    if (label.charCodeAt(2) === 0x2d && label.charCodeAt(3) === 0x2d) return toAsciiName(labels.join('.'));
    for (let i = 0; i <= last; i++) if (label.charCodeAt(i) > 0x7f) return toAsciiName(labels.join('.'));
    length += label.length;
  }
  return length > 253 ? null : labels.join('.').toLowerCase();
}

/** The TLD in ASCII lowercase; Unicode TLDs (`рф`, Arabic presentation forms) via punycode. */
function asciiTld(label: string): string {
  for (let i = 0; i < label.length; i++) {
    if (label.charCodeAt(i) > 0x7f) return toAsciiName(label) ?? '';
  }
  return label.toLowerCase();
}

/**
 * `_` only opens service labels (`_dmarc.example.com`, `_sip._tcp.example.com`), and two
 * ordinary labels must follow them; `my_module.name` and `__init__.py` are identifiers.
 */
function underscoresFit(labels: string[]): boolean {
  let ordinary = 0;
  for (const label of labels) {
    const underscore = label.indexOf('_');
    if (underscore > 0 || (underscore === 0 && ordinary > 0)) return false;
    if (underscore < 0) ordinary++;
  }
  return ordinary >= 2;
}

/**
 * Case is evidence. Hosts are written lowercase (`example.com`), with a capitalized brand
 * (`GitHub.com`, `MAIL1.Trump-Email.com`) or all in capitals (`GOOGLE.COM`). A capital in the
 * TLD of an otherwise lowercase word is a sentence run together (`narrative.Security`) or a
 * product (`Socket.IO`); two capitalized words on `.NET` or an ambiguous TLD are a product
 * (`ASP.NET`, `VB.NET`).
 */
function caseFits(labels: string[], tldClass: TldClass): boolean {
  const tld = labels[labels.length - 1]!;
  if (!UPPER.test(tld)) return true;
  if (labels.some((label) => LOWER.test(label))) return false;
  return labels.length > 2 || (tldClass === 'plain' && tld !== 'NET');
}
