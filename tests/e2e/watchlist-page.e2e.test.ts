// A reader pins the story's mail server from the popup, then keeps the watchlist in order on its
// own page: a note and tags, a name typed in (an IDN shown in Unicode), "Check now", export and
// import, the popup's tab, the schedule in the options, and "Clear all data".
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from './support/browser';
import { LookupPopup, setResolver } from './support/pages';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const HOST = 'mail1.trump-email.com';
const IDN = 'xn--bcher-kva.de';

describe('the watchlist page', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
  });
  afterAll(async () => ext?.close());

  /** A watched host's row (change-log entries carry `data-host` too). */
  const row = (p: Page, host: string) => p.locator(`.watch-rows > [data-host="${host}"]`);
  const watchedHosts = (p: Page) =>
    p.locator('.watch-rows > [data-host]').evaluateAll((els) => els.map((e) => e.getAttribute('data-host')));

  it('pins a host from the popup’s details view; the popup’s Watchlist tab lists it', async () => {
    const popup = await LookupPopup.open(ext);
    await popup.lookUp(HOST);
    await popup.page.getByRole('button', { name: 'Pin', exact: true }).click();
    await popup.page.getByRole('button', { name: 'Unpin', exact: true }).waitFor();

    await popup.page.getByRole('button', { name: /^Watchlist/ }).click();
    await popup.page.locator(`[data-host="${HOST}"]`).waitFor();
    expect(await popup.page.getByRole('link', { name: 'Open the full watchlist' }).getAttribute('href')).toBe(
      '/watchlist.html',
    );
    await popup.page.getByRole('button', { name: 'Check now', exact: true }).waitFor();
    await popup.page.close();
  });

  it('shows the row with its state in plain words once its first check has run', async () => {
    page = await ext.openExtensionPage('watchlist.html');
    await row(page, HOST).waitFor();
    // The pin's baseline check runs right away in the background; the row follows it.
    await row(page, HOST)
      .getByText(/resolves to/)
      .waitFor({ timeout: 20_000 });
    expect(await row(page, HOST).textContent()).toContain('66.216.133.29');
    expect(await page.getByRole('button', { name: 'Check now', exact: true }).isEnabled()).toBe(true);
  });

  it('watches a host typed in (an IDN, shown in Unicode) and refuses what is not a host', async () => {
    await page.getByLabel('Watch a host').fill('bücher.de');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await row(page, IDN).waitFor();
    expect(await row(page, IDN).locator('.watch-head').textContent()).toContain('bücher.de');
    await row(page, IDN).getByRole('button', { name: 'Check bücher.de now' }).waitFor();

    await page.getByLabel('Watch a host').fill('not a host!');
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect((await watchedHosts(page)).sort()).toEqual([HOST, IDN].sort());
  });

  it('edits a note and tags in place; they are kept after a reload', async () => {
    await page.getByRole('button', { name: `Edit note and tags of ${HOST}` }).click();
    await page.getByLabel('Note').fill('Alfa Bank lookups, 2016 story');
    await page.getByLabel('Tags (comma-separated)').fill('story, mail, story');
    await page.getByRole('button', { name: 'Save note' }).click();
    await row(page, HOST).locator('.note').filter({ hasText: 'Alfa Bank lookups' }).waitFor();
    await page.reload();
    await row(page, HOST).locator('.note').waitFor();
    expect(await row(page, HOST).locator('.tag').allTextContents()).toEqual(['story', 'mail']);
  });

  it('"Check now" checks every host and says so; each row has its own', async () => {
    await page.getByRole('button', { name: 'Check now', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /^Checked/ });
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/^Checked 2 hosts: (no changes|\d+ changes?)\./);

    await page.getByRole('button', { name: `Check ${HOST} now` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Checked 1 host:/ })
      .waitFor({ timeout: 30_000 });
  });

  it('exports the list as JSON (a download) with the note and tags', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export watchlist (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hostlens-watchlist-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(doc.format).toBe('hostlens-watchlist');
    expect(doc.hosts).toContainEqual(
      expect.objectContaining({ host: HOST, note: 'Alfa Bank lookups, 2016 story', tags: ['story', 'mail'] }),
    );

    const [changes] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export change log (CSV)' }).click(),
    ]);
    expect(readFileSync(await changes.path(), 'utf8').split('\r\n')[0]).toBe(
      'at,host,kind,subject,value,previous,message',
    );
  });

  it('imports a CSV: good rows added, the bad one named by its line', async () => {
    await page.getByLabel('Import watchlist file').setInputFiles({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('host,note,tags\nb.example,from a colleague,leads\nnot a host!,x,\n'),
    });
    const report = page.locator('.import-report');
    await report.filter({ hasText: 'Imported: 1 added' }).waitFor();
    expect(await report.textContent()).toMatch(/line 3: “not a host!” is not a host name or IP address/i);
    await row(page, 'b.example').waitFor();
    expect(await row(page, 'b.example').locator('.note').textContent()).toBe('from a colleagueleads');
  });

  it('unpins a host from its row', async () => {
    await page.getByRole('button', { name: 'Unpin b.example' }).click();
    await row(page, 'b.example').waitFor({ state: 'detached' });
    expect((await watchedHosts(page)).sort()).toEqual([HOST, IDN].sort());
  });

  it('options: the check interval is kept after saving and reloading', async () => {
    const options = await ext.openExtensionPage('options.html');
    const interval = options.getByLabel('Check watched hosts every');
    expect(await interval.inputValue()).toBe('360');
    await interval.selectOption({ label: '12 hours' });
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.reload();
    expect(await options.getByLabel('Check watched hosts every').inputValue()).toBe('720');
    await options.close();
  });

  it('"Clear all data" (after a second, explicit click) leaves the watchlist empty', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Clear all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('Everything was deleted').waitFor();
    // Settings are back to their defaults on the page at once.
    expect(await options.getByLabel('Check watched hosts every').inputValue()).toBe('360');
    await options.close();

    // The open page follows the change by itself; a fresh one shows the empty state.
    await expect.poll(() => watchedHosts(page)).toEqual([]);
    const fresh = await ext.openExtensionPage('watchlist.html');
    await fresh.getByText('Nothing is watched yet').waitFor();
    expect(await fresh.locator('[data-host]').count()).toBe(0);
  });
});
