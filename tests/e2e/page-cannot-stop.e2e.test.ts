// A page can neither learn Hostlens's id from what its content script says to the page, nor
// switch Hostlens off by forging WXT's "a newer content script started" event with that id
// (which is public anyway: a store listing's), nor open cards with made-up pointer events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './support/browser';
import { staysEqual } from './support/quiet';
import { startPageServer, type StubServerWithPort } from './support/stub-servers';
import { DEFAULT_SERVICE_HOSTS } from './support/world-names';

const PAGE = `<!doctype html><html><body><main id="live"><p>Start: first.example.com</p></main></body></html>`;

describe('a hostile page against the content script', () => {
  let ext: LaunchedExtension;
  let pages: StubServerWithPort;

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({ '/live.html': PAGE });
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.stop();
  });

  it('hears no message carrying the extension’s id', async () => {
    const tab = await ext.context.newPage();
    // Before any of the page's own scripts: everything posted to the window is kept.
    await tab.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
    });
    await tab.goto(`${pages.url}/live.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 1);
    const heard = await tab.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((m) => m.includes(ext.extensionId))).toEqual([]);
    await tab.close();
  });

  it('keeps marking after the page forges WXT’s stop event with the real id', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/live.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 1);
    await tab.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
      const p = document.createElement('p');
      p.textContent = 'Later: second.example.net took over.';
      document.getElementById('live')!.append(p);
    }, ext.extensionId);
    // Still running: the host added after the forged stop is marked, the first one kept.
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 2);
    const marks = await tab.evaluate(() =>
      [...(CSS as any).highlights.get('hostlens')].map((r: Range) => r.toString()).sort(),
    );
    expect(marks).toEqual(['first.example.com', 'second.example.net']);
    await tab.close();
  });

  it('opens no card and asks nothing for a page’s made-up pointer rest', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/live.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 1);
    const asked = () => ext.world.requests(DEFAULT_SERVICE_HOSTS.mnemonic).length;
    const before = asked();
    await tab.evaluate(() => {
      const range = [...(CSS as any).highlights.get('hostlens')][0] as Range;
      const { left, top, width, height } = range.getBoundingClientRect();
      const at = { clientX: left + width / 2, clientY: top + height / 2, bubbles: true };
      for (let i = 0; i < 5; i++) document.body.dispatchEvent(new PointerEvent('pointermove', at));
    });
    // Well past the rest time (350 ms) after which the reader's pointer opens a card.
    await staysEqual(() => tab.locator('hostlens-card').count(), 0, 1200, 'no card');
    expect(asked()).toBe(before);
    await tab.close();
  });
});
