// A fact-checker exports the story page as evidence: page address and title, every host with
// its live DNS, history already fetched, and hostile TXT made inert in the Markdown. Nothing is
// looked up until the click.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { LookupPopup, setMnemonic, setResolver } from './support/pages';
import { startMnemonicServer, startPageServer, type StubServer } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const PAGE = `<!doctype html><html><head><title>The server *and* the [bank]</title></head><body>
  <p>Reporters wrote that mail1.trump-email.com was looked up by a bank.</p>
  <p>The TXT at hostile.contact-client.com is attacker text.</p>
</body></html>`;

describe('evidence export', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let mnemonic: StubServer;

  beforeAll(async () => {
    ext = await launchExtension();
    pages = await startPageServer({ '/story.html': PAGE });
    mnemonic = await startMnemonicServer([
      {
        query: 'mail1.trump-email.com',
        answer: '66.216.133.29',
        rrtype: 'a',
        firstSeenTimestamp: Date.UTC(2016, 4, 3),
        lastSeenTimestamp: Date.UTC(2016, 8, 23),
        times: 145,
      },
    ]);
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    expect(await setMnemonic(ext, mnemonic.url)).toBe('Saved.');
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages?.stop(), mnemonic?.stop()]);
  });

  it('reports the page, each host’s records with TTLs and DNSSEC, and history already fetched', async () => {
    const url = `${pages.url}/story.html`;
    const tab = await ext.context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 2);
    // History for one host was fetched earlier by opening its details; the other never was.
    const details = await LookupPopup.open(ext);
    await details.lookUp('mail1.trump-email.com');
    await details.page.locator('[data-section="history"][data-state="ok"]').waitFor();
    await details.page.close();
    const before = mnemonic.requests.length;

    const tabId = await ext.worker.evaluate(async (u) => {
      const tabs = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t: any) => t.url === u)?.id;
    }, url);
    const popup = await ext.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Export evidence' }).click();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(report.format).toBe('hostlens-evidence');
    expect(report.page).toEqual({ url, title: 'The server *and* the [bank]' });
    expect(report.resolver).toBe(dohUrl);
    const mail = report.hosts.find((h: any) => h.host === 'mail1.trump-email.com');
    expect(mail.dns.status).toBe('NOERROR');
    expect(mail.dns.dnssecValidated).toBe(false);
    expect(mail.dns.records).toContainEqual({
      type: 'A',
      name: 'mail1.trump-email.com',
      ttl: 300,
      value: '66.216.133.29',
    });
    expect(mail.history[0].observations[0]).toMatchObject({ rdata: '66.216.133.29', count: 145 });
    const hostile = report.hosts.find((h: any) => h.host === 'hostile.contact-client.com');
    expect(hostile.history).toBeNull();
    // The export asked no history source: only live DNS.
    expect(mnemonic.requests.length).toBe(before);

    const [md] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('- Title: The server \\*and\\* the \\[bank\\]');
    expect(markdown).toContain('| A | ` mail1.trump-email.com ` | 300 | ` 66.216.133.29 ` |');
    // Hostile TXT: no raw HTML, no line break, bidi made visible.
    const txtLines = markdown
      .split('\n')
      .filter((l) => l.startsWith('| TXT | ` hostile.contact-client.com `'));
    expect(txtLines.map((l) => l.split(' | ')[3]!.replace(/ \|$/, ''))).toEqual(
      expect.arrayContaining(['` <img src=x onerror=alert(1)> `', '` <script>alert(2)</script> `']),
    );
    // Outside code spans, no line carries markup.
    expect(markdown.split('\n').some((l) => /^\s*</.test(l))).toBe(false);
    // The same list pins a host to the watchlist.
    await popup.getByRole('button', { name: 'Watch mail1.trump-email.com' }).click();
    await popup.getByRole('status').filter({ hasText: 'Watching' }).waitFor();
    const watchlist = await ext.openExtensionPage('watchlist.html');
    await watchlist.locator('[data-host="mail1.trump-email.com"]').waitFor();
    await popup.close();
    await tab.close();
  });
});
