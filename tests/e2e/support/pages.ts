// Small page objects for the extension's own pages: specs read as what a user does.
import type { Page } from 'playwright-core';

interface ExtensionPages {
  openExtensionPage(path: string): Promise<Page>;
}

/** Options page: fill in with `fill`, press "Save", and return the notice shown. */
async function saveOptions(ext: ExtensionPages, fill: (page: Page) => Promise<void>): Promise<string> {
  const page = await ext.openExtensionPage('options.html');
  await fill(page);
  await page.getByRole('button', { name: 'Save' }).click();
  const notice = page.locator('[role="status"], [role="alert"]').first();
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  await page.close();
  return text;
}

/** Options page: type a resolver URL into "DoH resolver URL" and save. */
export function setResolver(ext: ExtensionPages, url: string): Promise<string> {
  return saveOptions(ext, (page) => page.getByLabel('DoH resolver URL').fill(url));
}

/** Options page: Mnemonic on, at `baseUrl` (under "Advanced"), and save. */
export function setMnemonic(ext: ExtensionPages, baseUrl: string, enabled = true): Promise<string> {
  return saveOptions(ext, async (page) => {
    await page.getByLabel('Mnemonic', { exact: true }).setChecked(enabled);
    await page.getByText('Advanced').click();
    await page.getByLabel('Mnemonic base URL').fill(baseUrl);
  });
}

/** Options page: RDAP at `baseUrl` (under "Advanced"), and save. */
export function setRdap(ext: ExtensionPages, baseUrl: string): Promise<string> {
  return saveOptions(ext, async (page) => {
    await page.getByText('Advanced').click();
    await page.getByLabel('RDAP base URL').fill(baseUrl);
  });
}

/** Options page: Cert Spotter at `baseUrl` (under "Advanced"), and save. */
export function setCertSpotter(ext: ExtensionPages, baseUrl: string): Promise<string> {
  return saveOptions(ext, async (page) => {
    await page.getByText('Advanced').click();
    await page.getByLabel('Cert Spotter base URL').fill(baseUrl);
  });
}

/** Options page: one source by its label — switch, API key, base URL (under "Advanced") — and save. */
export function setSource(
  ext: ExtensionPages,
  label: string,
  { enabled = true, baseUrl, key }: { enabled?: boolean; baseUrl?: string; key?: string },
): Promise<string> {
  return saveOptions(ext, async (page) => {
    await page.getByLabel(label, { exact: true }).setChecked(enabled);
    if (key !== undefined) await page.getByLabel(`${label} API key`).fill(key);
    if (baseUrl !== undefined) {
      await page.getByText('Advanced').click();
      await page.getByLabel(`${label} base URL`).fill(baseUrl);
    }
  });
}

/** Options page: fill "Sites where Hostlens stays off" and save. */
export function setExcludedSites(ext: ExtensionPages, sites: string[]): Promise<string> {
  return saveOptions(ext, (page) => page.getByLabel('Sites where Hostlens stays off').fill(sites.join('\n')));
}

export class LookupPopup {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionPages): Promise<LookupPopup> {
    return new LookupPopup(await ext.openExtensionPage('popup.html'));
  }

  /** Types into "Look up", presses Enter and waits until the DNS section has left `loading`. */
  async lookUp(input: string): Promise<void> {
    const field = this.page.getByLabel('Look up');
    await field.fill(input);
    await field.press('Enter');
    await this.page.locator('[data-section="dns"][data-state]:not([data-state="loading"])').waitFor();
  }

  get dns() {
    return this.page.locator('[data-section="dns"]');
  }

  async dnsState(): Promise<{ state: string | null; status: string | null }> {
    return {
      state: await this.dns.getAttribute('data-state'),
      status: await this.dns.getAttribute('data-status'),
    };
  }

  /** The text of every record row of one type, as the user sees it. */
  async records(type: string): Promise<string[]> {
    return this.page.locator(`[data-record-type="${type}"] td:first-of-type`).allTextContents();
  }

  async statusLine(): Promise<string> {
    return ((await this.dns.locator('.status').textContent()) ?? '').trim();
  }
}

/** Moves the pointer onto the first mark whose text is `text` (in the page's highlight), and rests there. */
export async function hoverMark(tab: Page, text: string): Promise<void> {
  const box = await tab.evaluate((t) => {
    const range = [...(CSS as any).highlights.get('hostlens')].find(
      (r: Range) => r.toString() === t,
    ) as Range;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  await tab.mouse.move(box.x - 40, box.y - 40);
  await tab.mouse.move(box.x, box.y, { steps: 4 });
}
