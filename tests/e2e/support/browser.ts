// Debian's Chromium with the release build of the extension loaded (the manifest users get, no
// test-only permission), driven by playwright-core, in the reader's world (world.ts): articles
// on a public-looking name, the default services under their real names, all on loopback.
//
// Nothing reaches the outside, and that is checked rather than assumed: every name outside the
// world fails to resolve (--host-resolver-rules), and what would leave anyway (an IP literal
// needs no resolution) goes to a loopback proxy that answers nothing. `close()` fails the spec
// if the *extension* (its worker or its pages, told apart through the DevTools protocol's network
// events) asked for anything outside the servers the test started; the browser's own background
// calls are not ours to judge. See ../shared/docs/chromium-e2e-tricks.md §7 and §10.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { startOutboundRecorder } from './outbound-recorder';
import { startWorld, ARTICLE_HOST, type World, type WorldContents } from './world';

/** The release build: what `npm run build` makes and users install. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
const TMP = resolve(import.meta.dirname, '../../.tmp');

/** The origin a user allows, in chrome://extensions, before pointing a setting at loopback. */
export const LOOPBACK_ORIGIN = 'http://127.0.0.1/*';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The stand-ins for the default services, and what they were asked. */
  world: World;
  openExtensionPage(path: string): Promise<Page>;
  /**
   * The extension's id for the tab showing `page`. The release build has neither `tabs` nor host
   * access to articles, so the browser hides a tab's URL from it; the tab in front is asked for
   * instead (../shared/docs/chromium-e2e-tricks.md §4).
   */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Allows `origin` for the extension the way a user does, in chrome://extensions (a prompt can't
   * be clicked in headless Chromium): the extension's own `permissions.request` then resolves
   * without asking. It grants nothing until the extension asks.
   */
  allowHostAccess(origin: string): Promise<void>;
  /** Stops the service worker the hard way, as the browser may at any time. */
  stopWorker(): Promise<void>;
  /** Quits the browser and starts it again with the same profile (what a user's restart does). */
  restart(): Promise<LaunchedExtension>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  profile?: string;
  /** The browser's UI language (default en-US). */
  lang?: string;
  /** What the default services' stand-ins know (or a world already running, kept on restart). */
  world?: WorldContents | World;
  /**
   * Whether the user has allowed loopback in chrome://extensions (default true): specs that point
   * a setting at their own server on 127.0.0.1 need it, as a user with a self-hosted server would.
   */
  allowLoopback?: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  mkdirSync(TMP, { recursive: true });
  const reused = options.profile !== undefined;
  const profile = options.profile ?? mkdtempSync(join(TMP, 'profile-'));
  const world = options.world && 'ports' in options.world ? options.world : await startWorld(options.world);
  const outbound = await startOutboundRecorder(world.proxyRoutes.tls, new Set(), world.proxyRoutes.http);
  const leaks: string[] = [];
  /** Quits the browser; throws if the extension asked for anything outside the test's servers. */
  const quit = async () => {
    await context.close();
    await outbound.stop();
    if (leaks.length > 0)
      throw new Error(`the extension reached outside the test's servers: ${leaks.slice(0, 10).join(', ')}`);
  };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    channel: 'chromium',
    // The UI language decides the extension's messages and formats: fixed, not the machine's.
    env: { ...process.env, LANGUAGE: options.lang ?? 'en-US' },
    locale: options.lang ?? 'en-US',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The stand-ins' certificate is our own (world-tls.ts).
      '--ignore-certificate-errors',
      `--proxy-server=http://127.0.0.1:${outbound.port}`,
      // The world's names go straight to their loopback servers, not to the proxy.
      `--proxy-bypass-list=${[ARTICLE_HOST, ...world.ports.keys()].join(';')}`,
      `--lang=${options.lang ?? 'en-US'}`,
      `--host-resolver-rules=${world.hostResolverRules()}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const ownPrefix = `chrome-extension://${extensionId}/`;
  const allowed = (url: URL) =>
    ['chrome-extension:', 'data:', 'blob:'].includes(url.protocol) ||
    LOOPBACK_HOSTS.has(url.hostname) ||
    world.knows(url.hostname);
  context.on('request', (request: Request) => {
    const who = request.serviceWorker()?.url() ?? safeFrameUrl(request);
    if (who.startsWith(ownPrefix) && !allowed(new URL(request.url()))) leaks.push(request.url());
  });

  const allowHostAccess = async (origin: string) => {
    const page = await context.newPage();
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([id, host]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, host),
      [extensionId, origin] as const,
    );
    await page.close();
  };
  if (!reused && options.allowLoopback !== false) await allowHostAccess(LOOPBACK_ORIGIN);

  return {
    context,
    extensionId,
    worker,
    world,
    allowHostAccess,
    async tabIdOf(page) {
      await page.bringToFront();
      return worker.evaluate(async () => {
        const chrome = (globalThis as any).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab.id as number;
      });
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      let versionId: string | undefined;
      let status: string | undefined;
      const seen = new Set<string>();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) {
          if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) {
            versionId = v.versionId;
            status = v.runningStatus;
            seen.add(status);
          }
        }
      });
      await cdp.send('ServiceWorker.enable');
      // A page waiting on the worker starts a new one at once: "stopped" may be over by the
      // time we look, so any sighting of it counts.
      const until = async (wanted: string) => {
        for (
          const end = Date.now() + 5000;
          status !== wanted && !seen.has(wanted);
          await new Promise((r) => setTimeout(r, 25))
        ) {
          if (Date.now() > end) throw new Error(`service worker not ${wanted}`);
        }
      };
      await until('running');
      seen.clear();
      await cdp.send('ServiceWorker.stopWorker', { versionId: versionId! });
      await until('stopped');
      await cdp.detach();
    },
    async restart() {
      await quit();
      return launchExtension({ ...options, profile, world });
    },
    async close() {
      try {
        await quit();
      } finally {
        await world.stop();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** The page a request came from, or '' (a service worker's request has no frame). */
function safeFrameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}
