// Undo "defanging": threat reports and careful reporters write `evil[.]com`, `hxxps://`,
// `user[@]example.org` so that nobody clicks. We read them as the names they stand for.

const DOT = /\s?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})\s?/gi;
const AT = /\s?(?:\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\})\s?/gi;
const COLON = /\[:\]/g;
const SCHEME = /\bhxxp(s?)(?=(?::|\[:\])\/\/)/gi;
const FX_SCHEME = /\bfxp(s?)(?=(?::|\[:\])\/\/)/gi;

/** Returns `text` with defanged dots, at-signs, colons and schemes restored. */
export function refang(text: string): string {
  return text
    .replace(SCHEME, 'http$1')
    .replace(FX_SCHEME, 'ftp$1')
    .replace(COLON, ':')
    .replace(DOT, '.')
    .replace(AT, '@');
}

/** True when `text` contains any defanging marker that `refang` would undo. */
export function isDefanged(text: string): boolean {
  return refang(text) !== text;
}
