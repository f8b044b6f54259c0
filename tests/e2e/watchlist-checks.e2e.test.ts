// A reader watches the story's mail server. Later its A record disappears from DNS and passive
// DNS sees a new name on its former address; "Check now" records both in the change log and
// raises a notification; a browser restart keeps the list, the snapshots and the change log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from './support/browser';
import { startDnsServers, type DnsServers } from './support/dns-servers';
import { LookupPopup, setMnemonic, setResolver, setSource } from './support/pages';
import { startCofServer, type PdnsServer } from './support/pdns-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const HOST = 'mail1.trump-email.com';
const ADDRESS = '66.216.133.29';
const s = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;
// Made-up observations from a COF server (its allowance is larger than Mnemonic's public 10 a
// minute, which this spec's checks would exceed); the new name's row is added during the test.
const ROWS: Array<Record<string, unknown>> = [
  { rrname: HOST, rrtype: 'A', rdata: [ADDRESS], time_first: s('2016-05-03'), time_last: s('2016-09-23') },
];

describe('watching a host', () => {
  let dns: DnsServers;
  let cof: PdnsServer;
  let ext: Extension;

  beforeAll(async () => {
    // A DoH server of its own: this spec edits a zone, which others must not see.
    dns = await startDnsServers();
    cof = await startCofServer(ROWS);
    ext = await launchExtension();
    expect(await setResolver(ext, dns.dohUrl)).toBe('Saved.');
    expect(await setMnemonic(ext, 'http://127.0.0.1:9/', false)).toBe('Saved.');
    expect(await setSource(ext, 'Passive DNS server (COF)', { baseUrl: `${cof.url}/pdns/query/` })).toBe(
      'Saved.',
    );
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([dns?.stop(), cof?.stop()]);
  });

  async function openWatchlist(e: Extension): Promise<Page> {
    const page = await e.openExtensionPage('watchlist.html');
    await page.locator(`[data-host="${HOST}"]`).first().waitFor();
    return page;
  }

  async function checkNow(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Check now', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Checked/ })
      .waitFor({ timeout: 20_000 });
  }

  const changes = (page: Page) =>
    page
      .locator('[data-change]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-change'), e.getAttribute('data-host')]));

  it('pins from the details view and takes a first snapshot (no changes yet)', async () => {
    const popup = await LookupPopup.open(ext);
    await popup.lookUp(HOST);
    await popup.page.getByRole('button', { name: 'Pin', exact: true }).click();
    await popup.page.getByRole('button', { name: 'Unpin', exact: true }).waitFor();
    const page = await openWatchlist(ext);
    await checkNow(page);
    expect(await changes(page)).toEqual([]);
    await page.close();
  });

  it('records "stopped resolving" and "new name on the former address", and notifies', async () => {
    await dns.setZone(
      'trump-email.com',
      [
        '@ IN NS ns1',
        '@ IN NS ns2',
        'ns1 IN A 127.0.0.1',
        'ns2 IN A 127.0.0.1',
        'www IN A 198.51.100.7',
      ].join('\n'),
    );
    ROWS.push({
      rrname: 'trump1.contact-client.com',
      rrtype: 'A',
      rdata: [ADDRESS],
      time_first: s('2016-09-27'),
      time_last: s('2017-03-01'),
    });
    const page = await openWatchlist(ext);
    await checkNow(page);
    await page.locator('[data-change="new-name"]').waitFor();
    const kinds = (await changes(page)).map(([kind]) => kind).sort();
    expect(kinds).toEqual(['new-name', 'removed', 'removed', 'status', 'status']);
    const text = await page.locator('[data-change]').allTextContents();
    expect(text.some((t) => t.includes('stopped resolving'))).toBe(true);
    expect(text.some((t) => t.includes(`new name on ${ADDRESS}: trump1.contact-client.com`))).toBe(true);
    const notifications = await ext.worker.evaluate(async () =>
      Object.keys(await (globalThis as any).chrome.notifications.getAll()),
    );
    expect(notifications).toEqual(['hostlens-watchlist-changes']);
    // The toolbar badge says there are unseen changes until the watchlist is opened again.
    expect(await ext.worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('Δ5');
    await page.close();
  });

  it('a browser restart keeps the watchlist, the snapshots and the change log', async () => {
    ext = await ext.restart();
    const page = await openWatchlist(ext);
    await page.locator('[data-change="new-name"]').waitFor();
    expect((await changes(page)).length).toBe(5);
    expect(await page.locator('[data-change].unseen').count()).toBe(5);
    await expect
      .poll(() => ext.worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({})))
      .toBe('');
    // The snapshot was kept: checking again finds nothing new.
    await checkNow(page);
    expect((await changes(page)).length).toBe(5);
  });

  it('exports the list and imports it into a fresh profile: the same hosts, notes and tags', async () => {
    const page = await openWatchlist(ext);
    await page.getByRole('button', { name: `Edit note and tags` }).click();
    await page.getByLabel('Note').fill('Alfa Bank lookups, 2016 story');
    await page.getByLabel('Tags (comma-separated)').fill('story, mail');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.locator('.note').filter({ hasText: 'Alfa Bank lookups' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export watchlist (JSON)' }).click(),
    ]);
    const file = await download.path();

    const fresh = await launchExtension();
    try {
      const other = await fresh.openExtensionPage('watchlist.html');
      await other.getByLabel('Import watchlist file').setInputFiles(file);
      await other.getByRole('status').filter({ hasText: 'Imported: 1 added' }).waitFor();
      await other.locator(`[data-host="${HOST}"]`).waitFor();
      expect(await other.locator(`[data-host="${HOST}"] .note`).textContent()).toBe(
        'Alfa Bank lookups, 2016 storystorymail',
      );
      // A CSV with a bad row: the good rows are imported, the bad one is named by line.
      await other.getByLabel('Import watchlist file').setInputFiles({
        name: 'list.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('host,note\nb.example,ok\nnot a host!,x\n'),
      });
      await other.getByText('Line 3: “not a host!” is not a host name or IP address').waitFor();
      await other.locator('[data-host="b.example"]').waitFor();
    } finally {
      await fresh.close();
    }
  });

  it('options: the schedule and retention are kept; "Clear all data" empties the watchlist', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('Check watched hosts').selectOption('1440');
    await options.getByLabel('Notify me of changes').setChecked(false);
    await options.getByLabel('Keep changes for this many days').fill('30');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await options.reload();
    expect(await options.getByLabel('Check watched hosts').inputValue()).toBe('1440');
    expect(await options.getByLabel('Notify me of changes').isChecked()).toBe(false);
    expect(await options.getByLabel('Keep changes for this many days').inputValue()).toBe('30');

    await options.getByRole('button', { name: 'Clear all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('Everything was deleted').waitFor();
    const page = await ext.openExtensionPage('watchlist.html');
    await page.getByText('Nothing is watched yet').waitFor();
    expect(await page.locator('[data-change]').count()).toBe(0);
  });
});
