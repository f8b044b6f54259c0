// In Firefox, a reader opens an article: every host in its text is marked, counted on the toolbar
// badge and listed in the popup — the journey of ../e2e/page-marks.e2e.test.ts on the Firefox build.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXPECTED_HOSTS } from '../fixtures/pages/expected-hosts';
import { startPageServer, type StubServer } from '../e2e/support/stub-servers';
import { launchFirefox, type LaunchedFirefox } from './support/firefox';

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
    tab = await ff.browser.newPage();
    url = `${server.url}/${STORY}`;
    await tab.goto(url);
    domBefore = await tab.evaluate(() => document.documentElement.innerHTML);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.stop();
  });

  it('marks every expected host with the highlight, without changing the page’s DOM', async () => {
    // Firefox 140+ has the CSS Custom Highlight API; the content script's registry entry is the
    // page's own (read from the main world here), as in Chromium.
    await tab.waitForFunction(
      (n) => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= n,
      { timeout: 10_000 },
      EXPECTED.length,
    );
    const marks: string[] = await tab.evaluate(() =>
      [...(CSS as any).highlights.get('hostlens')].map((range: Range) => range.toString()),
    );
    expect([...new Set(marks.map(refang))].sort()).toEqual(EXPECTED);
    expect(await tab.evaluate(() => document.documentElement.innerHTML)).toBe(domBefore);
  });

  it('counts the hosts on the toolbar badge and lists them in the popup for that tab', async () => {
    const tabId = await ff.tabIdOf(url);
    const popup = await ff.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForFunction(
      (n) => document.querySelectorAll('[data-host]').length >= n,
      {},
      EXPECTED.length,
    );
    const hosts = await popup.$$eval('[data-host]', (rows) => rows.map((r) => r.getAttribute('data-host')!));
    expect(hosts.sort()).toEqual(EXPECTED);
    await popup.close();
    // MV2: the toolbar button is `browserAction` (MV3's `action` does not exist here).
    const badge = await ff.control.evaluate(
      (id) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe(String(EXPECTED.length));
  });

  it('nothing tried to leave loopback', () => {
    expect(ff.outbound).toEqual([]);
  });
});
