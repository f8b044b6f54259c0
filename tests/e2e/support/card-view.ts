// Reads the hover card the way the reader sees it, from outside the page.
//
// Why the DevTools protocol: the card lives in a CLOSED shadow root (utils/page/card-ui.tsx), so
// the page gets `null` from `<hostlens-card>.shadowRoot`, and so do Playwright's locators and
// `page.evaluate`, which run as the page. The protocol is not the page: `DOM.describeNode` with
// `pierce` lists closed roots too, and `DOM.resolveNode` turns one into a handle that
// `Runtime.callFunctionOn` can run a function on (../shared/docs/chromium-e2e-tricks.md §8).
// Specs find things by the attributes of DESIGN.md, and click and hover with the real mouse
// (trusted events, as a reader's are).
import type { CDPSession, Page } from 'playwright-core';

/** What to find in the card: a CSS selector, optionally only elements with this accessible name. */
export type CardTarget = string | { selector: string; name: string };
type Find = (target: CardTarget) => Element[];

// Runs in the page, so it is passed as source; a name is `aria-label` or else the visible text.
const FIND = `(target) => {
  const { selector, name } = typeof target === 'string' ? { selector: target } : target;
  return [...root.querySelectorAll(selector)].filter(
    (e) => name === undefined || (e.getAttribute('aria-label') ?? e.textContent.trim()) === name);
}`;

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function session(tab: Page): Promise<CDPSession> {
  let cdp = sessions.get(tab);
  if (!cdp) sessions.set(tab, (cdp = tab.context().newCDPSession(tab)));
  return cdp;
}

/** The card's shadow root as a remote object id, or null when no card was ever mounted. */
async function cardRoot(cdp: CDPSession): Promise<string | null> {
  const { result: host } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector('hostlens-card')`,
  });
  if (!host.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
  await cdp.send('Runtime.releaseObject', { objectId: host.objectId });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  return object.objectId ?? null;
}

/**
 * Runs `read(root, arg, find)` in the page on the card's shadow root (null when there is none)
 * and returns its JSON result. `read` is sent as source: it may use only its arguments.
 */
export async function inCard<T, A = null>(
  tab: Page,
  read: (root: ShadowRoot | null, arg: A, find: Find) => T,
  arg: A = null as A,
): Promise<Awaited<T>> {
  const cdp = await session(tab);
  const objectId = await cardRoot(cdp);
  const call = `function (arg) { const root = this instanceof ShadowRoot ? this : null;
    return (${read.toString()})(root, arg, root ? ${FIND} : () => []); }`;
  const { result, exceptionDetails } = objectId
    ? await cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: call,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      })
    : await cdp.send('Runtime.evaluate', {
        expression: `(${call}).call(null, ${JSON.stringify(arg)})`,
        returnByValue: true,
        awaitPromise: true,
      });
  if (objectId) await cdp.send('Runtime.releaseObject', { objectId });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as Awaited<T>;
}

/** How many elements in the card match. */
export const cardCount = (tab: Page, target: CardTarget) =>
  inCard(tab, (_root, t, find) => find(t).length, target);

/** The first match's text (`textContent`), or null. */
export const cardText = (tab: Page, target: CardTarget) =>
  inCard(tab, (_root, t, find) => find(t)[0]?.textContent ?? null, target);

/** Every match's text, in order. */
export const cardTexts = (tab: Page, target: CardTarget) =>
  inCard(tab, (_root, t, find) => find(t).map((e) => e.textContent ?? ''), target);

/** The first match's rendered text (`innerText`: what is on screen, line by line), or null. */
export const cardInnerText = (tab: Page, target: CardTarget) =>
  inCard(tab, (_root, t, find) => (find(t)[0] as HTMLElement | undefined)?.innerText ?? null, target);

/** An attribute of the first match, or null. */
export const cardAttr = (tab: Page, target: CardTarget, name: string) =>
  inCard(tab, (_root, [t, n], find) => find(t)[0]?.getAttribute(n) ?? null, [target, name] as const);

/** The first match's box in the viewport, or null. */
export const cardBox = (tab: Page, target: CardTarget) =>
  inCard(
    tab,
    (_root, t, find) => {
      const r = find(t)[0]?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    },
    target,
  );

/** Polls `check` (as for `inCard`) until it returns something truthy, and returns that. */
export async function waitForCard<T, A = null>(
  tab: Page,
  check: (root: ShadowRoot | null, arg: A, find: Find) => T,
  arg: A = null as A,
  { timeout = 15_000, what = 'the card' } = {},
): Promise<NonNullable<Awaited<T>>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await inCard(tab, check, arg);
    if (value) return value as NonNullable<Awaited<T>>;
    if (Date.now() > deadline) {
      const shows = await inCard(
        tab,
        (root) => root?.querySelector<HTMLElement>('[role="dialog"]')?.innerText,
      );
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}; the card shows ${JSON.stringify(shows)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until something in the card matches (or, with `gone`, until nothing does). */
export async function waitInCard(
  tab: Page,
  target: CardTarget,
  { gone = false, timeout = 15_000 } = {},
): Promise<void> {
  await waitForCard(tab, (_root, [t, g], find) => find(t).length > 0 !== g, [target, gone] as const, {
    timeout,
    what: `${JSON.stringify(target)} ${gone ? 'to leave' : 'in'} the card`,
  });
}

/**
 * Moves the real mouse straight to the centre of the first match (waiting for it), first
 * scrolling it into view inside the card as Playwright's actions do; fails if something else
 * would receive the pointer there.
 */
export async function hoverInCard(tab: Page, target: CardTarget): Promise<{ x: number; y: number }> {
  await waitInCard(tab, target);
  const at = await inCard(
    tab,
    (root, t, find) => {
      const el = find(t)[0];
      if (!root || !el) return null;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const hit = root.elementFromPoint(x, y);
      return { x, y, hits: hit !== null && el.contains(hit) };
    },
    target,
  );
  if (!at) throw new Error(`${JSON.stringify(target)} left the card`);
  if (!at.hits) throw new Error(`${JSON.stringify(target)} is covered at its centre`);
  await tab.mouse.move(at.x, at.y);
  return at;
}

/** A real click (trusted, as a reader's) on the first match, once it is enabled (as Playwright's). */
export async function clickInCard(tab: Page, target: CardTarget): Promise<void> {
  await waitForCard(tab, (_root, t, find) => find(t).some((e) => !e.matches(':disabled')), target, {
    what: `${JSON.stringify(target)} enabled in the card`,
  });
  const at = await hoverInCard(tab, target);
  await tab.mouse.click(at.x, at.y);
}

/** A script's `element.click()` on the first match: what a page could do if it held the element. */
export const scriptClickInCard = (tab: Page, target: CardTarget) =>
  inCard(tab, (_root, t, find) => void (find(t)[0] as HTMLElement | undefined)?.click(), target);

/**
 * Makes the host's `shadowRoot` return the card's root in this page's own script, so a checker
 * that runs as the page (axe-core walks `element.shadowRoot`) sees inside. Test-only, and it
 * undoes the closed root for this page: use it last.
 */
export const exposeCardToPage = (tab: Page) =>
  inCard(tab, (root) => {
    if (!root) throw new Error('no card in the page');
    Object.defineProperty(root.host, 'shadowRoot', { value: root, configurable: true });
  });
