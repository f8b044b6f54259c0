import { describe, expect, it, vi } from 'vitest';
import { AnswerCache } from '@/utils/lookup/answer-cache';
import { createDnsEngine } from '@/utils/lookup/dns-engine';
import { RequestGate } from '@/utils/lookup/request-gate';
import { dohResponse, responseBytes } from '../support/dns-responses';

const resolver = 'https://doh.test/dns-query';
const reply = (name: string) =>
  dohResponse(responseBytes(name, 'A', [{ name, type: 'A', ttl: 300, data: '192.0.2.1' }]));

function setup(fetchImpl: (url: string) => Promise<Response>, maxConcurrent = 8) {
  const now = { t: 1_000_000 };
  const fetch = vi.fn(fetchImpl);
  const gate = new RequestGate({ maxConcurrent, now: () => now.t });
  const ask = createDnsEngine({
    cache: new AnswerCache({ now: () => now.t }),
    gate,
    fetch: fetch as unknown as typeof globalThis.fetch,
    now: () => now.t,
  });
  return { ask, fetch, now, gate };
}

describe('the DNS engine', () => {
  it('shares one request between identical questions in flight', async () => {
    const { ask, fetch } = setup(async () => reply('x.test'));
    const results = await Promise.all([1, 2, 3].map(() => ask({ resolver, name: 'x.test', type: 'A' })));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('answers from the cache until the TTL ends; "fresh" skips it', async () => {
    const { ask, fetch, now } = setup(async () => reply('x.test'));
    await ask({ resolver, name: 'x.test', type: 'A' });
    await ask({ resolver, name: 'x.test', type: 'A' });
    expect(fetch).toHaveBeenCalledTimes(1);
    await ask({ resolver, name: 'x.test', type: 'A', fresh: true });
    expect(fetch).toHaveBeenCalledTimes(2);
    now.t += 301_000;
    await ask({ resolver, name: 'x.test', type: 'A' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('after a 429, asks nothing more of that resolver until Retry-After', async () => {
    const { ask, fetch, now } = setup(
      async () => new Response('', { status: 429, headers: { 'Retry-After': '120' } }),
    );
    expect(await ask({ resolver, name: 'a.test', type: 'A' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    const held = await ask({ resolver, name: 'b.test', type: 'A' });
    expect(held).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAt: 1_120_000 } });
    expect(fetch).toHaveBeenCalledTimes(1);
    now.t += 121_000;
    fetch.mockImplementation(async () => reply('b.test'));
    expect(await ask({ resolver, name: 'b.test', type: 'A' })).toMatchObject({ ok: true });
  });

  it('keeps at most N requests on the wire per resolver', async () => {
    let active = 0;
    let peak = 0;
    const { ask } = setup(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return new Response('', { status: 503 });
    }, 3);
    await Promise.all(Array.from({ length: 10 }, (_, i) => ask({ resolver, name: `n${i}.test`, type: 'A' })));
    expect(peak).toBe(3);
  });
});
