// The discipline every source gets from the client: cache, shared requests, allowance, holds.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PdnsAdapter } from '@/utils/history/adapter';
import { createHistoryClient, followUp } from '@/utils/history/history-client';
import type { ObservationPage } from '@/utils/history/model';
import { mnemonic } from '@/utils/history/mnemonic';
import { normalizeHost } from '@/utils/hosts/host';
import { SourceBudget, WINDOW_SLACK_MS } from '@/utils/lookup/source-budget';
import { createStoredCache } from '@/utils/lookup/stored-cache';

const host = normalizeHost('mail1.trump-email.com')!;
const BASE = 'https://pdns.test';

function mnemonicBody(rows: number, count = rows) {
  return JSON.stringify({
    responseCode: 200,
    count,
    data: Array.from({ length: rows }, (_, i) => ({
      query: host.name,
      answer: `192.0.2.${i % 250}`,
      rrtype: 'a',
      firstSeenTimestamp: 1000 + i,
      lastSeenTimestamp: 2000 + i,
    })),
  });
}

function fakeFetch(answers: Array<() => Response>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), headers: init?.headers as Record<string, string> });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return next();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json =
  (body: string, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('history client', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks once for the same host, and answers from the stored cache after a worker restart', async () => {
    const { fetch, calls } = fakeFetch([json(mnemonicBody(3))]);
    const ask = createHistoryClient({ fetch, cache: createStoredCache<ObservationPage>('t') });
    const [a, b] = await Promise.all([
      ask(mnemonic, BASE, undefined, host),
      ask(mnemonic, BASE, undefined, host),
    ]);
    expect(a).toEqual(b);
    expect(a.ok && a.value.observations).toHaveLength(3);
    // A new worker: new client, new memory, same storage.
    const again = createHistoryClient({ fetch, cache: createStoredCache<ObservationPage>('t') });
    expect((await again(mnemonic, BASE, undefined, host)).ok).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://pdns.test/pdns/v3/mail1.trump-email.com?limit=1000');
  });

  it('sends the key only in the header the source takes', async () => {
    const { fetch, calls } = fakeFetch([json(mnemonicBody(1))]);
    await createHistoryClient({ fetch })(mnemonic, BASE, { key: 'secret-key', origin: BASE }, host);
    expect(calls[0]!.headers['Argus-API-Key']).toBe('secret-key');
    expect(calls[0]!.url).not.toContain('secret');
  });

  it('never spends more than the source allows: the 11th request in a minute is refused with the wait', async () => {
    let now = 1_000_000;
    const { fetch, calls } = fakeFetch([json(mnemonicBody(1))]);
    const ask = createHistoryClient({ fetch, now: () => now, budget: new SourceBudget({ now: () => now }) });
    const watch = { purpose: 'watch' } as const;
    // Cards get 8 of Mnemonic's 10 a minute; the last 2 are the watchlist's.
    for (let i = 0; i < 8; i++)
      expect((await ask(mnemonic, BASE, undefined, normalizeHost(`h${i}.test`)!)).ok).toBe(true);
    expect(await ask(mnemonic, BASE, undefined, normalizeHost('h8.test')!)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 1_060_000 + WINDOW_SLACK_MS },
    });
    for (let i = 8; i < 10; i++)
      expect((await ask(mnemonic, BASE, undefined, normalizeHost(`h${i}.test`)!, watch)).ok).toBe(true);
    const refused = await ask(mnemonic, BASE, undefined, normalizeHost('h10.test')!, watch);
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: 1_060_000 + WINDOW_SLACK_MS },
    });
    expect(!refused.ok && refused.error.message).toMatch(/^Mnemonic: .*try again in 61 s\.$/);
    expect(calls).toHaveLength(10);
    now += 60_001 + WINDOW_SLACK_MS;
    expect((await ask(mnemonic, BASE, undefined, normalizeHost('h10.test')!)).ok).toBe(true);
  });

  it('waits briefly when the allowance frees up within seconds', async () => {
    let now = 0;
    const sleep = vi.fn(async (ms: number) => {
      now += ms;
    });
    const tight: PdnsAdapter = { ...mnemonic, budget: [{ limit: 1, windowMs: 2000 }] };
    const { fetch, calls } = fakeFetch([json(mnemonicBody(1))]);
    const ask = createHistoryClient({
      fetch,
      now: () => now,
      sleep,
      budget: new SourceBudget({ now: () => now }),
    });
    await ask(tight, BASE, undefined, normalizeHost('a.test')!);
    expect((await ask(tight, BASE, undefined, normalizeHost('b.test')!)).ok).toBe(true);
    expect(sleep).toHaveBeenCalledWith(2000 + WINDOW_SLACK_MS);
    expect(calls).toHaveLength(2);
  });

  it('after a 402 it sends nothing to that source until the time the source gave', async () => {
    let now = 0;
    const { fetch, calls } = fakeFetch([
      json(
        JSON.stringify({
          responseCode: 402,
          data: null,
          metaData: { millisUntilResourcesAvailable: 3 * 3600_000 },
        }),
        402,
      ),
      json(mnemonicBody(1)),
    ]);
    const ask = createHistoryClient({ fetch, now: () => now });
    const first = await ask(mnemonic, BASE, undefined, host);
    expect(!first.ok && first.error.message).toBe('Mnemonic: limit reached, try again in 3 h.');
    const held = await ask(mnemonic, BASE, undefined, normalizeHost('other.test')!);
    expect(held).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    expect(calls).toHaveLength(1);
    now += 3 * 3600_000 + 1;
    expect((await ask(mnemonic, BASE, undefined, host)).ok).toBe(true);
  });

  it('follows pages up to the adapter’s limit and keeps what it read when a later page fails', async () => {
    const paged: PdnsAdapter = {
      ...mnemonic,
      maxPages: 3,
      read: (response, h, now) => {
        const read = mnemonic.read(response, h, now);
        if (!read.ok) return read;
        return { ok: true, value: { page: read.value.page, next: { url: `${BASE}/next`, headers: {} } } };
      },
    };
    const { fetch, calls } = fakeFetch([
      json(mnemonicBody(2, 10)),
      json(mnemonicBody(2, 10)),
      json('<html>502</html>', 502),
    ]);
    const result = await createHistoryClient({ fetch })(paged, BASE, undefined, host);
    expect(calls.map((c) => c.url)).toEqual([
      'https://pdns.test/pdns/v3/mail1.trump-email.com?limit=1000',
      'https://pdns.test/next',
      'https://pdns.test/next',
    ]);
    expect(result).toMatchObject({ ok: true, value: { total: 10 } });
    expect(result.ok && result.value.observations).toHaveLength(4);
  });

  it('turns a network failure into a message naming the source', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    const result = await createHistoryClient({ fetch })(mnemonic, BASE, undefined, host);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'network', message: 'Could not reach Mnemonic (network error).' },
    });
  });
});

