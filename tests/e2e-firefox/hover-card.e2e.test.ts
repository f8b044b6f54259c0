// In Firefox, a reader rests the pointer on the story's mail server and reads its card: live DNS
// from the default resolver, and its history from Mnemonic (the stand-in under its real name).
// Then the keyboard reader: Alt+Shift+H opens the first mark's card, Tab walks the marks in
// reading order, Shift+Tab goes back, Escape leaves and gives the focus back — the journeys of
// ../e2e/hover-card.e2e.test.ts, on the release build, where the card's code arrives by a
// dynamic import() of the web-accessible card.js.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startPageServer, type StubServer } from '../e2e/support/stub-servers';
import { DEFAULT_SERVICE_HOSTS } from '../e2e/support/world';
import { launchFirefox, type LaunchedFirefox } from './support/firefox';
import { hoverMark, inCard, readCard, waitForCard, waitForCardClosed, waitForMarks } from './support/pages';
import { MAIL1_MNEMONIC_ROW } from '../e2e/support/stub-servers';

const STORY = readFileSync(new URL('../fixtures/pages/story-2016.html', import.meta.url), 'utf8');
const HOST = 'mail1.trump-email.com';
const ADDRESS = '66.216.133.29';

describe('Firefox: the hover card and the keyboard walk', () => {
  let ff: LaunchedFirefox;
  let server: StubServer;

  beforeAll(async () => {
    server = await startPageServer({ '/story.html': STORY });
    ff = await launchFirefox({
      world: {
        // What Mnemonic's passive DNS knows about the mail server (made up, in its format).
        mnemonic: [MAIL1_MNEMONIC_ROW],
      },
    });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.stop();
  });

  async function openStory(): Promise<Page> {
    const tab = await ff.openArticle(`${server.url}/story.html`);
    await waitForMarks(tab, 8);
    return tab;
  }

  const cardIsOpen = (tab: Page) =>
    inCard(tab, (root) => Boolean(root?.querySelector('[role="dialog"]')), null);

  it('resting the pointer on the mail server opens its card: live DNS and Mnemonic’s history', async () => {
    const tab = await openStory();
    await hoverMark(tab, HOST);
    const card = await waitForCard(
      tab,
      (c) => c.sections.dns?.state !== 'loading' && c.sections.history?.state !== 'loading',
      'DNS and history answered',
    );
    expect(card.title).toBe(HOST);
    expect(card.sections.dns).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(card.records.A).toEqual([ADDRESS]);
    expect(card.sections.history?.state).toBe('ok');
    expect(card.observations).toContain(ADDRESS);
    // The history came from the stand-in under Mnemonic's real name, asked about this host.
    const asked = ff.world
      .requests(DEFAULT_SERVICE_HOSTS.mnemonic)
      .map((r) => new URL(r.url, 'https://x').pathname);
    expect(asked).toContain(`/pdns/v3/${HOST}`);

    // The card sits beside the host, not over it.
    const [cardBox, hostBox] = await Promise.all([
      inCard(
        tab,
        (root) => {
          const r = root!.querySelector('[role="dialog"]')!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom };
        },
        null,
      ),
      tab.evaluate((host) => {
        const range = [...(CSS as any).highlights.get('hostlens')].find((r: Range) => r.toString() === host);
        const r = (range as Range).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }, HOST),
    ]);
    expect(cardBox.top >= hostBox.bottom || cardBox.bottom <= hostBox.top).toBe(true);

    await tab.keyboard.press('Escape');
    await waitForCardClosed(tab);
    await tab.close();
  });

  it('the page can’t read the card: its Pin button (which says whether a host is watched) is nowhere it can reach', async () => {
    const tab = await openStory();
    await hoverMark(tab, 'listrak.com');
    // The Chromium spec pins first; here the card's own words are enough: a page that can't read
    // "Pin" or "Open details" can't read "Pinned · manage" either.
    await waitForCard(tab, (c) => c.title === 'listrak.com' && c.buttons.includes('Pin'), 'the Pin button');
    // What the page's own script sees (puppeteer evaluates in the page's realm).
    expect(
      await tab.evaluate(() => {
        const host = document.querySelector('hostlens-card');
        const reachable = [
          document.body.innerText,
          document.documentElement.textContent ?? '',
          document.documentElement.outerHTML,
          ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? ''),
        ];
        return {
          host: host !== null,
          shadowRoot: host?.shadowRoot === null ? null : 'readable',
          pinned: reachable.some((text) => /Pinned|manage|Open details|\bPin\b/.test(text)),
        };
      }),
    ).toEqual({ host: true, shadowRoot: null, pinned: false });
    await tab.keyboard.press('Escape');
    await waitForCardClosed(tab);
    await tab.close();
  });

  it('Alt+Shift+H walks the marks in reading order with Tab; Escape leaves and returns the focus', async ({
    annotate,
  }) => {
    const tab = await openStory();
    // The reader was typing in the page's text box.
    await tab.focus('textarea');
    const how = await ff.pressWalkShortcut(tab);
    await annotate(
      how === 'shortcut'
        ? 'Alt+Shift+H pressed in the browser window: commands.onCommand ran'
        : 'ESR 140: no way to press a key in the browser window over BiDi; sent what commands.onCommand sends',
    );

    const titles: string[] = [];
    for (let i = 0; i < 4; i++) {
      const card = await waitForCard(
        tab,
        (c) => c.title !== null && c.title !== titles.at(-1),
        `a card after ${titles.at(-1) ?? 'the shortcut'}`,
      );
      titles.push(card.title!);
      await tab.keyboard.press('Tab');
    }
    expect(titles).toEqual([HOST, ADDRESS, 'listrak.com', 'cendyn.com']);
    // The last Tab moved on to trump1.contact-client.com; Shift+Tab comes back.
    await waitForCard(tab, (c) => c.title === 'trump1.contact-client.com', 'the fifth mark');
    await tab.keyboard.down('Shift');
    await tab.keyboard.press('Tab');
    await tab.keyboard.up('Shift');
    await waitForCard(tab, (c) => c.title === 'cendyn.com', 'back to cendyn.com');

    await tab.keyboard.press('Escape');
    await waitForCardClosed(tab);
    expect(await cardIsOpen(tab)).toBe(false);
    expect(await readCard(tab)).toBeNull();
    expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await tab.close();
  });

  it('nothing tried to leave the test’s world', () => {
    expect(ff.outbound).toEqual([]);
  });
});
