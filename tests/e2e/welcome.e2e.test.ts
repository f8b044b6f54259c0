// A new user's first page: it explains what is sent to whom, and its sample article is marked
// and carded by the same code as any page — hovering a host there shows its live DNS.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { setResolver, hoverMark } from './support/pages';
import { cardText, waitInCard } from './support/card-view';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

describe('the welcome page', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
  });
  afterAll(async () => ext?.close());

  it('marks the sample article and opens a card with live DNS', async () => {
    const page = await ext.openExtensionPage('welcome.html');
    await page.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 6);
    const marked = await page.evaluate(() =>
      [...(CSS as any).highlights.get('hostlens')].map((r: Range) => r.toString()).sort(),
    );
    expect(marked).toEqual([
      '66.216.133.29',
      'cendyn.com',
      'listrak.com',
      'mail1.trump-email.com',
      'researchers[.]example[.]org',
      'trump1.contact-client.com',
    ]);
    expect(await page.locator('#sample-count').textContent()).toBe('6');
    expect(await page.getByText('Reading a page sends nothing.').count()).toBe(1);

    await hoverMark(page, 'mail1.trump-email.com');
    await waitInCard(page, '[data-section="dns"][data-state="ok"]');
    expect(await cardText(page, '[data-record-type="A"] td')).toBe('66.216.133.29');
  });
});
