// Walks the text for candidates: runs that could be a host name or an IPv4 address (labels
// joined by dots or defanged dots), and runs that could be an IPv6 address. It only proposes;
// judge-name.ts and the strict parsers decide.
//
// Separator first: most of an article is words with no dot inside, so the scan only stops at
// `.`, `:`, `[`, `(` and `{` (one simple character class, which the regex engine skips to
// quickly) and grows a run outwards from there with charCodeAt. The scan goes on after the end
// of every run it grew, kept or not, so each character is looked at a bounded number of times
// and the scan is linear on any input: a megabyte of `a.a.a…`, `-a.a.a…`, `[.][.]…` or `a:a:…`
// is one pass (tests/unit/detect/find-hosts.test.ts runs them; tests/fuzz/detector-families.ts
// has more such shapes, timed from 10 kB to 1 MB by `npm run fuzz` and a unit test).

export interface Candidate {
  start: number;
  end: number;
  /** True for a colon-hex run (IPv6); false for a dotted run. */
  ipv6: boolean;
}

const ANCHOR = /[.:[({]/g;
const IPV6 = /[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\.\d{1,3}){3})?(?![\p{L}\p{N}_:])/uy;
const NON_ASCII_LABEL = /[\p{L}\p{N}\p{M}]/u;
const NON_ASCII_START = /[\p{L}\p{N}]/u;

/** Letters and digits of any script (IDNs), combining marks, `_` (`_dmarc`) and `-`. */
function isLabelChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    return (
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2d ||
      c === 0x5f
    );
  }
  return c === c && NON_ASCII_LABEL.test(text[i]!);
}

/** A label may not start with `-` or a combining mark. */
function isLabelStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c !== 0x2d && isLabelChar(text, i);
  return c === c && NON_ASCII_START.test(text[i]!);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

/** Length of the separator at `i` (a dot, or a defanged dot with at most one space each side), or 0. */
export function separatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x2e) return 1;
  const space = isSpace(c) ? 1 : 0;
  const open = text.charCodeAt(i + space);
  if (open !== 0x5b && open !== 0x28 && open !== 0x7b) return 0;
  // `[.]`, `(.)`, `{.}` or `[dot]`, `(dot)`, `{dot}` (any case), closed by the matching bracket.
  const close = open === 0x5b ? 0x5d : open === 0x28 ? 0x29 : 0x7d;
  const from = i + space + 1;
  let length = 0;
  if (text.charCodeAt(from) === 0x2e && text.charCodeAt(from + 1) === close) length = 3;
  else if (
    (text.charCodeAt(from) | 0x20) === 0x64 && // d
    (text.charCodeAt(from + 1) | 0x20) === 0x6f && // o
    (text.charCodeAt(from + 2) | 0x20) === 0x74 && // t
    text.charCodeAt(from + 3) === close
  ) {
    length = 5;
  }
  if (length === 0) return 0;
  return space + length + (isSpace(text.charCodeAt(i + space + length)) ? 1 : 0);
}

/** Length of the separator that ends just before `end` (the mirror of separatorAt), or 0. */
function separatorBefore(text: string, end: number): number {
  if (text.charCodeAt(end - 1) === 0x2e) return 1;
  const space = isSpace(text.charCodeAt(end - 1)) ? 1 : 0;
  const close = text.charCodeAt(end - 1 - space);
  if (close !== 0x5d && close !== 0x29 && close !== 0x7d) return 0;
  for (const length of [3, 5]) {
    const from = end - space - length;
    if (from >= 0 && separatorAt(text, from) >= length) {
      return space + length + (from > 0 && isSpace(text.charCodeAt(from - 1)) ? 1 : 0);
    }
  }
  return 0;
}

/**
 * The dotted run through the separator at `anchor`, or null when no label touches it on both
 * sides. The run is returned even when it does not begin where a word begins (see scanCandidates).
 */
function readNameRun(text: string, anchor: number): Candidate | null {
  // `evil [.] com`: a bracketed dot may have one space before it.
  const at = text.charCodeAt(anchor) !== 0x2e && isSpace(text.charCodeAt(anchor - 1)) ? anchor - 1 : anchor;
  const first = separatorAt(text, at);
  if (first === 0 || !isLabelStart(text, at + first) || !isLabelChar(text, at - 1)) return null;
  // Grow left: a label, then maybe a separator and another label, and so on.
  let start = at;
  for (;;) {
    while (start > 0 && isLabelChar(text, start - 1)) start--;
    const sep = separatorBefore(text, start);
    if (sep === 0 || !isLabelChar(text, start - sep - 1) || !isLabelStart(text, start)) break;
    start -= sep;
  }
  // Grow right the same way.
  let end = at;
  for (;;) {
    const sep = separatorAt(text, end);
    if (sep === 0 || !isLabelStart(text, end + sep)) break;
    end += sep;
    while (end < text.length && isLabelChar(text, end)) end++;
  }
  return { start, end, ipv6: false };
}

/** The IPv6-looking run whose colon is at `at`, or null. */
function readIpv6Run(text: string, at: number): Candidate | null {
  // Back over at most one hex group: the first colon of an address comes first in the scan.
  let start = at;
  while (start > 0 && at - start < 4 && isHex(text.charCodeAt(start - 1))) start--;
  const before = text.charCodeAt(start - 1);
  if (before === 0x3a || before === 0x2e || (start > 0 && isLabelChar(text, start - 1))) return null;
  IPV6.lastIndex = start;
  const match = IPV6.exec(text);
  return match ? { start, end: start + match[0].length, ipv6: true } : null;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Calls `visit` for every candidate, left to right, without overlaps. */
export function scanCandidates(text: string, visit: (candidate: Candidate) => void): void {
  ANCHOR.lastIndex = 0;
  // test() rather than exec(): no match object per sentence-ending dot.
  while (ANCHOR.test(text)) {
    const at = ANCHOR.lastIndex - 1;
    const candidate = text.charCodeAt(at) === 0x3a ? readIpv6Run(text, at) : readNameRun(text, at);
    if (!candidate) continue;
    ANCHOR.lastIndex = candidate.end;
    // A candidate must begin where a word begins, with a letter, digit or `_`. A run that begins
    // with `-` or a combining mark (`-a.b.c…`) is no candidate, and neither is any part of it:
    // every later dot of the run walks back to the same start. So the whole run is passed over
    // at once; going on from the next dot instead made such a run cost its length squared
    // (issue 13: 40 kB of it froze a tab for 4 s).
    if (candidate.ipv6 || isLabelStart(text, candidate.start)) visit(candidate);
  }
}
