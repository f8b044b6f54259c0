// Attacker text (TXT records, registry and passive-DNS data, page titles) as one inert line, for
// anything Hostlens writes out as text: the card's "Copy" and the evidence Markdown. A line break
// inside a value would forge a line of its own (an extra "record" in a pasted note), and bidi,
// zero-width and control characters (ESC starts terminal sequences) would pass unseen.
import { visibleText } from './visible-text';

/** One line: tabs and line breaks (including U+2028/2029) become spaces. */
export const flattenLines = (text: string) => text.replace(/[\t\n\u2028\u2029]+/g, ' ');

/** One line, with CR, other controls, bidi and invisible characters shown as ⟨U+XXXX⟩. */
export const inertLine = (text: string) => visibleText(flattenLines(text));
