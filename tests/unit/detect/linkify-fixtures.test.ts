// The peer fixtures of linkify-it (../shared/fixtures/linkify-it, MIT), read as published. Their
// rules are linkify-it's: where Hostlens decides otherwise, the case is listed below with why.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHosts } from '@/utils/detect/find-hosts';
import { parseLookupInput } from '@/utils/hosts/parse-input';

const DIR = resolve(import.meta.dirname, '../../../../shared/fixtures/linkify-it');

/** links.txt lines where Hostlens does not find linkify-it's link host, and why. */
const NOT_HOSTS_FOR_US: Record<string, string> = {
  'http://example.invalid': '.invalid is reserved (RFC 2606), never a public host',
  'http://inrgess2': 'a single label is not a public host name',
  'http://999     ': 'a single number is not a host',
  'http://host-name': 'a single label is not a public host name',
  '//localhost': 'localhost is this computer, not a host in a story',
  '//test.123': 'a numeric last label is not a TLD',
  'http://localhost:8000?': 'localhost is this computer',
  'GOOGLE.COM.': 'two labels in capitals read as a product name (ASP.NET); a shouted domain is the cost',
  'mailto:foo@bar     ': 'a single label is not a public host name',
  'http://✪df.ws/123': 'symbols are not allowed in IDNA2008 labels; only the valid tail df.ws is found',
  '➡.ws/䨹': 'symbols are not allowed in IDNA2008 labels',
};

/** not_links.txt lines where Hostlens finds a host, and why that is right for a reader. */
const HOSTS_FOR_US: Record<string, string[]> = {
  'http://.example.com': ['example.com'], // the text names example.com
  'hppt://example.com': ['example.com'], // a typo in the scheme does not unmake the host
  '///test.com': ['test.com'],
  '_http://example.com': ['example.com'],
  '_//example.com': ['example.com'],
  '@example.com': ['example.com'], // a domain after @, as in an e-mail address
  'google.com:500000 // invalid port': ['google.com'], // the port is wrong, the host is not
};

function cases(file: string): string[] {
  // Must fail, not skip, when the peer data is missing.
  return readFileSync(resolve(DIR, file), 'utf8').split(/\r?\n/);
}

describe('linkify-it links.txt', () => {
  const lines = cases('links.txt');
  const rows: Array<[string, string]> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line || line.startsWith('%')) continue;
    const next = lines[i + 1];
    const link = next && !next.startsWith('%') ? (i++, next) : line;
    rows.push([line.replace(/\s%.*$/, ''), link.replace(/\s%.*$/, '').trim()]);
  }

  it('has the published cases', () => expect(rows.length).toBeGreaterThan(100));

  it.each(rows)('%s', (text, link) => {
    const hosts = findHosts(text).map((m) => m.host);
    const expected = parseLookupInput(link);
    if (text in NOT_HOSTS_FOR_US || !expected.ok) {
      expect(expected.ok && hosts.includes(expected.host.name)).toBe(false);
    } else {
      expect(hosts).toContain(expected.host.name);
    }
  });
});

describe('linkify-it not_links.txt', () => {
  const rows = cases('not_links.txt').filter((line) => line && !line.startsWith('%'));
  it('has the published cases', () => expect(rows.length).toBeGreaterThan(20));
  it.each(rows)('%s', (text) => {
    expect(findHosts(text).map((m) => m.host)).toEqual(HOSTS_FOR_US[text] ?? []);
  });
});