describe('SourceBudget', () => {
  it('counts every window, and a restored state keeps the day’s spending', () => {
    let now = 0;
    const windows = [
      { limit: 2, windowMs: 1000 },
      { limit: 3, windowMs: 10_000 },
    ];
    const saved: Array<Record<string, number[]>> = [];
    const budget = new SourceBudget({ now: () => now, persist: (s) => saved.push(s) });
    expect(budget.spend('s', windows, 'watch')).toEqual({ ok: true });
    expect(budget.spend('s', windows, 'watch')).toEqual({ ok: true });
    // Each window is kept WINDOW_SLACK_MS longer: a service counts arrivals, a little later.
    expect(budget.spend('s', windows, 'watch')).toEqual({ ok: false, retryAt: 1000 + WINDOW_SLACK_MS });
    now = 1000 + WINDOW_SLACK_MS;
    expect(budget.spend('s', windows, 'watch')).toEqual({ ok: true });
    now = 2500 + WINDOW_SLACK_MS;
    expect(budget.spend('s', windows, 'watch')).toEqual({ ok: false, retryAt: 10_000 + WINDOW_SLACK_MS });
    const restarted = new SourceBudget({ now: () => now });
    restarted.restore(saved.at(-1)!);
    expect(restarted.spend('s', windows, 'watch')).toEqual({ ok: false, retryAt: 10_000 + WINDOW_SLACK_MS });
    expect(restarted.spend('other', windows, 'watch')).toEqual({ ok: true });
  });

  it('ignores a damaged saved state', () => {
    const budget = new SourceBudget({ now: () => 0 });
    budget.restore({ s: ['x', null, Number.NaN] as unknown as number[], t: 'y' as unknown as number[] });
    expect(budget.spend('s', [{ limit: 1, windowMs: 10 }], 'interactive')).toEqual({ ok: true });
  });
});

describe('stored cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('expires entries and keeps at most maxEntries, dropping the oldest from storage', async () => {
    let now = 0;
    const cache = createStoredCache<number>('c', { maxEntries: 2, now: () => now });
    await cache.set('a', 1, 100);
    await cache.set('b', 2, 1000);
    await cache.set('c', 3, 1000);
    expect(await fakeBrowser.storage.local.get('cache:c:a')).toEqual({});
    expect(await cache.get('b')).toBe(2);
    now = 1000;
    expect(await cache.get('b')).toBeUndefined();
  });
});

describe('followUp (next page)', () => {
  const last = { url: 'https://api.example/v1/q?page=1', headers: { 'x-apikey': 'k' } };
  it('resolves a relative next page and keeps the key header', () => {
    expect(followUp(last, { url: '?page=2', headers: { cursor: 'c' } })).toEqual({
      url: 'https://api.example/v1/q?page=2',
      headers: { 'x-apikey': 'k', cursor: 'c' },
    });
  });
  it('never follows an answer to another origin, where the key would go along', () => {
    expect(followUp(last, { url: 'https://evil.example/steal', headers: {} })).toBeUndefined();
    expect(followUp(last, { url: 'http://api.example/v1/q', headers: {} })).toBeUndefined();
    expect(followUp(last, { url: 'http://[bad', headers: {} })).toBeUndefined();
  });
});

describe('a full storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never breaks a lookup: the answer is still returned (and kept in memory)', async () => {
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      const { fetch, calls } = fakeFetch([json(mnemonicBody(2))]);
      const ask = createHistoryClient({ fetch, cache: createStoredCache<ObservationPage>('full') });
      const first = await ask(mnemonic, BASE, undefined, host);
      expect(first.ok && first.value.observations).toHaveLength(2);
      expect((await ask(mnemonic, BASE, undefined, host)).ok).toBe(true);
      expect(calls).toHaveLength(1);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
  });
});
