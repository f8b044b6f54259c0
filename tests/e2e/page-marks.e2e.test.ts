// A reader opens an article: every host in its text is marked, counted on the toolbar badge and
// listed in the popup, without the page's DOM changing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from './support/browser';
import { EXPECTED_HOSTS } from '../fixtures/pages/expected-hosts';
import { setExcludedSites } from './support/pages';
import { startPageServer } from './support/stub-servers';
import { staysEqual } from './support/quiet';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');

const EXPECTED = EXPECTED_HOSTS;

describe('marking the hosts of an article', () => {
  let ext: Extension;
  let server: Awaited<ReturnType<typeof startPageServer>>;

  beforeAll(async () => {
    ext = await launchExtension();
    server = await startPageServer({
      '/story-2016.html': page('story-2016.html'),
      '/threat-report.html': page('threat-report.html'),
      '/webdev.html': page('webdev.html'),
      '/live.html':
        '<!doctype html><html><body><main id="live"><p>Live blog starts: first.example.com</p></main></body></html>',
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.stop();
  });

  async function popupHosts(tabId: number, expectedCount: number): Promise<string[]> {
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForFunction((n) => document.querySelectorAll('[data-host]').length >= n, expectedCount);
    const hosts = await popup
      .locator('[data-host]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-host')!));
    await popup.close();
    return hosts.sort();
  }

  async function highlighted(tab: Page): Promise<string[]> {
    // Read the ranges of our highlight from the page's main world (CSS.highlights is per document).
    return tab.evaluate(() => {
      const h = (CSS as any).highlights?.get('hostlens');
      return h ? [...h].map((r: Range) => r.toString()) : [];
    });
  }

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: the badge counts, the popup lists and marks cover exactly the expected hosts`, async () => {
      const tab = await ext.context.newPage();
      const url = `${server.url}/${name}`;
      await tab.goto(url);
      const tabId = await ext.tabIdOf(tab);
      expect(await popupHosts(tabId, expected.length)).toEqual(expected);
      const badge = await ext.worker.evaluate(
        (id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
      expect(badge).toBe(String(expected.length));
      const marks = await highlighted(tab);
      expect(marks.length).toBeGreaterThanOrEqual(expected.length);
      await tab.close();
    });
  }

  it('marks defanged forms on their visible characters', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}/threat-report.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    const marks = await highlighted(tab);
    expect(marks).toEqual(expect.arrayContaining(['evil(.)com', '185.220.101[.]4', 'mail.example.org']));
    await tab.close();
  });

  it('leaves the page’s DOM exactly as it was', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}/story-2016.html`);
    const before = await tab.evaluate(() => document.documentElement.innerHTML);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    expect(await tab.evaluate(() => document.documentElement.innerHTML)).toBe(before);
    await tab.close();
  });

  it('marks content added later (a live blog)', async () => {
    const tab = await ext.context.newPage();
    const url = `${server.url}/live.html`;
    await tab.goto(url);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 1);
    await tab.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update 12:05 — the attackers moved to second.example.net and 192.0.2.44.';
      document.getElementById('live')!.append(p);
    });
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 3);
    expect(await popupHosts(await ext.tabIdOf(tab), 3)).toEqual([
      '192.0.2.44',
      'first.example.com',
      'second.example.net',
    ]);
    await tab.close();
  });

  it('stays off on a site the reader excluded', async () => {
    // The registered domain: its subdomains (the article's news.example-paper.com) are off too.
    expect(await setExcludedSites(ext, ['example-paper.com'])).toBe('Saved.');
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}/story-2016.html`);
    expect(await tab.title()).toBe('A server that talked to a bank'); // the page itself did load
    await staysEqual(() => highlighted(tab), [], 1500, 'no marks');
    const popup = await ext.openExtensionPage(`popup.html?tabId=${await ext.tabIdOf(tab)}`);
    await popup.getByText('No host names or IP addresses found').waitFor();
    expect(await popup.locator('[data-host]').count()).toBe(0);
    await popup.close();
    await tab.close();
    expect(await setExcludedSites(ext, [])).toBe('Saved.');
  });
});
