// A reader whose browser speaks Russian: every Hostlens page and the card speak Russian too —
// no English sentence left (brand names, record types and hosts aside) — with Russian plural
// forms, dates and numbers.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { hoverMark } from './support/pages';
import { cardInnerText, waitInCard } from './support/card-view';
import { startMnemonicServer, startPageServer, type StubServer } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

// Words that stay as they are in any language: names of products, sources and protocols,
// record types, and the hosts of the sample article.
const KEPT =
  /\b(Google Public DNS|DNS over HTTPS|Passive DNS Common Output Format|Certificate Transparency|LevelBlue|Recorded Future|DomainTools|SSLMate|Sectigo|NXDOMAIN|SERVFAIL|https|Hostlens|Mnemonic|AlienVault|OTX|SecurityTrails|VirusTotal|DNSDB|Farsight|SAF|Validin|CIRCL|COF|Cert Spotter|Spotter|Cert|crt\.sh|RDAP|IANA|DNS|DoH|DNSSEC|HTTPS?|JSON|CSV|Markdown|TXT|AAAA|CNAME|PTR|SOA|CAA|MX|NS|SPF|DMARC|ASN|TTL|IPv[46]|IP|URL|API|Google|Cloudflare|Quad9|AdGuard|Mullvad|Unicode|Punycode|Alt|Shift|Tab|Escape|Enter|Esc|Firefox|Chrome|Chromium|Edge|unfiltered|Let's Encrypt|Example CA)\b/g;
const HOSTISH = /\S+\.\S+|\S*[0-9]\S*|\S+@\S+/g;

/** English words of 4+ letters left in a page's visible text, after what stays untranslated. */
async function englishLeft(page: Page, selector = 'body'): Promise<string[]> {
  return englishIn(await page.locator(selector).first().innerText());
}

function englishIn(text: string): string[] {
  const rest = text.replace(HOSTISH, ' ').replace(KEPT, ' ');
  return [...new Set(rest.match(/\b[A-Za-z]{4,}\b/g) ?? [])];
}

describe('in Russian', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let mnemonic: StubServer;

  beforeAll(async () => {
    ext = await launchExtension({ lang: 'ru' });
    pages = await startPageServer({
      '/story.html': `<!doctype html><html><head><meta charset="utf-8"><title>История</title></head><body><article>
        <p>Сервер mail1.trump-email.com обращался к 66.216.133.29; позже trump1.contact-client.com.</p>
        <p>Ещё раз mail1.trump-email.com и mail1.trump-email.com.</p></article></body></html>`,
    });
    mnemonic = await startMnemonicServer([
      {
        query: 'mail1.trump-email.com',
        answer: '66.216.133.29',
        rrtype: 'a',
        firstSeenTimestamp: Date.UTC(2016, 4, 3),
        lastSeenTimestamp: Date.UTC(2016, 8, 23),
        times: 1450,
      },
    ]);
    // The options page, in Russian, sets the resolver and Mnemonic's address.
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('URL DoH-резолвера').fill(dohUrl);
    await options.getByRole('button', { name: 'Сохранить' }).first().click();
    await options.getByText('Сохранено.').first().waitFor();
    await options.close();
    await ext.worker.evaluate(async (base) => {
      const chrome = (globalThis as any).chrome;
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({
        settings: { ...settings, mnemonic: { enabled: true, baseUrl: base } },
      });
    }, mnemonic.url);
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages, mnemonic].map((s) => s?.stop()));
  });

  it('the options, watchlist and welcome pages have no English left', async () => {
    for (const path of ['options.html', 'watchlist.html', 'welcome.html']) {
      const page = await ext.openExtensionPage(path);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.title), path).not.toMatch(/settings|watchlist|Welcome/);
      // The welcome page's sample article is a quoted English news story: everything else counts.
      const left = await englishLeft(page, path === 'welcome.html' ? 'main > :not([lang="en"])' : 'body');
      expect(left, path).toEqual([]);
      await page.close();
    }
  });

  it('the popup lists the page’s hosts with Russian plurals, and the card shows history with Russian dates', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(`${pages.url}/story.html`);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 5);
    const tabId = await ext.tabIdOf(tab);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByText('(3 хоста)').waitFor();
    await popup.getByText('3×').waitFor();
    expect(await englishLeft(popup)).toEqual([]);
    await popup.close();

    await hoverMark(tab, 'mail1.trump-email.com');
    await waitInCard(tab, '[data-section="history"][data-state="ok"]');
    const history = (await cardInnerText(tab, '[data-section="history"]'))!;
    expect(history).toContain('3 мая 2016');
    expect(history).toMatch(/1\u00a0450/);
    // The whole card, as drawn (the host's own innerText, checked before, is empty: the card is
    // in its shadow root). The AS name is the source's data (tests/fixtures/zones/asn.cymru.com.zone).
    const card = (await cardInnerText(tab, '[role="dialog"]'))!;
    expect(englishIn(card.replaceAll('EXAMPLE-MAIL-HOSTING - test data', ' '))).toEqual([]);
  });
});
