// Turns a candidate's text into its labels, undoing defanged dots, and trims Chinese, Japanese
// and Korean text that touches a name (those scripts put no space between words:
// `访问example.com了解`, `example.com에서`).
import { separatorAt } from './scan-candidates';

export interface Labels {
  /** The labels as written (case kept: the judge reads it), without separators. */
  labels: string[];
  /** True when a separator was defanged (`[.]`, `(.)`, `{dot}`…). */
  defanged: boolean;
  /** Offsets of the trimmed candidate in the text. */
  start: number;
  end: number;
}

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

/** Splits `raw` (found at `start`); the result's offsets exclude any trimmed CJK text. */
export function splitLabels(raw: string, start: number): Labels {
  let text = raw;
  let from = start;
  if (hasNonAscii(raw)) {
    const head = cjkRunLength(raw, 0, 1);
    const tail = cjkRunLength(raw, raw.length - 1, -1);
    // Trim only where a label mixes CJK with other letters; a name written wholly in CJK
    // (`例子.中国`) is an IDN and stays whole.
    const firstDot = raw.indexOf('.');
    const lastDot = raw.lastIndexOf('.');
    const trimHead = head > 0 && head < firstDot ? head : 0;
    const trimTail = tail > 0 && raw.length - tail > lastDot + 1 ? tail : 0;
    if (trimHead || trimTail) {
      text = raw.slice(trimHead, raw.length - trimTail);
      from = start + trimHead;
    }
  }
  // One pass, no regex: this runs for every candidate. Label characters are never `.`, brackets
  // or spaces, so each of those starts a separator the scanner already accepted.
  const labels: string[] = [];
  let defanged = false;
  let labelStart = 0;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const sep =
      code === 0x2e || code === 0x5b || code === 0x28 || code === 0x7b || code <= 0x20 || code === 0xa0;
    const length = sep ? separatorAt(text, i) : 0;
    if (length === 0) {
      i++;
      continue;
    }
    labels.push(text.slice(labelStart, i));
    if (length > 1) defanged = true;
    i += length;
    labelStart = i;
  }
  labels.push(text.slice(labelStart));
  return { labels, defanged, start: from, end: from + text.length };
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Length of the run of CJK characters starting at `index` and walking by `step`. */
function cjkRunLength(text: string, index: number, step: 1 | -1): number {
  let i = index;
  while (i >= 0 && i < text.length && CJK.test(text[i]!)) i += step;
  return Math.abs(i - index);
}
