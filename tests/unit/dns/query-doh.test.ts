import { describe, expect, it, vi } from 'vitest';
import { queryDoh } from '@/utils/dns/query-doh';
import { dohResponse, responseBytes } from '../support/dns-responses';

const question = {
  resolver: 'https://doh.test/dns-query',
  name: 'mail1.trump-email.com',
  type: 'A' as const,
};
const good = () =>
  dohResponse(
    responseBytes('mail1.trump-email.com', 'A', [
      { name: 'mail1.trump-email.com', type: 'A', ttl: 300, data: '66.216.133.29' },
    ]),
  );

describe('queryDoh', () => {
  it('sends an RFC 8484 GET with only the question, and reads the answer', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => good());
    const result = await queryDoh(question, { fetch: fetch as typeof globalThis.fetch, now: () => 42 });
    expect(result).toMatchObject({ ok: true, value: { status: 'NOERROR', fetchedAt: 42 } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(new URL(url).searchParams.get('dns')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it.each([
    [
      '429 with Retry-After seconds',
      () => new Response('', { status: 429, headers: { 'Retry-After': '30' } }),
      { kind: 'rate-limited', retryAt: 31_000 },
    ],
    [
      '429 without Retry-After',
      () => new Response('', { status: 429 }),
      { kind: 'rate-limited', retryAt: 61_000 },
    ],
    [
      'HTTP 500 with an HTML page',
      () => new Response('<h1>oops</h1>', { status: 500, headers: { 'Content-Type': 'text/html' } }),
      { kind: 'http', status: 500 },
    ],
    [
      '200 with HTML',
      () => new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      { kind: 'bad-response' },
    ],
    ['200 with garbage bytes', () => dohResponse(new Uint8Array([9, 9, 9])), { kind: 'bad-response' }],
    ['an oversized body', () => dohResponse(new Uint8Array(70_000)), { kind: 'bad-response' }],
  ])('maps %s to an error value', async (_label, respond, expected) => {
    const result = await queryDoh(question, {
      fetch: (async () => respond()) as typeof fetch,
      now: () => 1000,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject(expected);
      expect(result.error.message).toContain('doh.test');
    }
  });

  it('retries a network error once, then reports it', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await queryDoh(question, { fetch });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('succeeds when the retry does', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError('reset')).mockResolvedValueOnce(good());
    expect(await queryDoh(question, { fetch })).toMatchObject({ ok: true });
  });

  it('times out a resolver that never answers, without retrying', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = queryDoh(question, { fetch: fetch as typeof globalThis.fetch, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({
      ok: false,
      error: { kind: 'timeout', message: 'doh.test did not answer within 5 s.' },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
