// Page objects for the extension's own pages in Firefox, in the words a user sees (accessible
// names), like ../../e2e/support/pages.ts does with Playwright. Queries name the role too: the
// `<label>` carries the same accessible name as its field and would match first.
import type { Page } from 'puppeteer-core';
import type { LaunchedFirefox } from './firefox';

/** Options page: type a resolver URL into "DoH resolver URL", press "Save", return the notice. */
export async function setResolver(ff: LaunchedFirefox, url: string): Promise<string> {
  const page = await ff.openExtensionPage('options.html');
  await page.locator('::-p-aria([name="DoH resolver URL"][role="textbox"])').fill(url);
  // A real click: Firefox grants `permissions.request` only while handling user input.
  await page.locator('::-p-aria([name="Save"][role="button"])').click();
  const notice = await page.waitForSelector('[role="status"]:not(:empty), [role="alert"]:not(:empty)');
  const text = (await notice!.evaluate((e) => e.textContent)) ?? '';
  await page.close();
  return text.trim();
}

export class LookupPopup {
  constructor(readonly page: Page) {}

  static async open(ff: LaunchedFirefox): Promise<LookupPopup> {
    return new LookupPopup(await ff.openExtensionPage('popup.html'));
  }

  /** Types into "Look up", presses Enter and waits until the DNS section has left `loading`. */
  async lookUp(input: string): Promise<void> {
    await this.page.locator('::-p-aria([name="Look up"][role="searchbox"])').fill(input);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('[data-section="dns"][data-state]:not([data-state="loading"])');
  }

  async dnsState(): Promise<{ state: string | null; status: string | null }> {
    return this.page.$eval('[data-section="dns"]', (e) => ({
      state: e.getAttribute('data-state'),
      status: e.getAttribute('data-status'),
    }));
  }

  /** The text of every record row of one type, as the user sees it. */
  async records(type: string): Promise<string[]> {
    return this.page.$$eval(`[data-record-type="${type}"] td:first-of-type`, (cells) =>
      cells.map((c) => c.textContent ?? ''),
    );
  }

  async text(selector: string): Promise<string> {
    return this.page.$eval(selector, (e) => (e.textContent ?? '').trim());
  }
}
