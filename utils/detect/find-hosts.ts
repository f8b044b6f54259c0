// findHosts(text): every host name, URL host, e-mail domain and IP address in a piece of text,
// in order of appearance (the contract in DESIGN.md). Pure: no DOM, no browser API, no WXT
// auto-imports; it bundles alone and runs in the content script and in plain Node.
//
// Offsets cover the visible characters of the host itself, defang brackets included
// (`mail1[.]trump-email[.]com`); for a URL or an e-mail address only the host part is matched,
// so a mark lands on the host, not on `https://` or `user@`. An IPv6 address in a URL is
// matched without its brackets. A trailing dot (`example.com.`) is left out.
//
// How a dotted candidate is judged, first matching row wins (judge-name.ts):
//
// | evidence                                                  | verdict                          |
// |-----------------------------------------------------------|----------------------------------|
// | followed by `@`, `[@]`, `(at)`… (`john.smith@`)           | skip: a local part               |
// | every label digits                                        | IPv4 if a strict dotted quad     |
// |                                                           | (`999.1.1.1`, `10.0.19041` not)  |
// | last label not in IANA's root zone (`.local`, `.js`)      | not a host                       |
// | `_` inside a label, or not a valid DNS name               | not a host (`my_module.name`)    |
// | after `scheme://` or `//`, after `user@`, defanged, `:port`| host (strong evidence)           |
// |   after it, or `www.` first                               |                                  |
// | followed by `(`                                           | not a host: a call (`arr.map(`)  |
// | capital TLD on a lowercase word; capitals on `.NET` or an | not a host (`narrative.Security`,|
// |   ambiguous TLD with two labels                           |   `Socket.IO`, `ASP.NET`)        |
// | two labels, plain TLD (`.com`, `.de`, `.io`, `.рф`)       | host                             |
// | first label a code root; `com.`/`org.`… with 3+ labels    | not a host (`window.location.host`,|
// |                                                           |   `com.example.app`)             |
// | plain TLD                                                 | host                             |
// | ambiguous TLD (`.zip` `.py` `.md` `.name` `.id`, see      | not a host when any capital      |
// |   tld-classes.ts), after `/` `\` `$` `#` `.` `:`          |   (`README.md`) or in a path     |
// | ambiguous TLD, then `/path`, or 3+ labels                 | host (`t.me/x`, `docs.example.zip`)|
// | word-like TLD, hyphenated label before it                 | host (`trump-email.name`)        |
// | otherwise                                                 | not a host (`main.py`, `item.id`)|
//
// IPv6 candidates (colon-hex runs with two colons or more) must contain a digit and pass the
// strict parser, so `04:12:45`, `std::string` and MAC addresses are not addresses.
import { parseIPv6 } from '../hosts/ip';
import { judgeName } from './judge-name';
import { isLocalPart, readContext } from './read-context';
import { createScanner } from './scan-candidates';
import { splitLabels } from './split-labels';

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

// One scanner for the module: findHosts is synchronous, and it resets lastIndex on entry.
const scanner = createScanner();

export function findHosts(text: string): HostMatch[] {
  const matches: HostMatch[] = [];
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    const raw = m[0];
    if (m[1] !== undefined) {
      const host = HAS_DIGIT.test(raw) ? parseIPv6(raw) : null;
      if (host && host !== '::') {
        matches.push({ host, start: m.index, end: m.index + raw.length, kind: 'ipv6', defanged: false });
      }
      continue;
    }
    if (raw.length > MAX_CANDIDATE) continue;
    const match = judgeCandidate(text, raw, m.index);
    if (match) matches.push(match);
  }
  return matches;
}

function judgeCandidate(text: string, raw: string, index: number): HostMatch | null {
  const { labels, defanged, start, end } = splitLabels(raw, index);
  if (isLocalPart(text, end)) return null;
  const context = readContext(text, start, end);
  const judgement = judgeName(labels, context, defanged);
  if (judgement) {
    return { ...judgement, start, end, defanged: defanged || context.defangedPrefix };
  }
  // `visit example.com.Then…`: a sentence run on after a host. Judge it without the last word.
  const last = labels[labels.length - 1]!;
  if (labels.length >= 3 && !defanged && TITLE_WORD.test(last)) {
    const shorter = labels.slice(0, -1);
    const shorterEnd = end - last.length - 1;
    const retry = judgeName(shorter, readContext(text, start, shorterEnd), false);
    if (retry) return { ...retry, start, end: shorterEnd, defanged: false };
  }
  return null;
}
