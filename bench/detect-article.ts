// A generated news-and-threat-report article for the detector benchmark: paragraphs of prose
// with host names, URLs, e-mail addresses, IPv4/IPv6 addresses, defanged indicators and IDNs,
// mixed with the look-alikes the detector must leave alone (file names, product names,
// abbreviations, versions, times, code). Deterministic: the same seed gives the same text, and
// the generator records every host it wrote, in order, as the truth to score against.
import { seededRandom } from '../tests/fuzz/detector-families';

const FILLER = (
  'the a of and to in that it was for on is with as by he she they said at from his her an were ' +
  'which this be had not are but have its after two new been who more one their will about first ' +
  'also than when other into year some could people time them report company officials server ' +
  'servers bank traffic records researchers experts logs name names address lookups campaign ' +
  'story week month phone statement investigators analysts network message messages evidence'
).split(' ');
const SYLLABLES =
  'al fa tr ump mail con tact cli ent list rak cen dyn sec ure bank ex am ple da ta nor va'.split(' ');
const PLAIN_TLDS = ['com', 'com', 'com', 'org', 'net', 'de', 'co.uk', 'io', 'ru', 'fr', 'info', 'gov'];
const SUBDOMAINS = ['', '', '', 'mail1.', 'www.', 'cdn.', 'login.', 'api.', 'static.', 'ns1.'];
const IDNS: Array<[string, string]> = [
  ['bücher.de', 'xn--bcher-kva.de'],
  ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
  ['аррӏе.com', 'xn--80ak6aa92e.com'],
  ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
];
const LOOK_ALIKES = [
  'main.py',
  'README.md',
  'setup.sh',
  'archive.zip',
  'clip.mov',
  'lib.rs',
  'notes.txt',
  'report.pdf',
  'Node.js',
  'ASP.NET',
  'Vue.js',
  'Socket.IO',
  'e.g.',
  'i.e.',
  'U.S.',
  'a.m.',
  'p.m.',
  'v1.2.3',
  '10.0.19041',
  '3.14',
  '999.1.1.1',
  '04:12:45',
  'window.location.href',
  'document.body',
  'this.name',
  'user.email',
  'item.id',
  'printer.local',
  'host.internal',
  'foo.invalid',
  'localhost',
  'narrative.Security',
];

export interface Article {
  text: string;
  /** Every host the text contains, normalized, in order of appearance. */
  hosts: string[];
}

/** An article of at least `size` characters. */
export function generateNewsArticle(size: number, seed = 20161031): Article {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = () => pick(SYLLABLES) + pick(SYLLABLES) + (next() < 0.3 ? pick(SYLLABLES) : '');
  const hostName = () =>
    `${pick(SUBDOMAINS)}${word()}${next() < 0.3 ? `-${word()}` : ''}.${pick(PLAIN_TLDS)}`;
  const byte = () => Math.floor(next() * 254) + 1;
  const hosts: string[] = [];
  const found = (host: string, written: string) => (hosts.push(host), written);

  /** One item worth (or not worth) marking, as it would be written in a story or a report. */
  const item = (): string => {
    const r = next();
    const host = hostName();
    if (r < 0.14) return found(host, host);
    if (r < 0.2)
      return found(
        host,
        host.replace(/^\w/, (c) => c.toUpperCase()),
      );
    if (r < 0.3) return found(host, `https://${host}/${word()}/${word()}.html?id=${byte()}`);
    if (r < 0.34) return found(host, `http://${host}:8080/`);
    if (r < 0.42) return found(host, `${word()}.${word()}@${host}`);
    if (r < 0.48) return found(host, host.replace(/\./g, '[.]'));
    if (r < 0.52) return found(host, `hxxps://${host.replace(/\./g, '[.]')}/${word()}`);
    if (r < 0.54) return found(host, `${word()}[@]${host}`);
    if (r < 0.6) {
      const ip = `${byte()}.${byte()}.${byte()}.${byte()}`;
      return found(ip, next() < 0.7 ? ip : ip.replace(/\.(\d+)$/, '[.]$1'));
    }
    if (r < 0.63) {
      const ip = `2001:db8:${byte().toString(16)}::${byte().toString(16)}`;
      return found(ip, ip);
    }
    if (r < 0.66) {
      const [written, ascii] = pick(IDNS);
      return found(ascii, written);
    }
    return pick(LOOK_ALIKES);
  };

  const sentence = () => {
    const words: string[] = [];
    const length = 8 + Math.floor(next() * 14);
    for (let i = 0; i < length; i++) {
      if (next() >= 0.06) words.push(pick(FILLER));
      else {
        const r = next();
        words.push(r < 0.1 ? `(${item()})` : r < 0.15 ? `“${item()}”` : item());
      }
    }
    const first = words[0]!;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}${pick(['.', '.', '.', ',', ';', ':'])}`.replace(/[,;:]$/, '.');
  };

  const code = () => {
    const api = hostName();
    hosts.push(api);
    return [
      'const url = window.location.href;',
      `const res = await fetch("https://${api}/v1/items");`,
      'if (user.email && this.name) console.log(item.id, self.host);',
      'import os.path',
      'df = pd.read_csv("data.csv"); model.fit(df.values)',
    ].join('\n');
  };

  const paragraphs: string[] = [];
  let length = 0;
  while (length < size) {
    const sentences: string[] = [];
    if (next() >= 0.1) {
      const count = 3 + Math.floor(next() * 5);
      for (let i = 0; i < count; i++) sentences.push(sentence());
    }
    const paragraph = sentences.length ? sentences.join(' ') : code();
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return { text: paragraphs.join('\n\n'), hosts };
}
