// Turns a candidate's text into its labels, undoing defanged dots, and trims Chinese, Japanese
// and Korean text that touches a name (those scripts put no space between words:
// `访问example.com了解`, `example.com에서`).

export interface Labels {
  /** The labels as written (case kept: the judge reads it), without separators. */
  labels: string[];
  /** True when a separator was defanged (`[.]`, `(.)`, `{dot}`…). */
  defanged: boolean;
  /** Offsets of the trimmed candidate in the text. */
  start: number;
  end: number;
}

const DEFANGED_DOT = /\s?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})\s?/gi;
const NON_ASCII = /[^\x00-\x7f]/;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

/** Splits `raw` (found at `start`); the result's offsets exclude any trimmed CJK text. */
export function splitLabels(raw: string, start: number): Labels {
  let text = raw;
  let from = start;
  if (NON_ASCII.test(raw)) {
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
  const end = from + text.length;
  // Only defanged separators bring brackets or spaces into a candidate.
  const defanged = /[[({\s]/.test(text);
  const labels = (defanged ? text.replace(DEFANGED_DOT, '.') : text).split('.');
  return { labels, defanged, start: from, end };
}

/** Length of the run of CJK characters starting at `index` and walking by `step`. */
function cjkRunLength(text: string, index: number, step: 1 | -1): number {
  let i = index;
  while (i >= 0 && i < text.length && CJK.test(text[i]!)) i += step;
  return Math.abs(i - index);
}
