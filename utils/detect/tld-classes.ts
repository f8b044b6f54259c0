// Which top-level domains exist, and which of them collide with everyday non-host text.
//
// Existence comes from IANA's root zone list in the `tlds` package, never from a hand-kept
// list. The two collision classes below are ours: they are judgements about the text readers
// meet (file names, code), not about the DNS, so they are small and each entry is tested to be
// a real TLD (tests/unit/detect/tld-classes.test.ts).
import punycode from 'punycode/punycode.js';
import tldList from 'tlds';

/**
 * Every delegated TLD in ASCII form (`рф` is stored as `xn--p1ai`), built once at module load.
 * The package is a plain JSON array of ~1,440 names; bundled it adds about 5.5 kB gzip
 * (bench/detect.ts measures it).
 */
export const TLDS: ReadonlySet<string> = new Set(tldList.map((tld) => punycode.toASCII(tld)));

/**
 * TLDs that are also common file extensions: `main.py`, `README.md`, `lib.rs`, `setup.sh`,
 * `archive.zip`, `clip.mov`, `script.pl`, `libc.so`, `Safari.app`, `key.pub`, `main.tf`,
 * `configure.ac`, `Makefile.am`, `rules.mk`, `Code.gs`.
 */
const FILE_LIKE = [
  'ac',
  'am',
  'app',
  'cab',
  'cc',
  'gs',
  'java',
  'md',
  'mk',
  'ml',
  'mov',
  'pl',
  'pm',
  'ps',
  'pub',
  'py',
  'rs',
  'sc',
  'sh',
  'so',
  'tf',
  'tt',
  'zip',
];

/**
 * TLDs that are also property or method names programmers write after a dot
 * (`item.id`, `user.email`, `this.name`, `el.style`, `window.top`, `arr.map`, `e.target`,
 * `foo.bar`), so a bare `word.word` ending in one is more often code than a host.
 */
const WORD_LIKE = [
  'auto',
  'bar',
  'bot',
  'box',
  'build',
  'call',
  'camera',
  'case',
  'click',
  'contact',
  'data',
  'date',
  'day',
  'docs',
  'download',
  'email',
  'events',
  'fail',
  'final',
  'fit',
  'foo',
  'game',
  'global',
  'group',
  'host',
  'id',
  'int',
  'like',
  'link',
  'map',
  'media',
  'menu',
  'mobile',
  'name',
  'new',
  'next',
  'now',
  'one',
  'open',
  'page',
  'phone',
  'photo',
  'play',
  'post',
  'read',
  'rest',
  'run',
  'save',
  'search',
  'show',
  'site',
  'storage',
  'store',
  'stream',
  'style',
  'tab',
  'target',
  'tel',
  'today',
  'top',
  'total',
  'video',
  'watch',
  'win',
  'work',
  'zone',
];

export type TldClass = 'plain' | 'file' | 'word';

const CLASSES = new Map<string, TldClass>([
  ...FILE_LIKE.map((tld) => [tld, 'file'] as const),
  ...WORD_LIKE.map((tld) => [tld, 'word'] as const),
]);

/** The class of an ASCII lowercase TLD, or null when it is not delegated at all. */
export function classifyTld(tld: string): TldClass | null {
  if (!TLDS.has(tld)) return null;
  return CLASSES.get(tld) ?? 'plain';
}

/** Every TLD we treat as ambiguous (tests check each is still a real TLD). */
export const AMBIGUOUS_TLDS: ReadonlySet<string> = new Set(CLASSES.keys());
