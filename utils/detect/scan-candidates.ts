// The one regular expression that walks the text: every run that could be a host name, an
// IPv4 address or an IPv6 address, left to right. It only proposes; judge-name.ts and the
// strict IP parsers decide.
//
// Linear time by construction. Both alternatives only start where a word starts (the
// lookbehinds), so a long run of letters is tried once, not once per letter. Inside a name,
// labels and separators are disjoint character sets, so a label can only end one way; the
// IPv6 alternative has bounded repetition. A megabyte of `a.a.a…`, `[.][.]…` or `a:a:…` is
// one pass (tests/unit/detect/find-hosts.test.ts runs them).

/** Letters and digits of any script (IDNs such as bücher.de, пример.рф) and `_` (`_dmarc`). */
const LABEL_START = '[\\p{L}\\p{N}_]';
/** Inside a label: also combining marks (Indic, Arabic scripts) and hyphens. */
const LABEL_REST = '[\\p{L}\\p{N}\\p{M}_-]*';
const LABEL = `${LABEL_START}${LABEL_REST}`;

/**
 * A dot, or a defanged dot as threat reports write it: `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`,
 * `{dot}`, with at most one space on either side of the bracketed forms (`evil [.] com`).
 */
const DEFANGED_DOT = '\\s?(?:\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[[dD][oO][tT]\\]|\\([dD][oO][tT]\\)|\\{[dD][oO][tT]\\})\\s?';
const SEPARATOR = `(?:\\.|${DEFANGED_DOT})`;

/** Labels joined by separators: `mail1.trump-email.com`, `66.216.133[.]29`, `bücher.de`. */
const NAME = `(?<![\\p{L}\\p{N}\\p{M}_-])${LABEL}(?:${SEPARATOR}${LABEL})+`;

/**
 * Hex groups joined by colons, at least two colons (`fe80::1`, `2001:db8:0:0:1:0:0:1`), with an
 * optional dotted IPv4 tail (`::ffff:192.0.2.1`). Not after a letter, digit, colon or dot, so
 * `std::string` and the tail of `10:30:00.5` are not tried; not before one, so the whole
 * address is taken or nothing.
 */
const IPV6 =
  '(?<![\\p{L}\\p{N}_:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\\.\\d{1,3}){3})?(?![\\p{L}\\p{N}_:])';

/** Group 1 is set when the candidate is an IPv6 address; otherwise it is a dotted name. */
const SOURCE = `(${IPV6})|${NAME}`;

/** A fresh scanner (global, Unicode); each call gets its own `lastIndex`. */
export function createScanner(): RegExp {
  return new RegExp(SOURCE, 'gu');
}
