// Adversarial text for findHosts, in families: the shapes that make a scanner look at the same
// characters again and again. Issue 13 was one of them (a dotted run that begins with `-` or a
// combining mark was rescanned from each of its dots); the others are here so that no shape of
// the same kind comes back unnoticed. Each shape makes a text of exactly `size` characters
// (UTF-16 code units) from a seeded random source, so a seed names the same text on every
// machine. tests/fuzz/detector-timing.ts times them; `npm run fuzz`, `npm run bench` and a unit
// test (tests/unit/fuzz-detector.test.ts) run them.
//
// Not here: text that is nothing but short hosts (`a.рф a.рф …`, `::1 ::1 …`). It is linear
// too, but every host pays for its own normalization (punycode for an IDN), so a megabyte of
// 200,000 hosts takes 0.2-1.6 s of CPU: a cost per host found, not a rescan, and over the
// 200 ms these families are held to.

export interface Shape {
  /** Names show combining marks as `U+0301`: alone, a mark would sit on the character before it. */
  name: string;
  make(size: number, random: () => number): string;
}

export interface Family {
  name: string;
  shapes: Shape[];
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TILE = 10_000;

/** `head`, then `unit` again and again, cut to `size`. */
const repeated = (name: string, unit: string, head = ''): Shape => ({
  name,
  make: (size) => (head + unit.repeat(Math.ceil(size / unit.length))).slice(0, size),
});

/**
 * Pieces from `piece` joined until `size`, then cut to it. Past TILE characters the text repeats
 * itself, so every size has the same mix of pieces and a character's cost compares across sizes
 * (a 10 kB start of a long random text may hold one cheap shape only). For the scan a repeat is
 * more of the same shapes and joins; a run that crosses tiles grows with the text.
 */
const generated = (name: string, piece: (random: () => number) => string): Shape => ({
  name,
  make(size, random) {
    const parts: string[] = [];
    for (let length = 0; length < Math.min(size, TILE);) {
      const part = piece(random);
      parts.push(part);
      length += part.length;
    }
    const tile = parts.join('').slice(0, TILE);
    return tile.repeat(Math.ceil(size / tile.length)).slice(0, size);
  },
});

const pick = <T>(random: () => number, items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;
const drawn = (random: () => number, from: string, length: number) => {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, from);
  return text;
};
const letters = (random: () => number, length: number) =>
  drawn(random, 'abcdefghijklmnopqrstuvwxyz0123456789', length);
/** Combining marks of several scripts: acute, Thai mai ek, Devanagari virama, Hebrew point. */
const MARKS = ['\u0301', '\u0e48', '\u094d', '\u05b8'];

const RUN_FAMILIES: Family[] = [
  {
    name: 'long label runs',
    shapes: [
      repeated('one word', 'a'),
      repeated('a.a.a…', 'a.'),
      repeated('63-letter labels', `${'a'.repeat(63)}.`),
      repeated('names run together', 'mail1.trump-email.com'),
      generated('random labels', (r) => `${letters(r, 1 + Math.floor(r() * 80))}.`),
    ],
  },
  {
    name: 'runs of dots',
    shapes: [
      repeated('dots', '.'),
      repeated('a..a..', 'a..'),
      repeated('dot and space', '. '),
      repeated('initials', 'A. '),
      generated('random dots', (r) => '.'.repeat(1 + Math.floor(r() * 5)) + letters(r, Math.floor(r() * 4))),
    ],
  },
  {
    name: 'hyphens',
    shapes: [
      repeated('hyphens', '-'),
      repeated('-a.a.a… (issue 13)', 'a.', '-'),
      repeated('-.-.', '-.'),
      repeated('a-.a-.', 'a-.'),
      repeated('a.-a.-a', '.-a'),
      repeated('-a[.]a[.]…', 'a[.]', '-'),
      generated(
        'random hyphens',
        (r) => pick(r, ['-', '-a', 'a-', '.', '--', 'xn--a', '.-']) + letters(r, 1),
      ),
    ],
  },
  {
    name: 'combining marks',
    shapes: [
      repeated('marks', '\u0301'),
      repeated('U+0301 a.a.a… (issue 13)', 'a.', '\u0301'),
      repeated('a U+0301 .', 'a\u0301.'),
      repeated('. U+0301 a', '.\u0301a'),
      repeated('U+0301 .', '\u0301.'),
      generated(
        'random marks',
        (r) => pick(r, MARKS) + pick(r, ['', 'a', 'é', 'ก', '.', '.', '-']) + pick(r, MARKS),
      ),
    ],
  },
  {
    name: 'defanged dots',
    shapes: [
      repeated('[.][.]…', '[.]'),
      repeated('a[.]a[.]…', 'a[.]'),
      repeated('a [.] a [.] …', 'a [.] '),
      repeated('a(dot)a(dot)…', 'a(dot)'),
      repeated('[[.]]', '[[.]]'),
      repeated('[.a', '[.a'),
      generated(
        'random defangs',
        (r) =>
          pick(r, ['[.]', '(.)', '{.}', '[dot]', '(DOT)', ' [.] ', '[.', '.]', '[', ']']) +
          letters(r, Math.floor(r() * 3)),
      ),
    ],
  },
  {
    name: 'digits',
    shapes: [
      repeated('digits', '1'),
      repeated('1.1.1…', '1.'),
      repeated('IP-like run', '1.2.3.4.'),
      repeated('addresses run together', '198.51.100.7'),
      repeated('999.999…', '999.'),
      repeated('-1.1.1…', '1.', '-'),
      repeated('five-part addresses', '1.2.3.4.5 '),
      repeated('out-of-range addresses', '999.1.1.1 '),
      generated(
        'random digit runs',
        (r) => drawn(r, '0123456789', 1 + Math.floor(r() * 4)) + pick(r, ['.', '.', '.', '[.]', ' ', '-']),
      ),
    ],
  },
  {
    name: 'colons',
    shapes: [
      repeated('colons', ':'),
      repeated('a:a:a…', 'a:'),
      repeated('1:1:1…', '1:'),
      repeated('::::', '::'),
      repeated('fe80::1:…', 'fe80::1:'),
      repeated('eight groups run together', '1:2:3:4:5:6:7:8'),
    ],
  },
];

const ALL_SHAPES = RUN_FAMILIES.flatMap((family) => family.shapes);

export const DETECTOR_FAMILIES: Family[] = [
  ...RUN_FAMILIES,
  {
    // Pieces of every shape above, one after the other: the joins are where a run can begin in
    // one shape and end in another.
    name: 'mixed',
    shapes: [
      generated('short pieces of every shape', (r) => pick(r, ALL_SHAPES).make(1 + Math.floor(r() * 200), r)),
      generated('long pieces of every shape', (r) => pick(r, ALL_SHAPES).make(1 + Math.floor(r() * 3000), r)),
    ],
  },
];
