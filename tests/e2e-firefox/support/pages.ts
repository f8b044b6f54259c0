// Page objects for Firefox, in the words a user sees (accessible names), like
// ../../e2e/support/pages.ts does with Playwright. Queries name the role too: the `<label>`
// carries the same accessible name as its field and would match first.
//
// ESR 140 refuses anything puppeteer evaluates through `Function()` in an extension page (its
// CSP: `EvalError: call to Function() blocked by CSP`), which rules out `waitForFunction` and
// locators there. Everything here waits with `waitForSelector` (it polls from its own sandbox)
// or with `waitFor` (firefox.ts), and acts with element handles.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { bidi, waitFor, type LaunchedFirefox } from './firefox';

const byName = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

/** Waits for the element with this role and accessible name. */
export async function element(
  page: Page,
  role: string,
  name: string,
  timeout = 15_000,
): Promise<ElementHandle> {
  const found = await page.waitForSelector(byName(role, name), { timeout });
  if (!found) throw new Error(`no ${role} named "${name}"`);
  return found as ElementHandle;
}

/** A real click (pointer events through BiDi input) on the element with this role and name. */
export async function click(page: Page, role: string, name: string): Promise<void> {
  await (await element(page, role, name)).click();
}

/** Empties a text field the way a user does (select all, delete) and types `text` into it. */
export async function fill(page: Page, role: string, name: string, text: string): Promise<void> {
  const field = await element(page, role, name);
  await field.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text) await field.type(text);
}

/** The text of the first element matching `selector` once it has some. */
export async function textOf(page: Page, selector: string, timeout = 15_000): Promise<string> {
  const found = await page.waitForSelector(`${selector}:not(:empty)`, { timeout });
  return ((await found!.evaluate((e) => e.textContent)) ?? '').trim();
}

/**
 * Options page: let `change` set fields, press "Save", and return the notice shown (the page's
 * status or alert line).
 */
export async function saveOptions(
  ff: LaunchedFirefox,
  change: (page: Page) => Promise<void>,
): Promise<string> {
  const page = await ff.openExtensionPage('options.html');
  // The form is filled in from storage after the page loads; fields typed into before that
  // would be overwritten.
  await element(page, 'button', 'Save');
  await change(page);
  // A real click: Firefox grants `permissions.request` only while handling user input.
  await click(page, 'button', 'Save');
  const notice = await textOf(page, '[role="status"], [role="alert"]');
  await page.close();
  return notice;
}

export class LookupPopup {
  constructor(readonly page: Page) {}

  static async open(ff: LaunchedFirefox, query = ''): Promise<LookupPopup> {
    return new LookupPopup(await ff.openExtensionPage(`popup.html${query}`));
  }

  /** Types into "Look up", presses Enter and waits until the DNS section has left `loading`. */
  async lookUp(input: string): Promise<void> {
    await fill(this.page, 'searchbox', 'Look up', input);
    await this.page.keyboard.press('Enter');
    await this.settled('dns');
  }

  /** Waits until a section (`dns`, `history`, …) has a state other than `loading`; returns it. */
  async settled(section: string, timeout = 15_000): Promise<string> {
    const el = await this.page.waitForSelector(
      `[data-section="${section}"][data-state]:not([data-state="loading"])`,
      { timeout },
    );
    return (await el!.evaluate((e) => e.getAttribute('data-state')))!;
  }

  async dnsState(): Promise<{ state: string | null; status: string | null }> {
    return this.page.$eval('[data-section="dns"]', (e) => ({
      state: e.getAttribute('data-state'),
      status: e.getAttribute('data-status'),
    }));
  }

  /** The text of every record row of one type, as the user sees it. */
  async records(type: string): Promise<string[]> {
    return this.page.$$eval(`[data-record-type="${type}"] td:first-of-type`, (cells) =>
      cells.map((c) => c.textContent ?? ''),
    );
  }

  async text(selector: string): Promise<string> {
    return this.page.$eval(selector, (e) => (e.textContent ?? '').trim());
  }
}

