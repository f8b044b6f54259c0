// Request storms against the budgets: 200 cards opened within seconds (each sends what a card
// sends when it opens: live DNS, history, registration, certificates — from the page's
// content-script world), then a 500-host watchlist checked at once. Counted at the loopback
// servers: Mnemonic never gets more than its 10 a minute, a COF server that answered 429 gets
// nothing more during its hold, every card gets an answer (data or "try again in …"), and every
// watched host is checked — those a source had no room for are postponed, not lost.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { inContentScript } from './support/content-world';
import { LOAD_ZONE } from './support/dns-servers';
import { makeDue, readWatchStates } from './support/watch-db';
import { setMnemonic, setResolver, setSource } from './support/pages';
import { startCofServer, type PdnsServer } from './support/pdns-servers';
import {
  startDelayProxy,
  startMnemonicServer,
  startPageServer,
  type RecordedRequest,
  type StubServer,
} from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const HOVERS = 200;
const WATCHED = 500;
const COF = 'Passive DNS server (COF)';

/** The most requests that arrived within any 60-second window. */
function busiestMinute(requests: RecordedRequest[]): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 60_000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('request storms', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;
  let pages: StubServer;
  let doh: StubServer;
  let mnemonic: StubServer;
  let cof: PdnsServer;

  beforeAll(async () => {
    ext = await launchExtension();
    const names = Array.from({ length: HOVERS }, (_, i) => LOAD_ZONE.host(i));
    [pages, doh, mnemonic, cof] = await Promise.all([
      startPageServer({
        '/live.html': `<!doctype html><html><head><meta charset="utf-8"><title>Live</title></head><body><p>${names.join(' ')}</p></body></html>`,
      }),
      startDelayProxy(dohUrl, 0),
      startMnemonicServer([]),
      startCofServer([]),
    ]);
    expect(await setResolver(ext, doh.url)).toBe('Saved.');
    expect(await setMnemonic(ext, mnemonic.url)).toBe('Saved.');
    expect(await setSource(ext, COF, { baseUrl: `${cof.url}/pdns/query/` })).toBe('Saved.');
    // The storms here are about DoH and the passive-DNS budgets. Registration and certificates
    // are off: with the defaults they go to rdap.org's and Cert Spotter's stand-ins, whose own
    // allowances (10 per 10 s at rdap.org) would pace a 500-host check to minutes on their own.
    for (const source of ['RDAP', 'Cert Spotter', 'crt.sh'])
      expect(await setSource(ext, source, { enabled: false })).toBe('Saved.');
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    await Promise.all([pages, doh, mnemonic, cof].map((s) => s?.stop()));
  });

  it(`${HOVERS} cards in a few seconds: budgets hold, a 429 is honoured, every card gets an answer`, async () => {
    const tab: Page = await ext.context.newPage();
    await tab.goto(`${pages.url}/live.html`);
    const send = await inContentScript(tab, ext.extensionId);
    const replies: unknown[] = [];
    let cofHeldAt = -1;
    let heldSince = 0;
    for (let i = 0; i < HOVERS; i++) {
      // Early on, the COF server says "too many, come back in 30 s" (before its own budget of
      // 30 a minute would stop us anyway).
      if (i === 5) {
        cof.setStatus(429, '30');
        heldSince = Date.now();
        cofHeldAt = cof.requests.length;
      }
      const input = { input: LOAD_ZONE.host(i) };
      replies.push(
        ...(await Promise.all(
          ['lookupHost', 'lookupHistory', 'lookupRegistration', 'lookupCertificates'].map((type) =>
            send(type, input),
          ),
        )),
      );
      await tab.waitForTimeout(20);
    }
    // Every card section got an answer (none threw or hung).
    expect(replies).toHaveLength(HOVERS * 4);
    for (const reply of replies) expect(reply).toHaveProperty('res');
    const history = replies.filter((_, k) => k % 4 === 1).map((r) => JSON.stringify(r));
    // Mnemonic: 10 a minute, the rest told when to try again.
    expect(busiestMinute(mnemonic.requests)).toBeLessThanOrEqual(10);
    expect(history.filter((h) => h.includes('Mnemonic') && h.includes('try again')).length).toBeGreaterThan(
      0,
    );
    // COF: during its 30 s hold, only the one request that got the 429.
    expect(cof.requests.filter((r) => r.at < heldSince + 30_000).length).toBeLessThanOrEqual(cofHeldAt + 1);
    expect(busiestMinute(cof.requests)).toBeLessThanOrEqual(30);
    console.log(
      `load: ${HOVERS} cards → DoH ${doh.requests.length}, Mnemonic ${mnemonic.requests.length} (busiest minute ${busiestMinute(mnemonic.requests)}), COF ${cof.requests.length} (429 from request ${cofHeldAt + 1})`,
    );
    await tab.close();
  }, 180_000);

  it(`a ${WATCHED}-host watchlist checked at once: every host checked, the rest postponed, budgets hold`, async () => {
    cof.setStatus(200);
    const page = await ext.openExtensionPage('watchlist.html');
    const csv = [
      'host,note,tags',
      ...Array.from({ length: WATCHED }, (_, i) => `${LOAD_ZONE.host(i)},,`),
    ].join('\n');
    const sendFromPage = (type: string, data?: unknown) =>
      page.evaluate(
        ([type, data]) =>
          (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
        [type, data] as const,
      );
    const imported = (await sendFromPage('importWatchlist', { format: 'csv', text: csv })) as { res: any };
    expect(imported.res).toMatchObject({ added: WATCHED, rejected: [] });
    const before = { mnemonic: mnemonic.requests.length, cof: cof.requests.length, doh: doh.requests.length };
    const started = Date.now();
    const summary = ((await sendFromPage('checkNow', null)) as { res: any }).res;
    const seconds = (Date.now() - started) / 1000;
    expect(summary.checked).toBe(WATCHED);
    expect(summary.postponed).toBeGreaterThan(0);
    expect(busiestMinute(mnemonic.requests)).toBeLessThanOrEqual(10);
    expect(busiestMinute(cof.requests)).toBeLessThanOrEqual(30);
    // Postponed hosts are due again soon, with a reason; none is lost.
    const states = (await readWatchStates(ext.worker)).map((s) => ({
      host: s.host,
      checked: s.lastCheckedAt !== undefined,
      failures: s.failures,
      next: s.nextCheckAt,
    }));
    expect(states).toHaveLength(WATCHED);
    expect(states.every((s) => s.checked)).toBe(true);
    const postponed = states.filter((s) => s.failures > 0);
    expect(postponed.length).toBe(summary.postponed);
    // Sooner than the regular schedule (every 6 h by default): 15 minutes after a first refusal.
    for (const s of postponed) expect(s.next).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    console.log(
      `load: ${WATCHED}-host check in ${seconds.toFixed(0)} s → DoH ${doh.requests.length - before.doh}, Mnemonic ${mnemonic.requests.length - before.mnemonic}, COF ${cof.requests.length - before.cof}; ${summary.postponed} postponed`,
    );
    await page.close();
  }, 600_000);

  it('postponed checks run on a later tick, within the budget', async () => {
    // Let Mnemonic's minute pass; then make ten postponed hosts due, as 15 minutes passing would.
    const last = Math.max(...mnemonic.requests.map((r) => r.at), 0);
    await new Promise((r) => setTimeout(r, Math.max(0, last + 61_000 - Date.now())));
    const due = Array.from({ length: 10 }, (_, i) => LOAD_ZONE.host(i));
    const before = { mnemonic: mnemonic.requests.length };
    await makeDue(ext.worker, due);
    const checkedBefore = await lastChecked(due);
    await ext.worker.evaluate(() =>
      (globalThis as any).chrome.alarms.onAlarm.dispatch({
        name: 'watchlist-tick',
        scheduledTime: Date.now(),
      }),
    );
    await expect
      .poll(async () => (await lastChecked(due)).filter((t, i) => t > checkedBefore[i]!).length, {
        timeout: 60_000,
      })
      .toBe(due.length);
    const after = await watchStates(due);
    // Each asked Mnemonic about its address once, within the budget, and is no longer postponed.
    expect(mnemonic.requests.length - before.mnemonic).toBeLessThanOrEqual(10);
    expect(busiestMinute(mnemonic.requests)).toBeLessThanOrEqual(10);
    expect(after.filter((s) => s.failures === 0).length).toBeGreaterThan(0);
    console.log(
      `load: a later tick checked ${due.length} postponed hosts → Mnemonic ${mnemonic.requests.length - before.mnemonic}; ${after.filter((s) => s.failures === 0).length} complete`,
    );
  }, 180_000);

  async function watchStates(hosts: string[]) {
    const all = await readWatchStates(ext.worker);
    return hosts.map((h) => {
      const s = all.find((state) => state.host === h)!;
      return { host: s.host, lastCheckedAt: s.lastCheckedAt ?? 0, failures: s.failures };
    });
  }
  async function lastChecked(hosts: string[]) {
    return (await watchStates(hosts)).map((s) => s.lastCheckedAt);
  }
});
