// Debian's Firefox ESR with the test build of the extension installed as a temporary add-on,
// driven over WebDriver BiDi by puppeteer-core (Playwright's Firefox needs its own patched
// build). Every measurement behind these choices: ../shared/docs/firefox-e2e.md.
//
// Tests reach only loopback, and this checks it rather than hoping: name lookups are off
// (`network.dns.disabled`; 127.0.0.1 and localhost still work), and every request that would
// leave the machine is routed to a loopback "proxy" that records it and answers nothing.
// Loopback itself is never proxied (Firefox's `network.proxy.allow_hijacking_localhost` is
// false by default), so the fixture pages and the DoH server are reached directly.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startOutboundRecorder } from '../../e2e/support/outbound-recorder';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2-e2e');
/** The gecko id in wxt.config.ts: the UUID pref below is keyed by it. */
const ADDON_ID = 'hostlens@hostlens.invalid';
const DEAD_PORT_URL = 'http://127.0.0.1:9/';

export interface LaunchedFirefox {
  browser: Browser;
  /** The fixed `moz-extension://` host, so specs can build extension URLs before any page opens. */
  uuid: string;
  /** Every request that tried to leave loopback (`CONNECT host:443` or an absolute URL). */
  outbound: string[];
  /**
   * An extension page kept open for questions to the extension API (`browser.tabs`, …): Firefox's
   * MV2 background page can't be reached over BiDi.
   */
  control: Page;
  /** Opens an extension page in a new tab and waits until its document is ready. */
  openExtensionPage(path: string): Promise<Page>;
  /** The id the extension sees for the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
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

/** Waits for a moz-extension page: Puppeteer never gets a load event for one (see the doc). */
async function waitForExtensionDocument(page: Page): Promise<void> {
  await page.waitForFunction(
    () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
    { timeout: 15_000 },
  );
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath))
    throw new Error(`${executablePath} is missing: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  const uuid = randomUUID();
  const recorder = await startOutboundRecorder();
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // Without it BiDi refuses to navigate to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': recorder.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': recorder.port,
        'network.proxy.no_proxies_on': '',
      },
    })
    .catch(async (error: unknown) => {
      await recorder.stop();
      throw error;
    });

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(`moz-extension://${uuid}/${path}`, { waitUntil: [] });
    await waitForExtensionDocument(page);
    return page;
  };

  let control: Page | undefined;
  try {
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
    control = await openExtensionPage('options.html');
    // As in the Chromium launcher: the history sources start at a closed loopback port, so a
    // popup that lists hosts asks nobody outside (and the recorder above would tell).
    await control.evaluate(async (dead) => {
      const { storage } = (globalThis as any).browser;
      const { settings } = await storage.sync.get('settings');
      await storage.sync.set({
        settings: {
          ...settings,
          mnemonic: { enabled: true, baseUrl: dead },
          rdap: { enabled: true, baseUrl: dead },
          certspotter: { enabled: true, baseUrl: dead },
          crtsh: { enabled: true, baseUrl: dead },
        },
      });
    }, DEAD_PORT_URL);
  } catch (error) {
    await browser.close();
    await recorder.stop();
    throw error;
  }
  const controlPage = control;

  return {
    browser,
    uuid,
    outbound: recorder.seen,
    control: controlPage,
    openExtensionPage,
    async tabIdOf(url) {
      const id = await controlPage.evaluate(async (u) => {
        const tabs: { id?: number; url?: string }[] = await (globalThis as any).browser.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async close() {
      // Skipping this leaves Firefox and a puppeteer_dev_firefox_profile-* directory behind.
      await browser.close();
      await recorder.stop();
    },
  };
}
