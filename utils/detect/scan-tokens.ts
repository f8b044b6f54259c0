// Finds dotted tokens in text: runs of label characters joined by dots or by defanged dots
// (`[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`, `{dot}`). Linear: the regex only finds separators,
// then each token is grown left and right by plain character tests.

/** A separator: a dot, or one of the defanged spellings readers meet in threat reports. */
const SEPARATOR = /\.|[[({](?:\.|dot)[\])}]/gi;
const SEPARATORS = ['[.]', '(.)', '{.}', '[dot]', '(dot)', '{dot}'];

const ASCII_LABEL = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_LABEL[c] = /[A-Za-z0-9_-]/.test(ch) ? 1 : 0;
}
const UNICODE_LABEL = /[\p{L}\p{N}\p{M}]/u;

export function isLabelChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_LABEL[code] === 1;
  // Letters of any script (IDNs such as bücher.de, пример.рф); not punctuation or spaces.
  return code !== 0x200b && UNICODE_LABEL.test(text[index]!);
}

/** Length of the separator starting at `index`, or 0. */
export function separatorAt(text: string, index: number): number {
  const ch = text.charCodeAt(index);
  if (ch === 0x2e) return 1; // '.'
  if (ch !== 0x5b && ch !== 0x28 && ch !== 0x7b) return 0; // '[', '(', '{'
  for (const sep of SEPARATORS) {
    if (text.startsWith(sep, index) || text.slice(index, index + sep.length).toLowerCase() === sep)
      return sep.length;
  }
  return 0;
}

/** Length of the separator ending just before `index`, or 0. */
function separatorBefore(text: string, index: number): number {
  if (text.charCodeAt(index - 1) === 0x2e) {
    // A lone dot, unless it is the middle of `[.]`-style spelling (handled when growing).
    return 1;
  }
  for (const sep of SEPARATORS) {
    if (index >= sep.length && text.slice(index - sep.length, index).toLowerCase() === sep) return sep.length;
  }
  return 0;
}

export interface Token {
  start: number;
  end: number;
  /** The label strings, without separators. */
  labels: string[];
  /** True when any separator was a defanged one. */
  defanged: boolean;
}

/** Reads the token containing the separator at `sepIndex`; null when no label follows or precedes it. */
export function readToken(text: string, sepIndex: number): Token | null {
  // Grow left: labels and separators.
  let start = sepIndex;
  for (;;) {
    let i = start;
    while (i > 0 && isLabelChar(text, i - 1)) i--;
    if (i === start) break; // no label before this separator
    start = i;
    const sep = separatorBefore(text, start);
    if (sep === 0 || !isLabelChar(text, start - sep - 1)) break;
    start -= sep;
  }
  if (start === sepIndex) return null;
  // Grow right.
  let end = sepIndex;
  for (;;) {
    const sep = separatorAt(text, end);
    if (sep === 0 || end + sep >= text.length || !isLabelChar(text, end + sep)) break;
    let i = end + sep;
    while (i < text.length && isLabelChar(text, i)) i++;
    end = i;
  }
  if (end === sepIndex) return null;
  // Split into labels.
  const labels: string[] = [];
  let defanged = false;
  let labelStart = start;
  for (let i = start; i < end;) {
    const sep = isLabelChar(text, i) ? 0 : separatorAt(text, i);
    if (sep > 0) {
      labels.push(text.slice(labelStart, i));
      if (sep > 1) defanged = true;
      i += sep;
      labelStart = i;
    } else i++;
  }
  labels.push(text.slice(labelStart, end));
  return { start, end, labels, defanged };
}

/** Every separator position in order, for the scanner's loop. */
export function separatorPattern(): RegExp {
  return new RegExp(SEPARATOR.source, SEPARATOR.flags);
}
