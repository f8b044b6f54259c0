// The hover card in real Chromium: pointer rest → card painted with its records, from the
// background's cache and cold against a resolver 100 ms away (baseline: the slowest single
// question through the same delay, measured in the same run), and long tasks while the
// pointer rests on 200 marks in sequence.
import type { Page } from 'playwright-core';
import { NAME_RECORD_TYPES } from '../utils/dns/model';
import { launchExtension } from '../tests/e2e/support/browser';
import { dohQuery } from '../tests/e2e/support/dns-servers';
import { setResolver } from '../tests/e2e/support/pages';
import { exposeCardToPage, waitInCard } from '../tests/e2e/support/card-view';
import { startDelayProxy, startPageServer } from '../tests/e2e/support/stub-servers';
import { startBenchWorld } from './bench-world';
import { markedHosts } from './live-blog';

const DELAY_MS = 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Where the pointer rests on the mark reading `text`. */
function markCentre(tab: Page, text: string): Promise<{ x: number; y: number }> {
  return tab.evaluate((t) => {
    const r = [...(CSS as any).highlights.get('hostlens')].find((x: Range) => x.toString() === t) as Range;
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
}

/**
 * Starts `measure` in the page, rests the pointer on the mark reading `text`, and returns what
 * `measure` found once it settles; then closes the card and moves the pointer away.
 *
 * The card's root is closed to the page, where `measure` must run to time frames; once the card
 * has mounted, its root is lent to the page (`exposeCardToPage`) for the next measurements.
 */
async function restOn(tab: Page, text: string, measure: () => Promise<number>): Promise<number> {
  const point = await markCentre(tab, text);
  const timing = measure();
  await tab.mouse.move(point.x, point.y, { steps: 2 });
  const ms = await timing;
  await exposeCardToPage(tab);
  await tab.keyboard.press('Escape');
  await tab.mouse.move(1, 1);
  await waitInCard(tab, '[role="dialog"]', { gone: true });
  return ms;
}

/** Rests the pointer on the mark reading `text` and returns ms from the card's opening to records painted. */
async function restAndTime(tab: Page, text: string): Promise<number> {
  return restOn(tab, text, () =>
    tab.evaluate(
      () =>
        new Promise<number>((done) => {
          let opened = 0;
          const tick = () => {
            const root = document.querySelector('hostlens-card')?.shadowRoot;
            const dns = root?.querySelector('[data-section="dns"]');
            if (!opened && root?.querySelector('[role="dialog"]')) opened = performance.now();
            if (opened && dns && dns.getAttribute('data-state') !== 'loading') {
              // The next frame is when it is on screen.
              requestAnimationFrame(() => done(performance.now() - opened));
            } else requestAnimationFrame(tick);
          };
          tick();
        }),
    ),
  );
}

/**
 * Rests the pointer on `text` and returns ms from the pointer's last move to the card's dialog in
 * the page: the rest time, plus — on a page's first card — loading card.js.
 */
async function restToOpen(tab: Page, text: string): Promise<number> {
  return restOn(tab, text, () =>
    tab.evaluate(
      () =>
        new Promise<number>((done) => {
          let moved = performance.now();
          addEventListener('pointermove', () => (moved = performance.now()), { capture: true });
          const tick = () => {
            const host = document.querySelector('hostlens-card');
            // A page's first card: the host is mounted in the same task that renders the card,
            // and its root is still closed to the page (null); later ones, through the lent root.
            if (host && (!host.shadowRoot || host.shadowRoot.querySelector('[role="dialog"]')))
              done(performance.now() - moved);
            else requestAnimationFrame(tick);
          };
          tick();
        }),
    ),
  );
}

export async function benchCard(): Promise<string[]> {
  const world = await startBenchWorld();
  const { dns } = world;
  const slow = await startDelayProxy(dns.dohUrl, DELAY_MS);
  const names = Array.from({ length: 200 }, (_, i) => `host${i}.trump-email.com`);
  const pages = await startPageServer({
    '/story.html': `<!doctype html><html><body><p>Names: mail1.trump-email.com, trump1.contact-client.com, listrak.com, cendyn.com, trump-email.com, warm-up.example.org.</p></body></html>`,
    '/many.html': `<!doctype html><html><body>${names.map((n) => `<p>Line about ${n} here.</p>`).join('')}</body></html>`,
  });
  const ext = await launchExtension();
  try {
    // Baseline: the slowest of the host's questions, each asked alone through the same delay.
    const singles: number[] = [];
    for (const type of NAME_RECORD_TYPES) {
      const t = performance.now();
      await (await fetch(`${slow.url}?dns=${dohQuery('cendyn.com', type)}`)).arrayBuffer();
      singles.push(performance.now() - t);
    }
    const baseline = Math.max(...singles);
    await setResolver(ext, slow.url);
    // tsx (esbuild) wraps named inner functions in `__name(...)`; page.evaluate ships their
    // source to the page, which has no such helper.
    await ext.context.addInitScript('globalThis.__name = (f) => f;');
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 6);
    // A first card, not timed, mounts the card so its root can be lent to the page.
    await restOn(tab, 'warm-up.example.org', async () => {
      await waitInCard(tab, '[role="dialog"]');
      return 0;
    });
    const cold: number[] = [];
    const cached: number[] = [];
    for (const host of [
      'mail1.trump-email.com',
      'trump1.contact-client.com',
      'listrak.com',
      'cendyn.com',
      'trump-email.com',
    ]) {
      cold.push(await restAndTime(tab, host));
      cached.push(await restAndTime(tab, host));
    }
    await tab.close();

    // A page's first card loads card.js (a web-accessible module, imported by the content
    // script); later cards on the page don't. Both include the same rest time.
    const firstCard: number[] = [];
    const laterCard: number[] = [];
    for (let i = 0; i < 7; i++) {
      const fresh = await ext.context.newPage();
      await fresh.goto(`${pages.url}/story.html`);
      await fresh.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 5);
      firstCard.push(await restToOpen(fresh, 'listrak.com'));
      laterCard.push(await restToOpen(fresh, 'cendyn.com'));
      await fresh.close();
    }

    // 200 marks in sequence, with the rest time at its minimum so the run stays short.
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('Rest time before the card opens (milliseconds)').fill('100');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').waitFor();
    await options.close();
    await setResolver(ext, dns.dohUrl);
    const many = await ext.context.newPage();
    await many.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: 'longtask',
      });
    });
    await many.goto(`${pages.url}/many.html`);
    // All 200 found (the tab's list; only marks near the viewport are in the highlight).
    const manyTab = await ext.tabIdOf(many);
    while ((await markedHosts(ext, manyTab)) < names.length) await many.waitForTimeout(50);
    await many.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    for (const name of names) {
      await many.evaluate((t) => {
        const p = [...document.querySelectorAll('p')].find((x) => x.textContent?.includes(t));
        p!.scrollIntoView({ block: 'center' });
      }, name);
      // Its mark joins the highlight once it is near the viewport.
      const point = await (
        await many.waitForFunction((t) => {
          const r = [...(CSS as any).highlights.get('hostlens')].find((x: Range) => x.toString() === t) as
            Range | undefined;
          const rect = r?.getClientRects()[0];
          return rect && { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }, name)
      ).jsonValue();
      await many.mouse.move(point!.x, point!.y, { steps: 2 });
      await many.waitForTimeout(160);
    }
    const longTasks = await many.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return [
      `card: slowest single question through a ${DELAY_MS} ms resolver (baseline) ${baseline.toFixed(0)} ms`,
      `card: rest → records painted, cold ${median(cold).toFixed(0)} ms median of ${cold.length}, ratio ${(median(cold) / baseline).toFixed(2)}x (goal ≤ 1.2x)`,
      `card: rest → records painted, from cache ${median(cached).toFixed(0)} ms median (goal < 50 ms)`,
      `card: pointer's last move → card open, a page's first card ${median(firstCard).toFixed(0)} ms, later cards ${median(laterCard).toFixed(0)} ms (medians of ${firstCard.length}; the same rest time in both): loading card.js costs ${(median(firstCard) - median(laterCard)).toFixed(0)} ms`,
      `card: 200 hovers in sequence: ${longTasks.length} long tasks, longest ${Math.max(0, ...longTasks).toFixed(0)} ms (goal: none over 50 ms)`,
    ];
  } finally {
    await ext.close();
    await pages.stop();
    await slow.stop();
    await world.stop();
  }
}
