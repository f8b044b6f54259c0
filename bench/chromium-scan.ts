// The content script on a generated 2 MB article in real Chromium: main-thread time, longest
// task, and time from DOMContentLoaded to all marks — against the browser's own time to parse
// the same page (navigation start → DOMContentLoaded), measured in the same run.
import { launchExtension } from '../tests/e2e/support/browser';
import { startBenchWorld } from './bench-world';
import { startPageServer } from '../tests/e2e/support/stub-servers';
import { generateArticle } from './detect';
import { markedHosts } from './live-blog';

export async function benchChromiumScan(): Promise<string[]> {
  const world = await startBenchWorld();
  const { text, truth } = generateArticle(2_000_000, 1031);
  // Paragraphs of ~600 characters, as an article would have.
  const paragraphs = text.match(/.{1,600}(\s|$)/g) ?? [];
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>2 MB</title></head><body><article>${paragraphs
    .map((p) => `<p>${escape(p)}</p>`)
    .join('')}</article></body></html>`;
  const server = await startPageServer({ '/big.html': html });
  const ext = await launchExtension();
  try {
    const tab = await ext.context.newPage();
    await tab.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.longTasks.push(e.duration)),
      ).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    await tab.goto(`${server.url}/big.html`);
    // All marks: the tab's host list (as the content script reports it, 300 ms after a change)
    // stops growing for a second. Only marks near the viewport are drawn, so the highlight's
    // size is not the count.
    const tabId = await ext.tabIdOf(tab);
    let last = -1;
    let stableSince = Date.now();
    for (;;) {
      const size = await markedHosts(ext, tabId);
      if (size !== last) {
        last = size;
        stableSince = Date.now();
      } else if (size > 0 && Date.now() - stableSince > 1000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const page = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const w = window as unknown as { longTasks: number[] };
      return {
        parse: nav.domContentLoadedEventEnd,
        dclEpoch: performance.timeOrigin + nav.domContentLoadedEventEnd,
        longest: Math.max(0, ...w.longTasks),
        longTasks: w.longTasks.length,
        observable: PerformanceObserver.supportedEntryTypes.includes('longtask'),
      };
    });
    const result = { ...page, marks: last, toAllMarks: stableSince - page.dclEpoch };
    return [
      `chromium: 2 MB article (${result.marks} hosts listed, ${truth.size} distinct hosts in it): browser's own parse to DOMContentLoaded ${result.parse.toFixed(0)} ms (baseline)`,
      `chromium: DOMContentLoaded → all hosts listed ${result.toAllMarks.toFixed(0)} ms (incl. the 300 ms report delay), ratio ${(result.toAllMarks / result.parse).toFixed(2)}x; ${result.observable ? `long tasks ${result.longTasks}, longest ${result.longest.toFixed(0)} ms (goal: none over 50 ms from us; the page's own parse counts too)` : 'long tasks: not observable in this Chromium'}`,
    ];
  } finally {
    await ext.close();
    await server.stop();
    await world.stop();
  }
}
