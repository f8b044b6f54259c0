// Hostlens's expected outcome for the linkify-it fixture lines (tests/fixtures/linkify-it, copied from the shared peer data,
// MIT, read as published). By default a links.txt line must yield exactly the host of the link
// linkify-it expects, and a not_links.txt line must yield nothing. The tables list every line
// where Hostlens decides otherwise, keyed by the line exactly as it stands in the file, with why.
// Shared by the fixture test and bench/detect.ts (precision and recall on the fixtures).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLookupInput } from '../../../utils/hosts/parse-input';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../../fixtures/linkify-it');

type Deviation = { hosts: string[]; why: string };

/** links.txt lines where Hostlens expects other hosts than linkify-it's link. */
export const LINKS_DEVIATIONS: Record<string, Deviation> = {
  '[https](https://www.ibm.com)[mailto](mailto:someone@ibm.com) % should not catch as auth (before @ in big link)':
    {
      hosts: ['www.ibm.com', 'ibm.com'],
      why: 'the mailto address names a second host; linkify lists it second',
    },
  "http://example.invalid % don't restrict root domain when schema exists": {
    hosts: [],
    why: '.invalid is reserved (RFC 6761) and never resolves',
  },
  'http://inrgess2 % Allow local domains to end with digit': {
    hosts: [],
    why: 'a single label is an intranet name, not a public host',
  },
  'http://999      % ..and start with digit, and have digits only': {
    hosts: [],
    why: 'a single number is neither a host name nor an address',
  },
  'http://host-name % local domain with dash': { hosts: [], why: 'a single label is not a public host' },
  '//localhost': { hosts: [], why: 'localhost is the reader’s own machine, not a host in the story' },
  '//test.123': { hosts: [], why: 'a numeric last label is no TLD' },
  'http://localhost:8000?': { hosts: [], why: 'localhost is the reader’s own machine' },
  'mailto:foo@bar      % explicit protocol make it valid': {
    hosts: [],
    why: 'a single label after @ is not a public host',
  },
  'http://✪df.ws/123': {
    hosts: ['df.ws'],
    why: 'symbols are not IDNA2008 letters, so the label starts after ✪; df.ws is the name a reader can check',
  },
  '➡.ws/䨹': { hosts: [], why: 'an arrow symbol is not a label; `ws` alone is no host' },
  '｜www.google.com/www.google.com/foo｜bar    % #46, asian vertical pipes': {
    hosts: ['www.google.com', 'www.google.com'],
    why: 'the path spells a host name too, and readers see it as one',
  },
};

/** not_links.txt lines where Hostlens does find a host, and why that is right for a reader. */
export const NOT_LINKS_DEVIATIONS: Record<string, Deviation> = {
  'http://.example.com': { hosts: ['example.com'], why: 'the text still names example.com' },
  'hppt://example.com': { hosts: ['example.com'], why: 'a typo in the scheme does not unmake the host' },
  '///test.com': {
    hosts: ['test.com'],
    why: 'not a valid URL, but test.com is a real, public name',
  },
  '_http://example.com': { hosts: ['example.com'], why: 'the host is there whatever precedes the scheme' },
  '_//example.com': { hosts: ['example.com'], why: 'as above' },
  '@example.com': { hosts: ['example.com'], why: 'a name on a public TLD, whatever precedes it' },
  'google.com:500000 // invalid port': {
    hosts: ['google.com'],
    why: 'the port is wrong, the host is not (and no port is taken as evidence)',
  },
};

export interface FixtureCase {
  file: 'links.txt' | 'not_links.txt';
  /** 1-based line number in the file. */
  line: number;
  /** The line as it stands in the file (the key of the deviation tables). */
  raw: string;
  /** What the detector reads: the line without linkify-it's trailing `% comment`. */
  text: string;
  /** Hosts Hostlens must find, in order. */
  hosts: string[];
  /** Why Hostlens differs from linkify-it here, when it does. */
  why?: string;
}

const stripComment = (line: string) => line.replace(/\s%.*$/, '');

function readLines(file: string): string[] {
  // Throws when the peer data is missing: the tests that use it must fail, not skip.
  return readFileSync(resolve(FIXTURE_DIR, file), 'utf8').split(/\r?\n/);
}

/** links.txt: a line of text, then (if different) the link that must be found; `%` comments. */
export function linkCases(): FixtureCase[] {
  const lines = readLines('links.txt');
  const cases: FixtureCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw || raw.startsWith('%')) continue;
    const line = i + 1;
    const next = lines[i + 1];
    const link = next && !next.startsWith('%') ? (i++, next) : raw;
    const deviation = LINKS_DEVIATIONS[raw];
    const parsed = parseLookupInput(stripComment(link).trim());
    const hosts = deviation?.hosts ?? (parsed.ok ? [parsed.host.name] : []);
    cases.push({ file: 'links.txt', line, raw, text: stripComment(raw), hosts, why: deviation?.why });
  }
  return cases;
}

/** not_links.txt: lines in which linkify-it finds no link. */
export function notLinkCases(): FixtureCase[] {
  return readLines('not_links.txt').flatMap((raw, i) => {
    if (!raw || raw.startsWith('%')) return [];
    const deviation = NOT_LINKS_DEVIATIONS[raw];
    const text = stripComment(raw);
    return [
      { file: 'not_links.txt', line: i + 1, raw, text, hosts: deviation?.hosts ?? [], why: deviation?.why },
    ];
  });
}
