// In Firefox, a reader opens an article on a news site: every host in its text is marked, counted
// on the toolbar badge and listed in the popup — the journey of ../e2e/page-marks.e2e.test.ts, on
// the release build.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXPECTED_HOSTS } from '../fixtures/pages/expected-hosts';
import { startPageServer, type StubServer } from '../e2e/support/stub-servers';
import { launchFirefox, waitFor, type LaunchedFirefox } from './support/firefox';
import { waitForMarks } from './support/pages';

const STORY = 'story-2016.html';
const EXPECTED = EXPECTED_HOSTS[STORY]!;

/** A marked range's text as a host: the story writes one name defanged (`researchers[.]example[.]org`). */
const refang = (text: string) => text.replaceAll('[.]', '.').toLowerCase();

describe('Firefox: marking the hosts of an article', () => {
  let ff: LaunchedFirefox;
  let server: StubServer;
  let tab: Page;
  let url: string;
  let domBefore: string;

  beforeAll(async () => {
    server = await startPageServer({
      [`/${STORY}`]: readFileSync(new URL(`../fixtures/pages/${STORY}`, import.meta.url), 'utf8'),
    });
    ff = await launchFirefox();
    url = `${server.url}/${STORY}`;
    tab = await ff.openArticle(url);
    domBefore = await tab.evaluate(() => document.documentElement.innerHTML);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.stop();
  });

  it('opens the article from the news site’s own name', async () => {
    expect(url).toMatch(/^http:\/\/news\.example-paper\.com:\d+\//);
    expect(await tab.evaluate(() => [location.href, document.title])).toEqual([
      url,
      'A server that talked to a bank',
    ]);
  });

  it('marks every expected host with the highlight, without changing the page’s DOM', async () => {
    // Firefox 140+ has the CSS Custom Highlight API; the content script's registry entry is the
    // page's own (read from the main world here), as in Chromium.
    const marks = await waitForMarks(tab, EXPECTED.length);
    expect([...new Set(marks.map(refang))].sort()).toEqual(EXPECTED);
    expect(await tab.evaluate(() => document.documentElement.innerHTML)).toBe(domBefore);
  });

  it('counts the hosts on the toolbar badge and lists them in the popup for that tab', async () => {
    const tabId = await ff.tabIdOf(tab);
    const popup = await ff.openExtensionPage(`popup.html?tabId=${tabId}`);
    const hosts = await waitFor(
      popup,
      (n) => {
        const rows = [...document.querySelectorAll('[data-host]')].map((r) => r.getAttribute('data-host')!);
        return rows.length >= n ? rows : null;
      },
      EXPECTED.length,
      { what: 'the popup’s host list' },
    );
    expect(hosts.sort()).toEqual(EXPECTED);
    await popup.close();
    // MV2: the toolbar button is `browserAction` (MV3's `action` does not exist here).
    const badge = await ff.control.evaluate(
      (id) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe(String(EXPECTED.length));
  });

  it('asked none of the default services anything, and nothing tried to leave the test’s world', () => {
    // Marking and listing are local: no name from the page reaches a history source.
    for (const host of ff.world.ports.keys()) expect(ff.world.requests(host), host).toEqual([]);
    expect(ff.outbound).toEqual([]);
  });
});
