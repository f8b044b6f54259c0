// The MV3 service worker stopped in the middle of things, as the browser may do at any moment:
// a lookup in flight is asked again and answered; a settings save is whole or not applied.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { setResolver } from './support/pages';
import { startDelayProxy, type StubServer } from './support/stub-servers';

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
    await new Promise((r) => setTimeout(r, 300));
    const asked = slow.requests.length;
    expect(asked).toBeGreaterThan(0);
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
});
