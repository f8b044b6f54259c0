// DNS text is attacker-controlled. Rendering it as text (never HTML) stops markup; this also
// stops *invisible* tricks: bidi overrides that reverse what follows (U+202E), zero-width
// characters hiding inside look-alike names, and control characters. Each is shown as a
// visible ⟨U+XXXX⟩ token instead.

const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

export function visibleText(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** Cuts long text for display; the caller offers the rest on demand. */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  return text.length > max ? { text: text.slice(0, max), cut: true } : { text, cut: false };
}
