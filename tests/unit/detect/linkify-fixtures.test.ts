// linkify-it's own fixtures, read from tests/fixtures/linkify-it (a copy of the shared peer data) at test time, each line with
// Hostlens's expected hosts (linkify-expectations.ts says where and why we differ). A missing
// folder makes this file fail to load: the test fails, it does not skip.
import { describe, expect, it } from 'vitest';
import { findHosts } from '@/utils/detect/find-hosts';
import {
  LINKS_DEVIATIONS,
  NOT_LINKS_DEVIATIONS,
  linkCases,
  notLinkCases,
  type FixtureCase,
} from './linkify-expectations';

const links = linkCases();
const notLinks = notLinkCases();
const row = (c: FixtureCase) => [`${c.file}:${c.line} ${c.raw}`, c] as const;

describe('linkify-it links.txt', () => {
  it('reads the published cases', () => expect(links.length).toBeGreaterThan(100));

  it.each(links.map(row))('%s', (_name, c) => {
    expect(findHosts(c.text).map((m) => m.host)).toEqual(c.hosts);
  });
});

describe('linkify-it not_links.txt', () => {
  it('reads the published cases', () => expect(notLinks.length).toBeGreaterThan(30));

  it.each(notLinks.map(row))('%s', (_name, c) => {
    expect(findHosts(c.text).map((m) => m.host)).toEqual(c.hosts);
  });
});

describe('the deviation tables', () => {
  // A key that no longer matches a line would silently stop documenting anything.
  it.each([
    ['links.txt', Object.keys(LINKS_DEVIATIONS), links],
    ['not_links.txt', Object.keys(NOT_LINKS_DEVIATIONS), notLinks],
  ])('every %s deviation names a line of the file', (_file, keys, cases) => {
    const lines = new Set(cases.map((c) => c.raw));
    expect(keys.filter((key) => !lines.has(key))).toEqual([]);
  });
});
