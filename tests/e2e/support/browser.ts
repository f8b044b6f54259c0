// Debian's Chromium with the test build of the extension loaded, driven by playwright-core.
// Every name resolution outside loopback fails (--host-resolver-rules), and every request that
// would leave the machine anyway (an IP literal needs no resolution) goes to a loopback proxy
// that records it and answers nothing; `close()` fails the test if it saw anything. Chromium
// never proxies loopback, so the tests' own servers are reached directly. See ../shared/docs/toolchain.md §4 and chromium-e2e-tricks.md.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startOutboundRecorder } from './outbound-recorder';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-e2e');
const TMP = resolve(import.meta.dirname, '../../.tmp');

/**
 * Chromium's own background calls, which its switches don't all stop: the component updater and
 * account check (seen at every launch, before any page or extension code runs), and autofill's
 * server lookups when a test types into a form. Hostlens never
 * contacts these hosts; anything else that reaches the proxy fails the test.
 */
const CHROMIUM_OWN =
  /^(CONNECT |[A-Z]+ http:\/\/)(update\.googleapis\.com|accounts\.google\.com|content-autofill\.googleapis\.com)[:/]/;

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the service worker the hard way, as the browser may at any time. */
  stopWorker(): Promise<void>;
  /** Quits the browser and starts it again with the same profile (what a user's restart does). */
  restart(): Promise<LaunchedExtension>;
  close(): Promise<void>;
}

export async function launchExtension(
  options: { profile?: string; /** The browser's UI language (default en-US). */ lang?: string } = {},
): Promise<LaunchedExtension> {
  mkdirSync(TMP, { recursive: true });
  const reused = options.profile !== undefined;
  const profile = options.profile ?? mkdtempSync(join(TMP, 'profile-'));
  const outbound = await startOutboundRecorder();
  /** Quits the browser; throws if anything tried to leave loopback while it ran. */
  const quit = async () => {
    await context.close();
    await outbound.stop();
    const ours = outbound.seen.filter((r) => !CHROMIUM_OWN.test(r));
    if (ours.length > 0) throw new Error(`requests left loopback: ${ours.slice(0, 10).join(', ')}`);
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
      `--proxy-server=http://127.0.0.1:${outbound.port}`,
      `--lang=${options.lang ?? 'en-US'}`,
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // Tests reach only loopback: the history sources start pointed at a closed loopback port
  // (specs that test a source point it at their own server through the options page). A
  // restarted browser keeps what the test set before.
  if (!reused)
    await worker.evaluate(async (dead) => {
      const chrome = (globalThis as any).chrome;
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({
        settings: {
          ...settings,
          // The resolver too: a test that forgets to set one must not reach the default one.
          resolverUrl: `${dead}dns-query`,
          mnemonic: { enabled: true, baseUrl: dead },
          rdap: { enabled: true, baseUrl: dead },
          certspotter: { enabled: true, baseUrl: dead },
          crtsh: { enabled: true, baseUrl: dead },
        },
      });
    }, 'http://127.0.0.1:9/');

  return {
    context,
    extensionId,
    worker,
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
      return launchExtension({ profile, lang: options.lang });
    },
    async close() {
      await quit();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