/** The hosts the page's marks cover, once at least `count` are drawn (any look of the marks). */
export async function waitForMarks(tab: Page, count: number, highlight = 'hostlens'): Promise<string[]> {
  return waitFor(
    tab,
    ([name, n]) => {
      const marks = (CSS as any).highlights?.get(name);
      return marks && marks.size >= n ? [...marks].map((r: Range) => r.toString()) : null;
    },
    [highlight, count] as const,
    { what: `${count} marks in the "${highlight}" highlight` },
  );
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

/**
 * Runs `read` on the hover card's root in `tab` (null when no card is open) and returns its
 * result, through JSON. The one place that knows how the card is reached: a CLOSED shadow root
 * under `<hostlens-card>`, so the page (and `page.evaluate`, which runs as the page) gets `null`
 * from `shadowRoot`. WebDriver BiDi hands it over: with `includeShadowTree: "all"` it
 * serializes the host's closed root as a node reference, which can be passed back as an
 * argument (https://w3c.github.io/webdriver-bidi/#type-script-SerializationOptions).
 * Puppeteer's API doesn't expose that option, so this uses its BiDi connection.
 */
export async function inCard<T, A>(
  tab: Page,
  read: (root: ShadowRoot | null, arg: A) => T,
  arg: A,
): Promise<T> {
  const connection = bidi(tab.browser());
  // Puppeteer's frame id is the BiDi browsing context (not public API; stable across 24.x).
  const target = { context: (tab.mainFrame() as unknown as { _id: string })._id };
  const { result: host } = await connection.send('script.evaluate', {
    expression: `document.querySelector('hostlens-card')`,
    target,
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  if (host.type === 'exception') throw new Error(`finding the card: ${host.exceptionDetails.text}`);
  const root: { sharedId: string } | undefined = host.result.value?.shadowRoot;
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: `(root, arg) => JSON.stringify((${read.toString()})(root, JSON.parse(arg)) ?? null)`,
    arguments: [
      root ? { sharedId: root.sharedId } : { type: 'null' },
      { type: 'string', value: JSON.stringify(arg ?? null) },
    ],
    target,
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`reading the card: ${result.exceptionDetails.text}`);
  return JSON.parse(result.result.value as string) as T;
}

export interface CardView {
  title: string | null;
  sections: Record<string, { state: string | null; status: string | null }>;
  records: Record<string, string[]>;
  observations: string[];
  buttons: string[];
}

/** What the open card shows: its title, each section's state, its record rows and observations. */
export function readCard(tab: Page): Promise<CardView | null> {
  return inCard(
    tab,
    (root) => {
      const dialog = root?.querySelector('[role="dialog"]');
      if (!root || !dialog) return null;
      const sections: Record<string, { state: string | null; status: string | null }> = {};
      for (const s of root.querySelectorAll('[data-section]'))
        sections[s.getAttribute('data-section')!] = {
          state: s.getAttribute('data-state'),
          status: s.getAttribute('data-status'),
        };
      const records: Record<string, string[]> = {};
      for (const row of root.querySelectorAll('[data-record-type]'))
        (records[row.getAttribute('data-record-type')!] ??= []).push(
          row.querySelector('td')?.textContent ?? '',
        );
      return {
        title: root.querySelector('#hostlens-card-title')?.textContent ?? null,
        sections,
        records,
        observations: [...root.querySelectorAll('[data-observation]')].map((o) =>
          o.getAttribute('data-observation')!,
        ),
        buttons: [...root.querySelectorAll('button')].map((b) => b.textContent ?? ''),
      };
    },
    null,
  );
}

/** Waits until the card's `check` holds, and returns what it shows. */
export async function waitForCard(
  tab: Page,
  check: (card: CardView) => boolean,
  what: string,
  timeout = 15_000,
): Promise<CardView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const last = await readCard(tab);
    if (last && check(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for the card: ${what}; it shows ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until no card is open. */
export async function waitForCardClosed(tab: Page, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (await readCard(tab)) {
    if (Date.now() > deadline) throw new Error(`the card is still open after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A real click on the card's button named `name`, scrolled into view first. */
export async function clickCardButton(tab: Page, name: string): Promise<void> {
  // As a reader (and Playwright's click) would: wait until the button can be pressed. The Pin
  // button stays disabled until the card knows whether the host is pinned; a click before that
  // does nothing, which read as a flaky "pinned nothing".
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = await inCard(
      tab,
      (root, label) => {
        const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
        if (!button || button.disabled) return button ? 'disabled' : null;
        // Into view inside the card (and the page) first, as a reader would scroll to it.
        button.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
        const rect = button.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      name,
    );
    if (box && box !== 'disabled') {
      await tab.mouse.click(box.x, box.y);
      return;
    }
    if (Date.now() > deadline)
      throw new Error(
        box ? `the card's button "${name}" stayed disabled` : `the card has no button "${name}"`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for a download whose name ends with `suffix` in Firefox's download folder; returns its text. */
export async function downloadedFile(ff: LaunchedFirefox, suffix: string, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let lastSize = -1;
  for (;;) {
    // Firefox writes `<name>.part` and renames it when done (ESR 153); ESR 140 was seen with the
    // final name still empty. Done: no `.part`, some bytes, and the same size twice in a row.
    const file = readdirSync(ff.downloads).find((f) => f.endsWith(suffix));
    if (file && !existsSync(join(ff.downloads, `${file}.part`))) {
      const { size } = statSync(join(ff.downloads, file));
      if (size > 0 && size === lastSize) return readFileSync(join(ff.downloads, file), 'utf8');
      lastSize = size;
    }
    if (Date.now() > deadline)
      throw new Error(
        `no *${suffix} download in ${timeout} ms (folder: ${readdirSync(ff.downloads).join(', ')})`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
