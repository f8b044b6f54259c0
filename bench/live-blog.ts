// A live blog in real Chromium: 5,000 distinct hosts on load, then a new post (5 more hosts)
// every 100 ms and an edit to an earlier post every 250 ms, for 10 s. Reports the longest task
// on the page's main thread (the page's own script is a few lines; the rest is the browser and
// us), whether the marks kept up (every host marked once, edits re-marked), and the content
// script's memory: the page's JS heap with Hostlens on, minus the same page on a site where
// Hostlens is off ("never on this site"), measured in the same run.
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/support/browser';
import { startBenchWorld } from './bench-world';
import { setExcludedSites } from '../tests/e2e/support/pages';
import { startPageServer } from '../tests/e2e/support/stub-servers';

const INITIAL = 5_000;
const POSTS = 100; // one every 100 ms: 10 s
const PER_POST = 5;

const host = (i: number) => `node${i}.live${i % 89}.example-news.com`;

export function livePage(): string {
  const paragraphs = Array.from({ length: INITIAL / 10 }, (_, p) => {
    const names = Array.from({ length: 10 }, (_, k) => host(p * 10 + k));
    return `<p>Update ${p}: readers traced ${names.join(', ')} to the same provider.</p>`;
  });
  // The page's own script: posts and edits, as a live blog's would make them.
  const script = `
    let n = ${INITIAL};
    const blog = document.querySelector('article');
    let posts = 0;
    const post = setInterval(() => {
      const p = document.createElement('p');
      const names = [];
      for (let k = 0; k < ${PER_POST}; k++) names.push('node' + n + '.live' + (n++ % 89) + '.example-news.com');
      p.textContent = 'Breaking: ' + names.join(' and ') + ' now resolve elsewhere.';
      blog.prepend(p);
      if (++posts === ${POSTS}) { clearInterval(post); clearInterval(edit); window.liveDone = performance.now(); }
    }, 100);
    let e = 0;
    const edit = setInterval(() => {
      const p = blog.children[blog.children.length - 1 - (e++ % 400)];
      p.textContent = p.textContent.replace('readers', 'reporters');
    }, 250);`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Live</title></head><body><article>${paragraphs.join('')}</article><script>window.addEventListener('load', () => setTimeout(() => {${script}}, 2000));</script></body></html>`;
}

async function observeLongTasks(tab: Page): Promise<void> {
  await tab.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: 'longtask', buffered: true });
  });
}

async function heapUsed(tab: Page): Promise<number> {
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export async function benchLiveBlog(): Promise<string[]> {
  const world = await startBenchWorld();
  const server = await startPageServer({ '/live.html': livePage() });
  const ext = await launchExtension();
  try {
    const total = INITIAL + POSTS * PER_POST;
    const tab = await ext.context.newPage();
    await observeLongTasks(tab);
    await tab.goto(`${server.url}/live.html`);
    // Hosts marked: the tab's list as the content script reported it (only marks near the
    // viewport are drawn, so the highlight's size is not the count).
    const tabId = await ext.tabIdOf(tab);
    const marks = () => markedHosts(ext, tabId);
    for (let t = 0; (await marks()) < INITIAL; t++) {
      if (t > 600) throw new Error(`only ${await marks()} of ${INITIAL} hosts marked after 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const loaded = await tab.evaluate(() => performance.now());
    await tab.waitForFunction(() => (window as any).liveDone !== undefined, undefined, { timeout: 60_000 });
    const done = (await tab.evaluate(() => (window as any).liveDone)) as number;
    // Marks keep up: all hosts marked within 2 s of the last post.
    let caughtUp = -1;
    for (let t = 0; t < 40; t++) {
      if ((await marks()) >= total) {
        caughtUp = (await tab.evaluate(() => performance.now())) - done;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const tasks = (await tab.evaluate(() => (window as any).longTasks)) as {
      start: number;
      duration: number;
    }[];
    const during = tasks.filter((t) => t.start > loaded);
    const longest = (list: typeof tasks) => Math.max(0, ...list.map((t) => t.duration));
    const withUs = await heapUsed(tab);

    // The same page where Hostlens stays off: the baseline heap.
    expect(await setExcludedSites(ext, ['localhost']));
    const off = await ext.context.newPage();
    await observeLongTasks(off);
    await off.goto(`${server.url.replace('127.0.0.1', 'localhost')}/live.html`);
    await off.waitForFunction(() => (window as any).liveDone !== undefined, undefined, { timeout: 60_000 });
    const without = await heapUsed(off);
    const offTasks = (await off.evaluate(() => (window as any).longTasks)) as typeof tasks;
    return [
      `live blog: ${INITIAL.toLocaleString('en')} hosts on load, then ${POSTS} posts (+${PER_POST} hosts each) and edits in 10 s: ${await marks()} of ${total.toLocaleString('en')} marked, ${caughtUp >= 0 ? `caught up ${caughtUp.toFixed(0)} ms after the last post (the list is reported 300 ms after the last change)` : 'NOT caught up 2 s after the last post'}`,
      `live blog: long tasks while posting ${during.length}, longest ${longest(during).toFixed(0)} ms; during the first scan ${tasks.length - during.length}, longest ${longest(tasks.filter((t) => t.start <= loaded)).toFixed(0)} ms (goal: none over 50 ms; the page's own parse counts too); with Hostlens off ${offTasks.length}, longest ${longest(offTasks).toFixed(0)} ms (baseline)`,
      `live blog: page JS heap ${(withUs / 1e6).toFixed(1)} MB with Hostlens, ${(without / 1e6).toFixed(1)} MB with Hostlens off for the site (baseline): ours ≈ ${((withUs - without) / 1e6).toFixed(1)} MB, ratio ${(withUs / without).toFixed(2)}x`,
    ];
  } finally {
    await ext.close();
    await server.stop();
    await world.stop();
  }
}

/** How many distinct hosts the tab `tabId` reported (the popup's list). */
export async function markedHosts(
  ext: Awaited<ReturnType<typeof launchExtension>>,
  tabId: number,
): Promise<number> {
  return ext.worker.evaluate(async (id) => {
    const chrome = (globalThis as any).chrome;
    const key = `tabHosts:${id}`;
    return ((await chrome.storage.session.get(key))[key] ?? []).length as number;
  }, tabId);
}

function expect(saved: string): void {
  if (saved !== 'Saved.') throw new Error(`options not saved: ${saved}`);
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const line of await benchLiveBlog()) console.log(line);
