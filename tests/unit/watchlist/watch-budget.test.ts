// Over the real wiring (the background's history runtime, its persisted allowance, the card's
// `lookupHistory` handler and the watch runner): a reader opening card after card spends
// Mnemonic's minute down to the watchlist's part, and the watchlist's scheduled check still
// gets its answer instead of being postponed.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleHistory } from '@/utils/history/handle-history';
import { createHistoryRuntime } from '@/utils/history/history-runtime';
import type { AskRdap } from '@/utils/history/rdap-client';
import type { AskDns } from '@/utils/lookup/dns-engine';
import { ok } from '@/utils/lookup/errors';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';
import { closeWatchDb } from '@/utils/watchlist/watch-db';
import { createWatchRunner } from '@/utils/watchlist/watch-runner';
import { pin } from '@/utils/watchlist/watchlist-store';
import { answer } from '../support/dns-responses';

const HOST = 'mail1.trump-email.com';
const ADDRESS = '66.216.133.29';
const PDNS = 'https://pdns.test';

/** Mnemonic's answer for any address: one other name seen on it. */
function mnemonicNetwork() {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    asked.push(url.pathname);
    const address = decodeURIComponent(url.pathname.split('/').pop()!);
    const body = {
      responseCode: 200,
      count: 1,
      data: [
        {
          query: 'neighbour.example',
          answer: address,
          rrtype: 'a',
          firstSeenTimestamp: 1,
          lastSeenTimestamp: 2,
        },
      ],
    };
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

const askDns: AskDns = async ({ name, type }) =>
  ok(
    name === HOST && type === 'A'
      ? answer(name, 'A', [{ name, type: 'A', ttl: 300, value: ADDRESS }])
      : answer(name, type, []),
  );
const askRdap: AskRdap = async () => ok({ outcome: 'no-service', query: 'x', message: 'none' });

describe('the watchlist’s part of a source’s allowance, over the real wiring', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    closeWatchDb();
    globalThis.indexedDB = new IDBFactory();
    await saveSettings({
      ...DEFAULT_SETTINGS,
      resolverUrl: 'https://doh.test/dns-query',
      mnemonic: { enabled: true, baseUrl: PDNS },
      rdap: { ...DEFAULT_SETTINGS.rdap, enabled: false },
    });
    await pin(HOST, 0);
  });

  it('cards that spent all they may leave the watchlist’s check its requests', async () => {
    const net = mnemonicNetwork();
    const history = createHistoryRuntime({ fetch: net.fetch });
    await history.ready;
    const cards = [];
    for (let i = 1; i <= 10; i++) cards.push(await handleHistory({ input: `192.0.2.${i}` }, history.ask));
    const answered = cards.filter((c) => c.ok && c.report.history.state === 'ok');
    expect(answered).toHaveLength(8);
    expect(cards[9]).toMatchObject({
      ok: true,
      report: { history: { state: 'error', error: { kind: 'rate-limited' } } },
    });

    const runner = createWatchRunner({ askDns, askHistory: history.ask, askRdap });
    const summary = await runner.runDue();
    expect(summary).toMatchObject({ checked: 1, postponed: 0, problems: [] });
    expect(net.asked.at(-1)).toBe(`/pdns/v3/${ADDRESS}`);
    expect(net.asked).toHaveLength(9);
  });
});
