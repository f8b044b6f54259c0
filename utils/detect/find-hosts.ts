// findHosts(text): every host name, URL host, e-mail domain and IP address in a piece of text,
// in order of appearance (the contract in DESIGN.md). Pure: no DOM, no browser API, no WXT
// auto-imports; it bundles alone and runs in the content script and in plain Node.
//
// Offsets cover the visible characters of the host itself, defang brackets included
// (`mail1[.]trump-email[.]com`); for a URL or an e-mail address only the host part is matched,
// so a mark lands on the host, not on `https://` or `user@`. An IPv6 address in a URL is
// matched without its brackets. A trailing dot (`example.com.`) is left out.
//
// How a dotted candidate is judged; the first row that applies decides (judge-name.ts):
//
// | evidence                                                   | verdict                         |
// |------------------------------------------------------------|---------------------------------|
// | followed by `@`, `[@]`, `(at)`…                            | skip: a local part (`j.smith@`) |
// | every label digits                                         | IPv4 if a strict dotted quad    |
// |                                                            | (not `999.1.1.1`, `10.0.19041`) |
// | last label not in IANA's root zone (`.local`, `.js`)       | no                              |
// | `_` inside a label; not a valid DNS name                   | no (`my_module.name`)           |
// | after `scheme://` or `//`, after `user@`, defanged,        | host: strong evidence           |
// |   `:port` after, or `www` first                            |                                 |
// | `(` after                                                  | no: a call (`arr.map(`)         |
// | capital TLD on a lowercase word; all capitals on `.NET`    | no (`narrative.Security`,       |
// |   or an ambiguous TLD with two labels                      |   `Socket.IO`, `ASP.NET`)       |
// | `com.`, `org.`, `net.`… first, three labels or more        | no (`com.example.app`)          |
// | plain TLD (`.com`, `.de`, `.io`, `.рф`…)                   | host                            |
// | ambiguous TLD (`.zip` `.py` `.md`, `.name` `.id` `.data`…, | no (`README.md`,                |
// |   tld-classes.ts) with a capital, a code word first, or    |   `window.location.host`,       |
// |   after `/` `\` `$` `#` `.` `:`                             |   `src/main.rs`)                |
// | ambiguous TLD with `/path` after, or three labels or more  | host (`t.me/x`, `a.example.zip`)|
// | word-like TLD after a hyphenated label                     | host (`trump-email.name`)       |
// | otherwise                                                  | no (`main.py`, `item.id`)       |
//
// A rejected name ending in a capitalized word is judged again without it: a sentence run on
// after a host (`example.com.Then`). IPv6 candidates (colon-hex runs with two colons or more)
// need a digit and the strict parser, so `04:12:45`, `std::string` and MAC addresses are out.
import { parseIpv6 } from './parse-ip';
import { judgeName } from './judge-name';
import { isLocalPart, readContext } from './read-context';
import { scanCandidates } from './scan-candidates';
import { splitLabels } from './split-labels';
import { TLDS } from './tld-classes';

export interface HostMatch {
  /** Normalized: refanged, lowercase, ASCII (punycode), no trailing dot; IPv6 RFC 5952. */
  host: string;
  /** Offsets in the original text: `text.slice(start, end)` is what the reader sees. */
  start: number;
  end: number;
  kind: 'domain' | 'ipv4' | 'ipv6';
  /** Written defanged: `[.]`-style dots, `hxxp://`, `[:]//`, `[@]`. */
  defanged: boolean;
}

/** No host is longer than 253 characters; defanged dots may triple that. Longer runs are noise. */
const MAX_CANDIDATE = 1024;
const TITLE_WORD = /^[A-Z][a-z]+$/;
const HAS_DIGIT = /\d/;

export function findHosts(text: string): HostMatch[] {
  const matches: HostMatch[] = [];
  scanCandidates(text, ({ start, end, ipv6 }) => {
    const raw = text.slice(start, end);
    if (ipv6) {
      const host = mayBeIpv6(raw) ? parseIpv6(raw) : null;
      if (host && host !== '::') matches.push({ host, start, end, kind: 'ipv6', defanged: false });
      return;
    }
    if (raw.length > MAX_CANDIDATE || !mayEndInTld(raw)) return;
    const match = judgeCandidate(text, raw, start);
    if (match) matches.push(match);
  });
  return matches;
}

/**
 * Cheap shape test before the strict parser: a digit somewhere (`dead::beef` is C++ more often
 * than an address), and either exactly one `::` or eight groups (seven with an IPv4 tail).
 * Times (`04:12:45`) and MAC addresses (`00:1a:2b:3c:4d:5e`) stop here.
 */
function mayBeIpv6(raw: string): boolean {
  if (!HAS_DIGIT.test(raw)) return false;
  const gap = raw.indexOf('::');
  if (gap >= 0) return raw.indexOf('::', gap + 1) < 0;
  let colons = 0;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 0x3a) colons++;
  return colons === 7 || (colons === 6 && raw.includes('.'));
}

/**
 * Most dotted words end in no TLD at all (`Node.js`, `e.g`, `10.0.19041`, `location.href`).
 * Reject those with one short slice and a Set lookup, before any splitting or IDN work.
 * Digits may end an IPv4 address; non-ASCII may be an IDN TLD or CJK text to trim; a capital
 * may be a sentence run on after a host (judgeCandidate retries without it): all go on.
 */
function mayEndInTld(raw: string): boolean {
  let i = raw.length;
  let digits = true;
  for (; i > 0; i--) {
    const code = raw.charCodeAt(i - 1);
    if (code > 0x7f) return true;
    const digit = code >= 0x30 && code <= 0x39;
    const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    if (!digit && !letter && code !== 0x2d && code !== 0x5f) break;
    if (!digit) digits = false;
  }
  // A capital after the last dot may be a sentence run on after a host (`example.com.Then`).
  const code = raw.charCodeAt(i);
  return digits || (code >= 0x41 && code <= 0x5a) || TLDS.has(raw.slice(i).toLowerCase());
}

function judgeCandidate(text: string, raw: string, index: number): HostMatch | null {
  const { labels, defanged, start, end } = splitLabels(raw, index);
  if (isLocalPart(text, end)) return null;
  const context = readContext(text, start, end);
  const judgement = judgeName(labels, context, defanged);
  if (judgement) {
    return {
      host: judgement.host,
      start,
      end,
      kind: judgement.kind,
      defanged: defanged || context.defangedPrefix,
    };
  }
  // `visit example.com.Then…`: a sentence run on after a host. Judge it without the last word.
  const last = labels[labels.length - 1]!;
  if (labels.length >= 3 && !defanged && TITLE_WORD.test(last)) {
    const shorter = labels.slice(0, -1);
    const shorterEnd = end - last.length - 1;
    const retry = judgeName(shorter, readContext(text, start, shorterEnd), false);
    if (retry) return { host: retry.host, start, end: shorterEnd, kind: retry.kind, defanged: false };
  }
  return null;
}
