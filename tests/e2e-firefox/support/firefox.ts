// Debian's Firefox ESR with the release build of the extension installed as a temporary add-on
// (the manifest users get, no test-only permission), driven over WebDriver BiDi by
// puppeteer-core (Playwright's Firefox needs its own patched build), in the reader's world
// (../../e2e/support/world.ts). Every measurement behind these choices:
// ../shared/docs/firefox-e2e.md.
//
// The world: articles on http://news.example-paper.com:<port>/, the default services under
// their real names (cloudflare-dns.com is dnsdist, api.mnemonic.no and the rest are the
// world's stand-ins), all on loopback. Firefox can map a name to loopback but not to a port, so
// every request goes to a loopback proxy (outbound-recorder.ts) that routes `CONNECT name:443`
// to the stand-in's port and plain-HTTP article requests to the article server, and refuses and
// records anything else. Name lookups are off (`network.dns.disabled`): the proxy is an IP
// literal and resolves nothing, so a name outside the world goes nowhere. Loopback itself is
// never proxied (`allow_hijacking_localhost` false).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startOutboundRecorder } from '../../e2e/support/outbound-recorder';
import {
  ARTICLE_HOST,
  DEFAULT_SERVICE_HOSTS,
  startWorld,
  type World,
  type WorldContents,
} from '../../e2e/support/world';

/** The release build: what `wxt build -b firefox` makes and users install. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
/** The gecko id in wxt.config.ts: the UUID pref below is keyed by it. */
const ADDON_ID = 'hostlens@hostlens.invalid';
const TMP = resolve(import.meta.dirname, '../../.tmp');

export interface LaunchedFirefox {
  browser: Browser;
  /** The fixed `moz-extension://` host, so specs can build extension URLs before any page opens. */
  uuid: string;
  /** The stand-ins for the default services, and what they were asked. */
  world: World;
  /** Everything the proxy refused: requests that tried to leave the test's world. */
  outbound: string[];
  /** Where Firefox saves downloads (no dialog). */
  downloads: string;
  /**
   * An extension page kept open for questions to the extension API (`browser.tabs`, …): Firefox's
   * MV2 background page can't be reached over BiDi.
   */
  control: Page;
  /** Opens an extension page in a new tab and waits until its document is ready. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens an article (an http://news.example-paper.com:<port>/ URL) in a new tab, as a reader does. */
  openArticle(url: string): Promise<Page>;
  /**
   * The extension's id for the tab showing `page`. The release build has neither `tabs` nor host
   * access to articles, so Firefox hides a tab's URL from it; the tab in front is asked for.
   */
  tabIdOf(page: Page): Promise<number>;
  /**
   * The reader presses the `walk-marks` shortcut (Alt+Shift+H) with `page` in front. Returns how
   * it got there: `shortcut` (a key press in the browser window, ESR 153+) or `message` (ESR 140).
   */
  pressWalkShortcut(page: Page): Promise<'shortcut' | 'message'>;
  /** Quits Firefox and stops the world; throws if anything tried to leave it. */
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** What the default services' stand-ins know. */
  world?: WorldContents;
  /** Another loopback DoH-over-TLS port to stand in for the default resolver (a spec's own dnsdist). */
  resolverPort?: number;
}

// Puppeteer already writes its own test prefs (no updates, no safe browsing, no normandy URL).
// The doc's network log found one outside host with those alone, Remote Settings, whose server
// pref release builds ignore unless MOZ_REMOTE_SETTINGS_DEVTOOLS is set (see `env` below). The
// rest are precautions for services that only start once a first fetch succeeds.
const QUIET_PREFS = {
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'network.dns.disabled': true,
  'network.trr.mode': 5,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'geo.provider.network.url': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.mozilla.gethashURL': '',
};

/**
 * Waits until `check` (run in `page`) returns a truthy value, and returns it. Polls
 * `page.evaluate`: puppeteer's `waitForFunction` builds a `Function()` in the page, which an
 * extension page's CSP blocks in ESR 140 (`EvalError: call to Function() blocked by CSP`).
 */
