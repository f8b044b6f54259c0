// A reader rests the pointer on a marked host and reads its card.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from './support/browser';
import { setResolver, hoverMark } from './support/pages';
import {
  cardAttr,
  cardBox,
  cardCount,
  cardText,
  cardTexts,
  clickInCard,
  inCard,
  scriptClickInCard,
  waitForCard,
  waitInCard,
} from './support/card-view';
import { startDelayProxy, startPageServer } from './support/stub-servers';
import { staysEqual } from './support/quiet';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const story = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
const HOSTILE_CSS = `<!doctype html><html><head><style>
  :not(html):not(body):not(p) { display: none !important; }
  :not(p) { font-size: 0 !important; color: transparent !important; }
  p { font-size: 18px !important; color: #000 !important; }
</style></head><body><p>Hostile styles around mail1.trump-email.com here.</p></body></html>`;
const CASES = `<!doctype html><html><body>
  <p>Gone: gone.trump-email.com — now.</p>
  <p>Attacker text at hostile.contact-client.com in TXT.</p>
</body></html>`;

describe('the hover card', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let server: Awaited<ReturnType<typeof startPageServer>>;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    server = await startPageServer({
      '/story.html': story,
      '/hostile-css.html': HOSTILE_CSS,
      '/cases.html': CASES,
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.stop();
  });

  /** Opens a page and waits until `count` marks are drawn. */
  async function openPage(path: string, count: number): Promise<Page> {
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}${path}`);
    await tab.waitForFunction((n) => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= n, count);
    return tab;
  }

  const CARD = '[role="dialog"]';
  const DNS = '[data-section="dns"]';
  const settled = (tab: Page) => waitInCard(tab, '[data-section="dns"]:not([data-state="loading"])');

  it('opens next to the host with its live DNS, and closes on Escape', async () => {
    const tab = await openPage('/story.html', 8);
    await hoverMark(tab, 'mail1.trump-email.com');
    await settled(tab);
    expect(await cardAttr(tab, CARD, 'aria-labelledby')).toBe('hostlens-card-title');
    expect(await cardText(tab, '#hostlens-card-title')).toBe('mail1.trump-email.com');
    expect(await cardAttr(tab, DNS, 'data-state')).toBe('ok');
    expect(await cardAttr(tab, DNS, 'data-status')).toBe('NOERROR');
    expect(await cardText(tab, '[data-record-type="A"] td')).toBe('66.216.133.29');
    expect(await cardTexts(tab, '.meta')).toContain('Registered domain: trump-email.com');
    // The card does not cover the host.
    const [box, hostBox] = await Promise.all([
      cardBox(tab, CARD),
      tab.evaluate(() => {
        const r = [...(CSS as any).highlights.get('hostlens')].find(
          (x: Range) => x.toString() === 'mail1.trump-email.com',
        );
        const b = (r as Range).getBoundingClientRect();
        return { y: b.top, height: b.height };
      }),
    ]);
    expect(box!.y >= hostBox.y + hostBox.height || box!.y + box!.height <= hostBox.y).toBe(true);
    await tab.keyboard.press('Escape');
    await waitInCard(tab, CARD, { gone: true });
    await tab.close();
  });

  it('says plainly that a name does not exist, and shows hostile TXT as inert text', async () => {
    const tab = await openPage('/cases.html', 2);
    let dialogs = 0;
    tab.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await hoverMark(tab, 'gone.trump-email.com');
    await settled(tab);
    expect(await cardAttr(tab, DNS, 'data-status')).toBe('NXDOMAIN');
    expect(await cardText(tab, `${DNS} .status`)).toContain('does not exist');

    await tab.keyboard.press('Escape');
    await hoverMark(tab, 'hostile.contact-client.com');
    await settled(tab);
    const txt = await cardTexts(tab, '[data-record-type="TXT"] td:first-of-type');
    expect(txt).toEqual(
      expect.arrayContaining(['<img src=x onerror=alert(1)>', '<script>alert(2)</script>']),
    );
    expect(await cardCount(tab, 'img, script')).toBe(0);
    expect(dialogs).toBe(0);
    await tab.close();
  });

  it('stays readable on a page with hostile CSS', async () => {
    const tab = await openPage('/hostile-css.html', 1);
    await hoverMark(tab, 'mail1.trump-email.com');
    await settled(tab);
    const style = await inCard(
      tab,
      (_root, selectors, find) =>
        selectors.map((selector) => {
          const el = find(selector)[0]!;
          const s = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return {
            fontSize: s.fontSize,
            display: s.display,
            visibility: s.visibility,
            area: box.width * box.height,
          };
        }),
      ['[role="dialog"]', '#hostlens-card-title'],
    );
    // Visible as Playwright means it: a non-empty box, not `visibility: hidden`.
    expect(style[0]!.area).toBeGreaterThan(0);
    expect(style[0]!.visibility).toBe('visible');
    expect(style[0]!.display).not.toBe('none');
    expect(parseFloat(style[0]!.fontSize)).toBeGreaterThanOrEqual(12);
    expect(parseFloat(style[1]!.fontSize)).toBeGreaterThanOrEqual(12);
    await tab.close();
  });

  it('shows loading while a slow resolver works, then the records; a second hover is served from cache', async () => {
    const slow = await startDelayProxy(dohUrl, 3000);
    try {
      expect(await setResolver(ext, slow.url)).toBe('Saved.');
      const tab = await openPage('/story.html', 8);
      await hoverMark(tab, 'trump1.contact-client.com');
      await waitInCard(tab, '[data-section="dns"][data-state="loading"]');
      await settled(tab);
      expect(await cardAttr(tab, DNS, 'data-state')).toBe('ok');
      const asked = slow.requests.length;
      await tab.keyboard.press('Escape');
      await tab.mouse.move(1, 1);
      await hoverMark(tab, 'trump1.contact-client.com');
      await settled(tab);
      expect(await cardText(tab, '[data-record-type="A"] td')).toBe('66.216.133.29');
      expect(slow.requests.length).toBe(asked);
      await tab.close();
    } finally {
      await setResolver(ext, dohUrl);
      await slow.stop();
    }
  });

  it('pins the host with a real click; unpinning is in Hostlens’s own details view', async () => {
    const tab = await openPage('/story.html', 8);
    await hoverMark(tab, 'listrak.com');
    await settled(tab);
    await clickInCard(tab, { selector: 'button', name: 'Pin' });
    const manage = { selector: 'button', name: 'Pinned · manage' };
    await waitInCard(tab, manage);
    const watched = async () =>
      Object.keys(await ext.worker.evaluate(() => (globalThis as any).chrome.storage.sync.get(null))).filter(
        (k) => k.startsWith('watch:'),
      );
    expect(await watched()).toEqual(['watch:listrak.com']);
    // The page can't read the card, so it can't learn what the reader watches: the root is
    // closed, and "Pinned" is nowhere the page's own script can reach.
    expect(
      await tab.evaluate(() => {
        const host = document.querySelector('hostlens-card');
        const reachable = [
          document.body.innerText,
          document.documentElement.textContent ?? '',
          document.documentElement.getHTML({ serializableShadowRoots: true }),
          ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? ''),
        ];
        return {
          host: host !== null,
          shadowRoot: host?.shadowRoot === null ? null : 'readable',
          pinned: reachable.some((text) => /Pinned|manage/.test(text)),
        };
      }),
    ).toEqual({ host: true, shadowRoot: null, pinned: false });
    // Were a page script to get hold of the button, its click would do nothing: no details tab.
    const tabsBefore = ext.context.pages().length;
    await scriptClickInCard(tab, manage);
    await staysEqual(() => ext.context.pages().length, tabsBefore, 500, 'no tab opened');
    // The reader's click opens the details view, where Unpin is.
    const [details] = await Promise.all([ext.context.waitForEvent('page'), clickInCard(tab, manage)]);
    await details.getByRole('button', { name: 'Unpin', exact: true }).click();
    await details.getByRole('button', { name: 'Pin', exact: true }).waitFor();
    expect(await watched()).toEqual([]);
    await Promise.all([details.close(), tab.close()]);
  });
});

describe('the keyboard walk', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let server: Awaited<ReturnType<typeof startPageServer>>;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    server = await startPageServer({ '/story.html': story });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.stop();
  });

  it('opens cards in reading order and returns focus on Escape', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    await tab.locator('textarea').focus();
    // What the Alt+Shift+H command does: the background tells the tab's content script.
    await ext.worker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab.id, {
        id: 1,
        type: 'walkMarks',
        data: undefined,
        timestamp: Date.now(),
      });
    });
    /** The title of the card once it is not `prev`. */
    const titleAfter = (prev: string) =>
      waitForCard(
        tab,
        (root, p) => {
          const title = root?.querySelector('#hostlens-card-title')?.textContent;
          return title && title !== p ? title : null;
        },
        prev,
        { what: `a card after ${prev || 'the shortcut'}` },
      );
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(await titleAfter(seen.at(-1) ?? ''));
      await tab.keyboard.press('Tab');
    }
    expect(seen).toEqual(['mail1.trump-email.com', '66.216.133.29', 'listrak.com', 'cendyn.com']);
    await tab.keyboard.press('Shift+Tab');
    await waitInCard(tab, { selector: '#hostlens-card-title', name: 'cendyn.com' });
    await tab.keyboard.press('Escape');
    await waitInCard(tab, '[role="dialog"]', { gone: true });
    expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await tab.close();
  });

  it('in "click only" mode, resting the pointer asks nothing; a click opens the card', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('Only when I click a host').check();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').waitFor();
    await options.close();
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 8);
    const box = await tab.evaluate(() => {
      const r = [...(CSS as any).highlights.get('hostlens')].find(
        (x: Range) => x.toString() === 'listrak.com',
      ) as Range;
      const rect = r.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await tab.mouse.move(box.x, box.y, { steps: 3 });
    // Well past the rest time that would open a card in "hover" mode.
    await staysEqual(() => cardCount(tab, '[role="dialog"]'), 0, 1000, 'no card');
    await tab.mouse.click(box.x, box.y);
    await waitInCard(tab, '#hostlens-card-title');
    expect(await cardText(tab, '#hostlens-card-title')).toBe('listrak.com');
    await tab.close();
  });
});
