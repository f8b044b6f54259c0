// What surrounds a candidate: the evidence that it is (or is not) a host. Each reader looks at a
// few characters on one side with charCodeAt and startsWith (a slice only to read a scheme), no
// regex: they run for every candidate of a whole article.

export interface Context {
  /** `http://`, `hxxps://`, `ftp[:]//`, or a bare `//` right before (userinfo aside). */
  url: boolean;
  /** `user@`, `user[@]`, `user(at)` right before: the domain of an e-mail address. */
  email: boolean;
  /** The scheme or the at-sign before it is defanged (`hxxp`, `fxp`, `[:]`, `[@]`, `(at)`). */
  defangedPrefix: boolean;
  /** `:443` right after. */
  port: boolean;
  /** `/path` right after. */
  path: boolean;
  /** `(` right after: a method call (`arr.map(`, `logger.info(`). */
  call: boolean;
  /** Right before: a path separator (`src/main.rs`), `$`/`#` (code, CSS), `.` (`a?.b.name`), `:`. */
  codeOrPath: boolean;
}

const SLASH = 0x2f;
const COLON = 0x3a;
const AT = 0x40;

/** The defanged spellings of `@` that readers meet; `[@]`-style first, then the word forms. */
const DEFANGED_ATS = ['[@]', '(@)', '{@}', '[at]', '(at)', '{at}', '[AT]', '(AT)', '{AT}'];

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

function isSchemeChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** Reads back from `://` (or `[:]//`) at `slashes` and reports whether a defanged scheme was used. */
function readScheme(text: string, slashes: number): { url: boolean; defanged: boolean } {
  let colon = -1;
  let defanged = false;
  if (text.charCodeAt(slashes - 1) === COLON) colon = slashes - 1;
  else if (text.startsWith('[:]', slashes - 3)) {
    colon = slashes - 3;
    defanged = true;
  }
  // A bare `//example.com` is a protocol-relative URL: still a URL.
  if (colon < 0) return { url: true, defanged: false };
  // hxxp(s) and fxp(s) are the usual defanged spellings of http(s) and ftp(s). Schemes are
  // short: look back a few characters at most, so a long run of letters costs nothing.
  let i = colon;
  while (i > 0 && colon - i < 8 && isSchemeChar(text.charCodeAt(i - 1))) i--;
  const scheme = text.slice(i, i + 4).toLowerCase();
  if (scheme === 'hxxp' || scheme.startsWith('fxp')) defanged = true;
  return { url: true, defanged };
}

/** True for `]`, `)`, `}`: the last character of every defanged at-sign. */
function isClosing(code: number): boolean {
  return code === 0x5d || code === 0x29 || code === 0x7d;
}

/** True for `[`, `(`, `{`: the first character of every defanged at-sign. */
function isOpening(code: number): boolean {
  return code === 0x5b || code === 0x28 || code === 0x7b;
}

/** Length of a defanged at-sign (with optional spaces) ending just before `end`, or 0. */
function defangedAtBefore(text: string, end: number): number {
  const close = isSpace(text.charCodeAt(end - 1)) ? end - 1 : end;
  if (!isClosing(text.charCodeAt(close - 1))) return 0;
  for (const at of DEFANGED_ATS) {
    const from = close - at.length;
    if (from >= 0 && text.startsWith(at, from))
      return end - (isSpace(text.charCodeAt(from - 1)) ? from - 1 : from);
  }
  return 0;
}

/** True when a plain or defanged `@` follows at `end`: the candidate is a local part. */
export function isLocalPart(text: string, end: number): boolean {
  if (text.charCodeAt(end) === AT) return true;
  const open = isSpace(text.charCodeAt(end)) ? end + 1 : end;
  if (!isOpening(text.charCodeAt(open))) return false;
  for (const at of DEFANGED_ATS) if (text.startsWith(at, open)) return true;
  return false;
}

/** Evidence around the candidate `text.slice(start, end)`. */
export function readContext(text: string, start: number, end: number): Context {
  const before = text.charCodeAt(start - 1);
  let url = false;
  let email = false;
  let defangedPrefix = false;
  if (before === SLASH && text.charCodeAt(start - 2) === SLASH) {
    ({ url, defanged: defangedPrefix } = readScheme(text, start - 2));
  } else if (before === AT) {
    // `user@host` or `scheme://user@host`; a lone `@host` (a handle) is not evidence.
    email = start >= 2 && !isSpace(text.charCodeAt(start - 2));
  } else {
    const at = defangedAtBefore(text, start);
    if (at > 0 && start - at > 0 && !isSpace(text.charCodeAt(start - at - 1))) {
      email = true;
      defangedPrefix = true;
    }
  }
  const after = text.charCodeAt(end);
  return {
    url,
    email,
    defangedPrefix,
    port: after === COLON && isPort(text, end + 1),
    path: after === SLASH && end + 1 < text.length && !isSpace(text.charCodeAt(end + 1)),
    call: after === 0x28,
    codeOrPath:
      !url &&
      (before === SLASH ||
        before === 0x5c || // backslash: a Windows path
        before === 0x24 || // $
        before === 0x23 || // #
        before === 0x2e || // .
        before === COLON),
  };
}

/** 1–5 digits, at most 65535, then not another digit or letter: `:8443`, not `:500000`. */
function isPort(text: string, from: number): boolean {
  let value = 0;
  let i = from;
  for (; i < text.length && i - from <= 5; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) break;
    value = value * 10 + code - 0x30;
  }
  const digits = i - from;
  if (digits === 0 || digits > 5 || value > 65535) return false;
  const next = text.charCodeAt(i);
  return !(isSchemeChar(next) || next === 0x2e);
}
