// Detector throughput and precision/recall, side by side with the peers on the same text in
// the same run: linkify-it (fuzzy links, full IANA TLD list) and ioc-extractor (what Mitaka
// uses). Corpus: the fixture pages (expected hosts written by hand) and a generated article
// whose hosts are known because the generator put them there.
import { seededRandom } from '../tests/fuzz/detector-families';
import { extractIOC } from 'ioc-extractor';
import { LinkifyIt } from 'linkify-it';
import tldList from 'tlds';
import { findHosts } from '../utils/detect/find-hosts';
import { linkCases, notLinkCases } from '../tests/unit/detect/linkify-expectations';
import { generateNewsArticle } from './detect-article';
import { detectBundleLines } from './detect-bundle';
import { parseLookupInput } from '../utils/hosts/parse-input';
import { EXPECTED_HOSTS } from '../tests/fixtures/pages/expected-hosts';
import { pageText } from './page-text';

type Detector = (text: string) => Set<string>;

// linkify-it 6 finds links without a scheme only when asked to (fuzzy options are off by default).
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true }).tlds(tldList);
const hostOf = (s: string) => {
  const parsed = parseLookupInput(s);
  return parsed.ok ? parsed.host.name : null;
};
const collect = (values: Array<string | null>) => new Set(values.filter((v): v is string => v !== null));

const DETECTORS: Record<string, Detector> = {
  hostlens: (text) => new Set(findHosts(text).map((m) => m.host)),
  'linkify-it': (text) => collect((linkify.match(text) ?? []).map((m: { url: string }) => hostOf(m.url))),
  'ioc-extractor': (text) => {
    const ioc = extractIOC(text);
    return collect([...ioc.domains, ...ioc.ipv4s, ...ioc.ipv6s, ...ioc.emails, ...ioc.urls].map(hostOf));
  },
};

const WORDS =
  'the server was looked up by two banks and the reporters wrote that its address moved after the story ran while experts said logs show marketing mail traffic from a company'.split(
    ' ',
  );
const NOT_HOSTS = [
  'main.py',
  'README.md',
  'setup.sh',
  'archive.zip',
  'Node.js',
  'ASP.NET',
  'e.g.',
  'U.S.',
  'a.m.',
  'v1.2.3',
  '10.0.19041',
  '04:12:45',
  'window.location.href',
  'this.name',
  'printer.local',
  'host.internal',
  'narrative.Security',
  '3.14',
  '999.1.1.1',
];

/** An article of about `size` characters with known hosts; returns the text and the truth. */
export function generateArticle(size: number, seed = 2016): { text: string; truth: Set<string> } {
  const next = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const truth = new Set<string>();
  const parts: string[] = [];
  let length = 0;
  let n = 0;
  while (length < size) {
    const r = next();
    let piece: string;
    if (r < 0.04) {
      n++;
      const name = `host${n % 400}.site${n % 97}.${pick(['com', 'org', 'net', 'de', 'co.uk', 'io'])}`;
      const form = Math.floor(next() * 6);
      truth.add(name);
      piece =
        form === 0
          ? name
          : form === 1
            ? `https://${name}/path/to/page.html?x=1`
            : form === 2
              ? `editor@${name}`
              : form === 3
                ? name.replace(/\./g, '[.]')
                : form === 4
                  ? `hxxps://${name.replace(/\./g, '[.]')}/x`
                  : `(${name}).`;
    } else if (r < 0.05) {
      const ip = `198.51.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}`;
      truth.add(ip);
      piece = next() < 0.5 ? ip : ip.replace(/\.(\d+)$/, '[.]$1');
    } else if (r < 0.055) {
      const v6 = `2001:db8:${Math.floor(next() * 65535).toString(16)}::${Math.floor(next() * 255).toString(16)}`;
      truth.add(hostOf(v6)!);
      piece = v6;
    } else if (r < 0.07) {
      piece = pick(NOT_HOSTS);
    } else {
      piece = pick(WORDS) + (next() < 0.08 ? '.' : next() < 0.05 ? ',' : '');
    }
    parts.push(piece);
    length += piece.length + 1;
  }
  return { text: parts.join(' '), truth };
}

function score(found: Set<string>, truth: Set<string>) {
  const hits = [...found].filter((h) => truth.has(h)).length;
  return { precision: found.size ? hits / found.size : 1, recall: truth.size ? hits / truth.size : 1 };
}

