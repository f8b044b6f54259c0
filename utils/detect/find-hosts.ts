// findHosts(text): every host name, URL host, e-mail domain and IP address in a piece of text,
// in order (DESIGN.md contract). Pure: no DOM, no browser API; runs in the content script and
// in plain Node. Offsets cover the visible characters of the host itself, defang brackets
// included; for a URL or an e-mail address only the host part is matched.
import { findIpv6, type Ipv6Match } from './find-ipv6';
import { judgeToken } from './judge-token';
import { readToken, separatorPattern } from './scan-tokens';

export interface HostMatch {
  /** Normalized: refanged, lowercase, punycode, no trailing dot; IPv6 compressed. */
  host: string;
  start: number;
  end: number;
  kind: 'domain' | 'ipv4' | 'ipv6';
  defanged: boolean;
}

const SCHEME_BEFORE = /(?:https?|hxxps?|ftps?|fxps?|sftp|wss?)(?::|\[:\])\/\/(?:[^\s/@]*@)?$/i;
const DEFANGED_SCHEME = /(?:hxxps?|fxps?)(?::|\[:\])\/\/[^\s/@]*$|\[:\]\/\/[^\s/@]*$/i;
const EMAIL_BEFORE = /[\p{L}\p{N}._%+-](?:@|\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\})$/iu;
const DEFANGED_AT = /(?:\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\})$/i;
const LOCAL_PART_AFTER = /^(?:@|\[@\]|\(@\)|\{@\}|\[at\]|\(at\))/i;
/** After a URL's host: its path, query and fragment, which are not scanned for hosts. */
const PATH = /[^\s<>"'`)\]]*/y;

export function findHosts(text: string): HostMatch[] {
  const matches: HostMatch[] = [];
  const separators = separatorPattern();
  for (let sep = separators.exec(text); sep; sep = separators.exec(text)) {
    const token = readToken(text, sep.index);
    if (!token) continue;
    separators.lastIndex = token.end;
    const after = text.slice(token.end, token.end + 6);
    if (LOCAL_PART_AFTER.test(after)) continue; // `john.smith@…`: the local part of an address
    // Context regexes run only when the character before could end a scheme or an `@`.
    const prev = text.charCodeAt(token.start - 1);
    const before =
      prev === 0x2f || prev === 0x40 || prev === 0x5d || prev === 0x29 || prev === 0x7d
        ? text.slice(Math.max(0, token.start - 80), token.start)
        : '';
    const scheme = before !== '' && SCHEME_BEFORE.test(before);
    const email = before !== '' && !scheme && EMAIL_BEFORE.test(before);
    const defanged =
      token.defanged || (scheme && DEFANGED_SCHEME.test(before)) || (email && DEFANGED_AT.test(before));
    const judgement = judgeToken(token.labels, { scheme, email, defanged, port: /^:\d{1,5}\b/.test(after) });
    if (!judgement) continue;
    matches.push({ ...judgement, start: token.start, end: token.end, defanged });
    // A host followed by a path: skip the path, so `example.com/x/report.zip` yields one host.
    if (scheme || text[token.end] === '/' || text[token.end] === ':') {
      PATH.lastIndex = token.end;
      PATH.exec(text);
      separators.lastIndex = Math.max(separators.lastIndex, PATH.lastIndex);
    }
  }
  const v6 = findIpv6(text);
  return v6.length === 0 ? matches : mergeIpv6(matches, v6);
}

/**
 * Merges two lists ordered by start. Where they overlap (`::ffff:192.0.2.1` holds an IPv4
 * tail), the IPv6 address wins.
 */
function mergeIpv6(names: HostMatch[], v6: Ipv6Match[]): HostMatch[] {
  const merged: HostMatch[] = [];
  let i = 0;
  for (const m of v6) {
    while (i < names.length && names[i]!.end <= m.start) merged.push(names[i++]!);
    while (i < names.length && names[i]!.start < m.end) i++; // overlapped by the address
    merged.push({ host: m.host, start: m.start, end: m.end, kind: 'ipv6', defanged: false });
  }
  while (i < names.length) merged.push(names[i++]!);
  return merged;
}
