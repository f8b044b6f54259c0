// The MV3 service worker stopped in the middle of things, as the browser may do at any moment:
// a lookup in flight is asked again and answered; a settings save is whole or not applied; a
// watchlist check cut short resumes on the next tick and records each change exactly once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { startDnsServers, type DnsServers } from './support/dns-servers';
import { makeDue } from './support/watch-db';
import { setMnemonic, setResolver } from './support/pages';
import { startDelayProxy, type StubServer } from './support/stub-servers';
import { staysEqual } from './support/quiet';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

describe('a service worker stopped mid-way', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let slow: StubServer;

  beforeAll(async () => {
    ext = await launchExtension();
    slow = await startDelayProxy(dohUrl, 1500);
    expect(await setResolver(ext, slow.url)).toBe('Saved.');
  });
  afterAll(async () => {
    await ext?.close();
    await slow?.stop();
  });

  it('a lookup in flight when the worker stops is asked again and answered', async () => {
    const popup = await ext.openExtensionPage('popup.html');
    const field = popup.getByLabel('Look up');
    await field.fill('mail1.trump-email.com');
    await field.press('Enter');
    await popup.locator('[data-section="dns"][data-state="loading"], .host-detail .meta').first().waitFor();
    await expect.poll(() => slow.requests.length).toBeGreaterThan(0);
    const asked = slow.requests.length;
    await ext.stopWorker();
    await popup.locator('[data-section="dns"][data-state="ok"]').waitFor({ timeout: 20_000 });
    expect(await popup.locator('[data-record-type="A"] td').first().textContent()).toBe('66.216.133.29');
    // The second worker asked again.
    expect(slow.requests.length).toBeGreaterThan(asked);
  });

  it('settings saved just before the worker stops are complete after it', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('Rest time before the card opens (milliseconds)').fill('800');
    await options.getByLabel('Sites where Hostlens stays off').fill('example.org\nnews.example');
    await options.getByRole('button', { name: 'Save' }).click();
    await ext.stopWorker();
    await options.getByText('Saved.').waitFor();
    await options.reload();
    expect(await options.getByLabel('Rest time before the card opens (milliseconds)').inputValue()).toBe(
      '800',
    );
    expect(await options.getByLabel('Sites where Hostlens stays off').inputValue()).toBe(
      'example.org\nnews.example',
    );
  });

  it('a watchlist check cut short resumes on the next tick, each change recorded once', async () => {
    // A DoH server of its own (this test edits a zone), behind a slow proxy: a check takes seconds.
    const dns: DnsServers = await startDnsServers();
    const slowOwn = await startDelayProxy(dns.dohUrl, 700);
    const hosts = ['a1', 'a2', 'a3'].map((n) => `${n}.trump-email.com`);
    const zone = (last: number) =>
      hosts.map((h, i) => `${h.split('.')[0]} IN A 192.0.2.${last + i}`).join('\n');
    try {
      await dns.setZone('trump-email.com', `@ IN NS ns1\nns1 IN A 127.0.0.1\n${zone(10)}`);
      expect(await setResolver(ext, slowOwn.url)).toBe('Saved.');
      expect(await setMnemonic(ext, 'http://127.0.0.1:9/', false)).toBe('Saved.');
      const page = await ext.openExtensionPage('watchlist.html');
      const send = (type: string, data?: unknown) =>
        page.evaluate(
          ([type, data]) =>
            (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
          [type, data] as const,
        ) as Promise<{ res: any }>;
      for (const host of hosts) expect((await send('watchHost', { host })).res).toEqual({ ok: true });
      // The first snapshots, then every address moves.
      expect((await send('checkNow', null)).res.checked).toBe(3);
      await dns.setZone('trump-email.com', `@ IN NS ns1\nns1 IN A 127.0.0.1\n${zone(20)}`);
      const worker = () => ext.context.serviceWorkers().find((w) => w.url().includes(ext.extensionId))!;
      await makeDue(worker(), hosts);

      // The tick starts checking; the worker is stopped while the first hosts are being asked about.
      const before = slowOwn.requests.length;
      await worker().evaluate(() =>
        (globalThis as any).chrome.alarms.onAlarm.dispatch({
          name: 'watchlist-tick',
          scheduledTime: Date.now(),
        }),
      );
      await expect.poll(() => slowOwn.requests.length - before, { timeout: 10_000 }).toBeGreaterThan(3);
      await ext.stopWorker();
      // The next event (the page asking for the list) starts a new worker; its tick resumes.
      await send('getWatchlist');
      await expect.poll(() => worker()?.url() ?? '', { timeout: 10_000 }).toContain(ext.extensionId);
      await worker().evaluate(() =>
        (globalThis as any).chrome.alarms.onAlarm.dispatch({
          name: 'watchlist-tick',
          scheduledTime: Date.now(),
        }),
      );
      const log = async () =>
        (
          (await send('getChangeLog', { limit: 100 })).res as Array<{
            host: string;
            kind: string;
            value?: string;
          }>
        )
          .filter((c) => hosts.includes(c.host))
          .map((c) => `${c.host} ${c.kind} ${c.value ?? ''}`);
      // Each host: its old address removed and its new one added — once, whatever the stop cut.
      await expect.poll(async () => (await log()).length, { timeout: 30_000, interval: 500 }).toBe(6);
      await staysEqual(async () => (await log()).length, 6, 1500, 'no change logged twice');
      const entries = await log();
      expect(new Set(entries).size).toBe(6);
      await page.close();
    } finally {
      expect(await setResolver(ext, slow.url)).toBe('Saved.');
      await Promise.all([slowOwn.stop(), dns.stop()]);
    }
  }, 120_000);
});
