// The watchlist's checks with fake sources and a real (in-memory) IndexedDB: the seed scenario,
// postponing on a source's limit, and a check stopped half-way being neither recorded nor
// doubled.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AskSource } from '@/utils/history/history-client';
import type { AskRdap } from '@/utils/history/rdap-client';
import type { AskDns } from '@/utils/lookup/dns-engine';
import { fail, ok } from '@/utils/lookup/errors';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';
import { closeWatchDb, getState, listChanges } from '@/utils/watchlist/watch-db';
import { createWatchRunner } from '@/utils/watchlist/watch-runner';
import { pin } from '@/utils/watchlist/watchlist-store';
import { answer } from '../support/dns-responses';

const HOST = 'mail1.trump-email.com';
const ADDRESS = '66.216.133.29';

function world() {
  const state = { resolves: true, names: [] as string[], limited: false };
  const askDns: AskDns = async ({ name, type }) => {
    if (name === HOST && type === 'A' && state.resolves)
      return ok(answer(name, 'A', [{ name, type: 'A', ttl: 300, value: ADDRESS }]));
    return ok(answer(name, type, []));
  };
  const askHistory = vi.fn<AskSource>(async (adapter, _b, _k, host) => {
    if (state.limited)
      return fail({
        kind: 'rate-limited',
        retryAt: 0,
        message: 'Mnemonic: limit reached, try again in 3 h.',
      });
    return ok({
      source: adapter.name,
      total: state.names.length,
      observations: state.names.map((rrname) => ({
        rrname,
        rrtype: 'A',
        rdata: host.name,
        firstSeen: 1,
        lastSeen: 2,
        source: adapter.name,
      })),
    });
  });
  const askRdap: AskRdap = async () => ok({ outcome: 'no-service', query: 'x', message: 'none' });
  return { state, askDns, askHistory, askRdap };
}

describe('watch runner', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    closeWatchDb();
    globalThis.indexedDB = new IDBFactory();
    await saveSettings({ ...DEFAULT_SETTINGS, resolverUrl: 'https://doh.test/dns-query' });
    await pin(HOST, 0);
  });

  it('the seed scenario: the A record disappears and a new name appears on its former address', async () => {
    const w = world();
    let now = 1000;
    const onChanges = vi.fn(async () => undefined);
    const runner = createWatchRunner({ ...w, now: () => now, onChanges });
    const first = await runner.runDue();
    expect(first).toMatchObject({ checked: 1, changes: [], problems: [] });
    expect((await getState(HOST))?.snapshot?.records.A).toEqual([ADDRESS]);

    w.state.resolves = false;
    w.state.names = ['trump1.contact-client.com'];
    now += 60_000;
    const second = await runner.checkNow(HOST);
    expect(second.changes.map((c) => [c.kind, c.message])).toEqual([
      ['status', `stopped resolving (was ${ADDRESS})`],
      ['removed', `A record removed: ${ADDRESS}`],
      ['new-name', `new name on ${ADDRESS}: trump1.contact-client.com`],
    ]);
    expect(onChanges).toHaveBeenCalledTimes(1);
    expect((await listChanges()).map((c) => c.kind)).toEqual(['new-name', 'removed', 'status']);
    // Nothing more changes on the next check.
    now += 60_000;
    expect((await runner.checkNow(HOST)).changes).toEqual([]);
  });

  it('runs only due hosts; the next check is the interval later', async () => {
    const w = world();
    let now = 1000;
    const runner = createWatchRunner({ ...w, now: () => now });
    await runner.runDue();
    now += 60_000;
    expect((await runner.runDue()).checked).toBe(0);
    const state = await getState(HOST);
    expect(state!.nextCheckAt).toBeGreaterThanOrEqual(1000 + 360 * 60_000);
  });

  it('a source over its limit postpones the history part: no change is invented, a retry is sooner', async () => {
    const w = world();
    let now = 1000;
    const runner = createWatchRunner({ ...w, now: () => now });
    await runner.runDue();
    w.state.limited = true;
    w.state.names = ['trump1.contact-client.com'];
    now += 60_000;
    const summary = await runner.checkNow(HOST);
    expect(summary).toMatchObject({ postponed: 1, changes: [] });
    expect(summary.problems[0]).toContain('Mnemonic: limit reached');
    const state = await getState(HOST);
    expect(state).toMatchObject({ failures: 1, nextCheckAt: now + 15 * 60_000 });
    // When the source answers again, the new name is found then.
    w.state.limited = false;
    now += 15 * 60_000;
    expect((await runner.runDue()).changes.map((c) => c.kind)).toEqual(['new-name']);
  });

  it('a check stopped half-way records nothing, and the next run records it once', async () => {
    const w = world();
    let now = 1000;
    const runner = createWatchRunner({ ...w, now: () => now });
    await runner.runDue();
    w.state.resolves = false;
    now += 7 * 3600_000;
    // The worker dies while the sources are being asked: the promise never settles.
    const dying = createWatchRunner({ ...w, askHistory: () => new Promise(() => undefined), now: () => now });
    void dying.runDue();
    await new Promise((r) => setTimeout(r, 20));
    expect(await listChanges()).toEqual([]);
    const resumed = await runner.runDue();
    expect(resumed.changes.map((c) => c.kind)).toEqual(['status', 'removed']);
    expect(await listChanges()).toHaveLength(2);
  });

  it('unpinned hosts are forgotten; newly pinned ones are due at once', async () => {
    const w = world();
    const runner = createWatchRunner({ ...w, now: () => 1000 });
    await pin('other.example', 5);
    const states = await runner.reconcile();
    expect(states.map((s) => [s.host, s.nextCheckAt]).sort()).toEqual([
      [HOST, 1000],
      ['other.example', 1000],
    ]);
  });
});
