// Internationalized names: ASCII (punycode, what DNS carries) and Unicode (what readers see).
// punycode.js implements RFC 3492 plus the label mapping used by URL parsers.
import punycode from 'punycode/punycode.js';

const PLAIN_ASCII = /^[\x21-\x7e]*$/;
const LDH_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Lowercases, maps Unicode labels to punycode and checks every label is a valid DNS label.
 * Returns null when the result cannot be a host name (empty label, over 253 characters...).
 * Underscores are allowed because `_dmarc` and SRV owner names are real names users look up.
 */
export function toAsciiName(name: string): string | null {
  let ascii = PLAIN_ASCII.test(name) ? name.toLowerCase() : unicodeToAscii(name);
  if (ascii === null) return null;
  ascii = ascii.replace(/\.$/, '');
  if (ascii.length === 0 || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (!labels.every((label) => LDH_LABEL.test(label))) return null;
  // A label starting with xn-- must decode, or it is not an IDN at all.
  for (const label of labels) {
    if (label.startsWith('xn--')) {
      try {
        punycode.decode(label.slice(4));
      } catch {
        return null;
      }
    }
  }
  return ascii;
}

/** Unicode labels → punycode. NFKC folds compatibility forms (Arabic presentation forms,
 * full-width letters) as UTS #46 does. */
function unicodeToAscii(name: string): string | null {
  try {
    return punycode.toASCII(name.normalize('NFKC').toLowerCase());
  } catch {
    return null;
  }
}

/** The Unicode form for display; falls back to the ASCII form when a label does not decode. */
export function toUnicodeName(ascii: string): string {
  try {
    return punycode.toUnicode(ascii);
  } catch {
    return ascii;
  }
}
