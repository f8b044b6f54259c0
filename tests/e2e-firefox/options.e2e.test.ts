// In Firefox, a reader changes the options and sees each change take effect: the marks drawn as
// underlines only, Mnemonic switched off (the details view no longer asks it), and the news site
// added to "Sites where Hostlens stays off" (its articles are no longer read or marked), and an
// API key kept where content scripts cannot read it. Each change is saved with "Save", which
// answers "Saved.".
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXPECTED_HOSTS } from '../fixtures/pages/expected-hosts';
import { startPageServer, type StubServer } from '../e2e/support/stub-servers';
import { ARTICLE_HOST, DEFAULT_SERVICE_HOSTS } from '../e2e/support/world';
import { launchFirefox, waitFor, type LaunchedFirefox } from './support/firefox';
import { element, fill, LookupPopup, saveOptions, waitForMarks } from './support/pages';
import { MAIL1_MNEMONIC_ROW } from '../e2e/support/stub-servers';

const STORY = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
const MARKS = EXPECTED_HOSTS['story-2016.html']!.length;

describe('Firefox: options take effect', () => {
  let ff: LaunchedFirefox;
  let server: StubServer;
  /** How long marking the story took once (ms): the yardstick for "stays unmarked". */
  let markingTook = 0;

  beforeAll(async () => {
    server = await startPageServer({ '/story.html': STORY });
    ff = await launchFirefox({
      world: {
        mnemonic: [MAIL1_MNEMONIC_ROW],
      },
    });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.stop();
  });

  const openStory = () => ff.openArticle(`${server.url}/story.html`);
  const highlightNames = (tab: Page) =>
    tab.evaluate(() => [...((CSS as any).highlights?.keys() ?? [])] as string[]);

  it('"Look of the marks: Underline only" is saved, and the next article is marked that way', async () => {
    const saved = await saveOptions(ff, async (page) => {
      // A closed <select> changes with the arrow keys, as a keyboard user changes it.
      await (await element(page, 'combobox', 'Look of the marks')).focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.$eval('#mark-style', (s) => (s as HTMLSelectElement).value)).toBe('underline');
    });
    expect(saved).toBe('Saved.');

    const started = Date.now();
    const tab = await openStory();
    expect(await waitForMarks(tab, MARKS, 'hostlens-underline')).toHaveLength(MARKS);
    markingTook = Date.now() - started;
    expect(await highlightNames(tab)).not.toContain('hostlens');
    await tab.close();
  });

  it('Mnemonic switched off is saved, and a host’s details no longer ask it', async () => {
    const saved = await saveOptions(ff, async (page) => {
      const mnemonic = await element(page, 'checkbox', 'Mnemonic');
      expect(await mnemonic.evaluate((c) => (c as HTMLInputElement).checked)).toBe(true);
      await mnemonic.click();
    });
    expect(saved).toBe('Saved.');

    const popup = await LookupPopup.open(ff);
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.records('A')).toEqual(['66.216.133.29']);
    expect(await popup.settled('history')).toBe('disabled');
    expect(ff.world.requests(DEFAULT_SERVICE_HOSTS.mnemonic)).toEqual([]);
    await popup.page.close();
  });

  it('the news site under "Sites where Hostlens stays off" is saved, and its articles stay unmarked', async () => {
    const saved = await saveOptions(ff, (page) =>
      fill(page, 'textbox', 'Sites where Hostlens stays off', ARTICLE_HOST),
    );
    expect(saved).toBe('Saved.');
    // The list reads back as saved.
    const options = await ff.openExtensionPage('options.html');
    await element(options, 'button', 'Save');
    expect(await options.$eval('#excluded-sites', (t) => (t as HTMLTextAreaElement).value)).toBe(
      ARTICLE_HOST,
    );
    await options.close();

    const tab = await openStory();
    await waitFor(tab, () => document.readyState === 'complete', undefined, { what: 'the article to load' });
    // Nothing can be waited for when the content script stays off: watch for three times as long
    // as marking this very article took in the first test (at least 1.5 s) and see no mark.
    const window = Math.max(1500, 3 * markingTook);
    for (const end = Date.now() + window; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
      expect(await highlightNames(tab)).toEqual([]);
    // Nothing was reported for the tab either: its popup lists no host, its badge is empty.
    const tabId = await ff.tabIdOf(tab);
    const popup = await ff.openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await popup.$$eval('[data-host]', (rows) => rows.length)).toBe(0);
    expect(
      await ff.control.evaluate(
        (id) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: id }),
        tabId,
      ),
    ).toBe('');
    await Promise.all([popup.close(), tab.close()]);
  });

  it('an API key saved in the options page is kept out of storage.local (a content script can read that)', async () => {
    const KEY = 'ff-readers-own-key-91c2';
    const saved = await saveOptions(ff, async (page) => {
      const field = await page.waitForSelector('#source-virustotal-key');
      await field!.type(KEY);
    });
    expect(saved).toBe('Saved.');
    // Stored: the options page reads it back (from the extension's IndexedDB)…
    const options = await ff.openExtensionPage('options.html');
    await element(options, 'button', 'Save');
    expect(await options.$eval('#source-virustotal-key', (i) => (i as HTMLInputElement).value)).toBe(KEY);
    await options.close();
    // …and storage.local, which Firefox lets content scripts read, has no trace of it.
    const local = await ff.control.evaluate(async () =>
      JSON.stringify(await (globalThis as any).browser.storage.local.get(null)),
    );
    expect(local).not.toContain(KEY);
  });

  it('nothing tried to leave the test’s world', () => {
    expect(ff.outbound).toEqual([]);
  });
});