export async function waitFor<T, A = undefined>(
  page: Page,
  check: (arg: A) => T | Promise<T>,
  arg?: A,
  { timeout = 15_000, what = 'the page' }: { timeout?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = (await page.evaluate(check as (a: unknown) => unknown, arg)) as T;
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      // A navigation in progress destroys the context; anything else is a real failure.
      if (!/context|destroyed|navigat/i.test(String(error))) throw error;
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (${String(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The BiDi connection under puppeteer's Browser (not public API; stable across 24.x). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}
export const bidi = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;

/**
 * Alt+Shift+H as the browser window receives it. Firefox handles an extension's shortcut in the
 * browser window (a XUL <key> that ExtensionShortcuts adds), never in the page: a key that BiDi's
 * `input.performActions` synthesizes in the page reaches the page only (checked: the page sees
 * trusted Alt, Shift, H; no command fires), and `input.performActions` refuses the window
 * itself ("does not support browsing contexts in privileged (chrome) scope"). Keys from the
 * window's own TextInputProcessor (how Firefox's EventUtils synthesizes keys) while the page has
 * focus go on to the page, and no command fires either (checked on ESR 153). What works: the
 * same keys while the address bar has focus, as when the reader has just typed the page's
 * address (checked: the extension's <key> fires "command" and the card opens). Firefox then
 * runs the real path: its shortcut handler, `commands.onCommand` in the background (which also
 * grants activeTab, as a user's press does), the message to the tab's content script.
 *
 * That needs script in the browser window: BiDi allows it with --remote-allow-system-access from
 * ESR 153 on (`browsingContext.getTree` with `"moz:scope": "chrome"`). ESR 140 has no way to the
 * window over BiDi (it lists only content contexts; Marionette's chrome context would, but
 * Firefox allows one WebDriver session and puppeteer's BiDi session is it), so there this returns
 * null and the caller sends what `onCommand` sends.
 */
async function pressInBrowserWindow(browser: Browser, keys: string): Promise<boolean | null> {
  const { result } = await bidi(browser).send('browsingContext.getTree', {
    maxDepth: 0,
    'moz:scope': 'chrome',
  });
  const window = (result.contexts as { context: string; url: string; 'moz:scope'?: string }[]).find(
    (c) => c['moz:scope'] === 'chrome' && c.url === 'chrome://browser/content/browser.xhtml',
  );
  if (!window) return null;
  const { result: evaluated } = await bidi(browser).send('script.evaluate', {
    target: { context: window.context },
    awaitPromise: true,
    expression: `(async () => {
      const keys = ${JSON.stringify(keys)}.split('+').map((key) => {
        const named = { Alt: ['AltLeft', 18], Shift: ['ShiftLeft', 16], Control: ['ControlLeft', 17] }[key];
        return new KeyboardEvent('', named ? { key, code: named[0], keyCode: named[1] }
          : { key, code: 'Key' + key.toUpperCase(), keyCode: key.toUpperCase().charCodeAt(0) });
      });
      // Whether Firefox's own shortcut handler ran: the extension's <key> element fires "command".
      let fired = false;
      const onCommand = () => (fired = true);
      const shortcut = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')];
      for (const key of shortcut) key.addEventListener('command', onCommand);
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
      gURLBar.focus();
      for (const key of keys) tip.keydown(key);
      for (const key of keys.reverse()) tip.keyup(key);
      // The command event follows the key events (not within them): give it a moment.
      for (let waited = 0; !fired && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      for (const key of shortcut) key.removeEventListener('command', onCommand);
      // Back to the page, as the reader's next key (Tab) goes there.
      gBrowser.selectedBrowser.focus();
      return fired;
    })()`,
  });
  if (evaluated.type === 'exception')
    throw new Error(`key press in the window: ${evaluated.exceptionDetails.text}`);
  return evaluated.result.value as boolean;
}

/**
 * Closes Firefox. A quit that hangs (a hook timed out once on ESR 140, in a run where a spec
 * failed during a download) must not hold the run for the hook timeout: after 15 s the Firefox
 * this launch started is killed.
 */
async function quit(browser: Browser): Promise<void> {
  const closed = browser.close().then(() => true);
  const late = new Promise<false>((done) => setTimeout(() => done(false), 15_000).unref());
  if (!(await Promise.race([closed, late]))) {
    browser.process()?.kill('SIGKILL');
    throw new Error('Firefox did not quit in 15 s; it was killed');
  }
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<LaunchedFirefox> {
  const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath))
    throw new Error(`${executablePath} is missing: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  mkdirSync(TMP, { recursive: true });
  const downloads = mkdtempSync(join(TMP, 'ff-downloads-'));
  const uuid = randomUUID();
  const world = await startWorld(options.world);
  // The default services and every RDAP server IANA's bootstrap names (world.ts).
  const routes = new Map(world.proxyRoutes.tls);
  if (options.resolverPort !== undefined) routes.set(DEFAULT_SERVICE_HOSTS.resolver, options.resolverPort);
  const recorder = await startOutboundRecorder(routes, new Set([ARTICLE_HOST]), world.proxyRoutes.http);
  const stopServers = async () => {
    await recorder.stop();
    await world.stop();
    rmSync(downloads, { recursive: true, force: true });
  };
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // ESR 140 has no `emulation.setScreenOrientationOverride`, which a viewport needs.
      defaultViewport: null,
      // The stand-ins' certificate is our own (world-tls.ts); this covers the extension's fetches.
      acceptInsecureCerts: true,
      // Without it BiDi refuses to navigate to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
        // Everything through the proxy, except loopback (the tests' own servers, reached directly).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': recorder.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': recorder.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': false,
        // Downloads (the evidence export) land in `downloads`, without a dialog.
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      },
    })
    .catch(async (error: unknown) => {
      await stopServers();
      throw error;
    });

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    // No load event ever arrives for a moz-extension page (see the doc): wait for the document.
    await page.goto(`moz-extension://${uuid}/${path}`, { waitUntil: [] });
    await waitFor(
      page,
      () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
      undefined,
      {
        what: path,
      },
    );
    return page;
  };

  let control: Page | undefined;
  try {
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
    control = await openExtensionPage('options.html');
  } catch (error) {
    await quit(browser).catch(() => undefined);
    await stopServers();
    throw error;
  }
  const controlPage = control;
  const tabIdOf = async (page: Page) => {
    await page.bringToFront();
    return controlPage.evaluate(async () => {
      const tabs: { id?: number }[] = await (globalThis as any).browser.tabs.query({
        active: true,
        lastFocusedWindow: true,
      });
      return tabs[0]!.id!;
    });
  };

  return {
    browser,
    uuid,
    world,
    outbound: recorder.seen,
    downloads,
    control: controlPage,
    openExtensionPage,
    async openArticle(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    tabIdOf,
    async pressWalkShortcut(page) {
      await page.bringToFront();
      const fired = await pressInBrowserWindow(browser, 'Alt+Shift+H');
      if (fired === false) throw new Error('Alt+Shift+H reached the browser window but no shortcut fired');
      if (fired) return 'shortcut';
      // ESR 140: what the background's `commands.onCommand` listener sends to the tab in front
      // (entrypoints/background.ts), in @webext-core/messaging's format.
      const tabId = await tabIdOf(page);
      await controlPage.evaluate(
        (id) =>
          (globalThis as any).browser.tabs.sendMessage(id, {
            id: 1,
            type: 'walkMarks',
            data: undefined,
            timestamp: Date.now(),
          }),
        tabId,
      );
      return 'message';
    },
    async close() {
      // Skipping this leaves Firefox and a puppeteer_dev_firefox_profile-* directory behind.
      await quit(browser);
      await stopServers();
      // The leak guard. Unlike Chromium's (which keeps the browser's own calls apart through
      // DevTools network events), it can't tell the extension's requests from Firefox's: BiDi's
      // `network.beforeRequestSent` reports the requests of pages in tabs (articles, the
      // extension's popup and options pages), but none of the MV2 background page's, where every
      // lookup runs (checked on ESR 140 and 153: a lookup reached dnsdist and four stand-ins, and
      // BiDi reported none of it). So the proxy is the guard: with the prefs above Firefox makes
      // no request of its own (no run on ESR 140 or 153 sent the proxy anything), and anything
      // it refused fails the spec — there is no list of the browser's own hosts to excuse.
      if (recorder.seen.length > 0)
        throw new Error(
          `something tried to leave the test's world: ${recorder.seen.slice(0, 10).join(', ')}`,
        );
    },
  };
}