function throughput(detector: Detector, text: string): number {
  detector(text); // warm up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    detector(text);
    times.push(performance.now() - t);
  }
  const median = times.sort((a, b) => a - b)[2]!;
  return text.length / 1e6 / (median / 1000);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function benchDetect(): Promise<string[]> {
  const lines: string[] = [];
  const article = generateArticle(1_000_000);
  const speeds = Object.fromEntries(
    Object.entries(DETECTORS).map(([name, d]) => [name, throughput(d, article.text)]),
  );
  const fastestPeer = Math.max(speeds['linkify-it']!, speeds['ioc-extractor']!);
  for (const [name, speed] of Object.entries(speeds)) {
    const { precision, recall } = score(DETECTORS[name]!(article.text), article.truth);
    lines.push(
      `detect: ${name.padEnd(13)} ${speed.toFixed(1).padStart(6)} MB/s (${(speed / fastestPeer).toFixed(2)}x the fastest peer) · generated 1 MB article: precision ${pct(precision)}, recall ${pct(recall)}`,
    );
  }
  for (const [page, expected] of Object.entries(EXPECTED_HOSTS)) {
    const text = pageText(`tests/fixtures/pages/${page}`);
    const truth = new Set(expected);
    const row = Object.entries(DETECTORS).map(([name, d]) => {
      const { precision, recall } = score(d(text), truth);
      return `${name} P ${pct(precision)} R ${pct(recall)}`;
    });
    lines.push(`detect: ${page.padEnd(19)} ${row.join(' · ')}`);
  }
  lines.push(...compareWithLinkify(), ...(await detectBundleLines()));
  return lines;
}

/** Every host linkify-it finds, in order, normalized as ours are. */
const linkifyHosts = (text: string) =>
  (linkify.match(text) ?? []).map((m: { url: string }) => hostOf(m.url)).filter((h) => h !== null);

/** Median wall time of `runs` calls, after one warm-up call. */
function medianMs(run: () => unknown, runs = 15): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

/** Precision and recall counting repeats: finding a host twice where it is written once is an error. */
function scoreList(found: string[], truth: string[]) {
  const left = new Map<string, number>();
  for (const host of truth) left.set(host, (left.get(host) ?? 0) + 1);
  let hits = 0;
  for (const host of found) {
    const n = left.get(host) ?? 0;
    if (n > 0) {
      hits++;
      left.set(host, n - 1);
    }
  }
  return `P ${pct(found.length ? hits / found.length : 1)} R ${pct(truth.length ? hits / truth.length : 1)}`;
}

/**
 * findHosts against linkify-it, same text, same run: time per 100 kB of a generated news
 * article (bench/detect-article.ts), then precision and recall on that article and on
 * linkify-it's own fixtures as Hostlens reads them (tests/unit/detect/linkify-expectations.ts).
 */
function compareWithLinkify(): string[] {
  const { text, hosts } = generateNewsArticle(300_000);
  const per100k = (ms: number) => (ms * 100_000) / text.length;
  const ours = per100k(medianMs(() => findHosts(text)));
  const theirs = per100k(medianMs(() => linkify.match(text)));
  const fixtures = [...linkCases(), ...notLinkCases()];
  const onFixtures = (detect: (text: string) => string[]) => {
    const found: string[] = [];
    const truth: string[] = [];
    fixtures.forEach((c, i) => {
      // Tag each host with its line, so a host found on the wrong line is not a hit.
      found.push(...detect(c.text).map((h) => `${i} ${h}`));
      truth.push(...c.hosts.map((h) => `${i} ${h}`));
    });
    return scoreList(found, truth);
  };
  const findAll = (t: string) => findHosts(t).map((m) => m.host);
  return [
    `detect: findHosts ${ours.toFixed(2)} ms/100kB, linkify-it ${theirs.toFixed(2)} ms/100kB, ratio ${(ours / theirs).toFixed(2)}x`,
    `detect: news article ${Math.round(text.length / 1000)} kB, ${hosts.length} hosts: findHosts ${scoreList(findAll(text), hosts)} · linkify-it ${scoreList(linkifyHosts(text), hosts)}`,
    `detect: linkify-it fixtures, ${fixtures.length} lines as Hostlens reads them: findHosts ${onFixtures(findAll)} · linkify-it ${onFixtures(linkifyHosts)}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchDetect()) console.log(line);
}
