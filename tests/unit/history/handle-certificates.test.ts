// The certificates message against a fake network: Cert Spotter and crt.sh merged, crt.sh's
// usual failures (HTML 502/503 pages, hangs) leaving Cert Spotter's names in place, what is
// kept in storage.local (fake browser), Cert Spotter's key, pages and hourly allowance.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CertificatesReport } from '@/utils/history/handle-certificates';
import { createCertificatesHandler } from '@/utils/history/handle-certificates';
import type { Section } from '@/utils/history/history-report';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';
import { closeKeyDb } from '@/utils/settings/key-db';
import { saveSourceKeys } from '@/utils/settings/source-keys';

const CERTSPOTTER = 'https://certspotter.test';
const CRTSH = 'https://crtsh.test';

type Reply = Response | 'hang' | 'network-error';
type Route = (url: URL) => Reply;

/** A fake `fetch`: Cert Spotter and crt.sh answered by their own route; every request recorded. */
function fakeNetwork(routes: { certspotter?: Route; crtsh?: Route }) {
  const asked: Array<{ url: URL; headers: Record<string, string> }> = [];
  const fakeFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    asked.push({ url, headers: { ...(init?.headers as Record<string, string>) } });
    const route = url.origin === CERTSPOTTER ? routes.certspotter : routes.crtsh;
    const reply = route?.(url) ?? new Response('', { status: 404 });
    if (reply === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (reply === 'hang')
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    return Promise.resolve(reply);
  }) as typeof fetch;
  const to = (origin: string) => asked.filter((a) => a.url.origin === origin);
  return { fetch: fakeFetch, asked, certspotter: () => to(CERTSPOTTER), crtsh: () => to(CRTSH) };
}

const jsonReply = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const htmlReply = (status: number) =>
  new Response(`<html><body><h1>${status}</h1>crt.sh is busy</body></html>`, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });

const issuance = (id: string | number, names: string[], notBefore: string, issuer = 'Example CA') => ({
  id: String(id),
  dns_names: names,
  issuer: { friendly_name: issuer },
  not_before: notBefore,
});
const crtRow = (id: number, names: string, notBefore: string, issuer = "C=US, O=Let's Encrypt, CN=R3") => ({
  id,
  issuer_name: issuer,
  common_name: names.split('\n')[0],
  name_value: names,
  not_before: notBefore,
  entry_timestamp: notBefore,
});

const SPOTTED = [
  issuance(1, ['mail1.trump-email.com'], '2016-05-01T00:00:00Z'),
  issuance(2, ['<script>x</script>.trump-email.com'], '2016-06-01T00:00:00Z'),
];
const CRT_ROWS = [
  crtRow(10, 'mail1.trump-email.com', '2016-04-20T10:00:00'),
  crtRow(11, 'trump-email.com\n*.trump-email.com\nhostmaster@trump-email.com', '2016-03-01T00:00:00'),
];

async function settings({ certspotter = true, crtsh = true } = {}) {
  await saveSettings({
    ...DEFAULT_SETTINGS,
    certspotter: { enabled: certspotter, baseUrl: CERTSPOTTER },
    crtsh: { enabled: crtsh, baseUrl: CRTSH },
  });
}

function handler(net: ReturnType<typeof fakeNetwork>, clock = { now: Date.parse('2026-01-01T00:00:00Z') }) {
  const sleeps: number[] = [];
  const handle = createCertificatesHandler({
    fetch: net.fetch,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
  });
  return { handle, sleeps, clock };
}

const ok = (section: Section<CertificatesReport>) => {
  if (section.state !== 'ok') throw new Error(`section is ${JSON.stringify(section)}`);
  return section;
};
const listed = (section: Section<CertificatesReport>) =>
  ok(section).data.names.map((n) => [n.name, new Date(n.firstSeen).toISOString().slice(0, 10), n.sources]);
const notes = (section: Section<CertificatesReport>) =>
  ok(section).data.sources.map((s) => [s.source, s.state, s.message]);

describe('certificates from Cert Spotter and crt.sh', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    closeKeyDb();
    globalThis.indexedDB = new IDBFactory();
    await settings();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('merges both sources’ names, asks each about the registered domain once, and keeps the answers', async () => {
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => jsonReply(CRT_ROWS) });
    const { handle } = handler(net);
    const section = await handle({ input: 'https://mail1.trump-email.com/path?x=1' });
    expect(listed(section)).toEqual([
      ['<script>x</script>.trump-email.com', '2016-06-01', ['Cert Spotter']],
      ['mail1.trump-email.com', '2016-04-20', ['Cert Spotter', 'crt.sh']],
      ['*.trump-email.com', '2016-03-01', ['crt.sh']],
      ['trump-email.com', '2016-03-01', ['crt.sh']],
    ]);
    expect(ok(section).data.names[1]).toMatchObject({
      issuers: ['Example CA', "Let's Encrypt"],
      certificates: 1,
    });
    expect(ok(section).total).toBe(4);
    expect(notes(section)).toEqual([
      ['Cert Spotter', 'ok', undefined],
      ['crt.sh', 'ok', undefined],
    ]);
    expect(net.asked.map((a) => a.url.toString())).toEqual([
      `${CERTSPOTTER}/v1/issuances?domain=trump-email.com&include_subdomains=true&expand=dns_names&expand=issuer`,
      `${CRTSH}/?q=trump-email.com&output=json&exclude=expired&deduplicate=Y`,
    ]);
    expect(net.certspotter()[0]!.headers.Authorization).toBeUndefined();
    // Same worker, another name of the domain: kept. A restarted worker: kept (storage.local).
    expect(await handle({ input: 'trump-email.com' })).toEqual(section);
    expect(await handler(net).handle({ input: 'www.trump-email.com' })).toEqual(section);
    expect(net.asked).toHaveLength(2);
  });

  it('sends Cert Spotter’s key as a bearer token, and only to Cert Spotter', async () => {
    await saveSourceKeys({ certspotter: { key: 'k-123', origin: CERTSPOTTER } });
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => jsonReply(CRT_ROWS) });
    await handler(net).handle({ input: 'trump-email.com' });
    expect(net.certspotter()[0]!.headers.Authorization).toBe('Bearer k-123');
    expect(net.crtsh()[0]!.headers.Authorization).toBeUndefined();
  });

  it('does not send a key entered for another server, and says so next to the names crt.sh found', async () => {
    await saveSourceKeys({ certspotter: { key: 'k-123', origin: 'https://api.certspotter.com' } });
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => jsonReply(CRT_ROWS) });
    const section = await handler(net).handle({ input: 'trump-email.com' });
    expect(net.certspotter()).toEqual([]);
    expect(notes(section)[0]).toEqual([
      'Cert Spotter',
      'error',
      `Cert Spotter: your API key was entered for https://api.certspotter.com, but the base URL now points to ${CERTSPOTTER}. Hostlens does not send the key there; enter it again for ${CERTSPOTTER} in Hostlens settings.`,
    ]);
  });

  it('is empty when both sources answer `[]`', async () => {
    const net = fakeNetwork({ certspotter: () => jsonReply([]), crtsh: () => jsonReply([]) });
    expect(await handler(net).handle({ input: 'quiet.example' })).toEqual({ state: 'empty' });
  });

  it('shows Cert Spotter’s names when crt.sh answers an HTML 502 page twice, and rests crt.sh a while', async () => {
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => htmlReply(502) });
    const { handle, sleeps, clock } = handler(net);
    const section = await handle({ input: 'mail1.trump-email.com' });
    expect(listed(section).map(([name]) => name)).toEqual([
      '<script>x</script>.trump-email.com',
      'mail1.trump-email.com',
    ]);
    expect(notes(section)).toEqual([
      ['Cert Spotter', 'ok', undefined],
      ['crt.sh', 'error', 'crt.sh did not answer (HTTP 502); it is often overloaded — try again later.'],
    ]);
    expect(net.crtsh()).toHaveLength(2); // one retry
    expect(sleeps).toEqual([1000]);

    // Another card a minute later: crt.sh is not asked (nor waited for) again yet…
    clock.now += 60_000;
    const next = await handle({ input: 'other.example' });
    expect(notes(next)[1]).toEqual([
      'crt.sh',
      'error',
      'crt.sh did not answer a moment ago; Hostlens asks it again in 60 s.',
    ]);
    expect(net.crtsh()).toHaveLength(2);
    // …and after the rest, the first domain asks crt.sh again (its failure was not kept) but not
    // Cert Spotter (its answer was).
    clock.now += 61_000;
    await handle({ input: 'trump-email.com' });
    expect(net.crtsh()).toHaveLength(4);
    expect(net.certspotter()).toHaveLength(2);
  });

  it('retries crt.sh once after a 503 and merges its answer', async () => {
    let calls = 0;
    const net = fakeNetwork({
      certspotter: () => jsonReply(SPOTTED),
      crtsh: () => (++calls === 1 ? htmlReply(503) : jsonReply(CRT_ROWS)),
    });
    const section = await handler(net).handle({ input: 'trump-email.com' });
    expect(notes(section)).toEqual([
      ['Cert Spotter', 'ok', undefined],
      ['crt.sh', 'ok', undefined],
    ]);
    expect(ok(section).total).toBe(4);
    expect(net.crtsh()).toHaveLength(2);
  });

  it('does not retry what a retry cannot fix (an HTML page with status 200)', async () => {
    const net = fakeNetwork({
      certspotter: () => jsonReply(SPOTTED),
      crtsh: () =>
        new Response('<html>Unknown</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    });
    const section = await handler(net).handle({ input: 'trump-email.com' });
    expect(notes(section)[1]).toEqual([
      'crt.sh',
      'error',
      'crt.sh did not answer with data (it sent a web page).',
    ]);
    expect(net.crtsh()).toHaveLength(1);
  });

  it('gives up on a hanging crt.sh after 6 s, keeping Cert Spotter’s names', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => 'hang' });
    const pending = handler(net).handle({ input: 'trump-email.com' });
    // Keys come from IndexedDB, which answers on real (not faked) task turns: start the clock
    // once crt.sh has been asked.
    await vi.waitFor(() => expect(net.crtsh()).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(5900);
    let done = false;
    void pending.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const section = await pending;
    expect(notes(section)[1]).toEqual(['crt.sh', 'error', 'crt.sh did not answer within 6 s.']);
    expect(ok(section).data.names).toHaveLength(2);
    expect(net.crtsh()).toHaveLength(1);
  });

  it('is an error naming both sources when both fail', async () => {
    const net = fakeNetwork({
      certspotter: () => new Response('{"code":"x"}', { status: 500 }),
      crtsh: () => 'network-error',
    });
    const section = await handler(net).handle({ input: 'trump-email.com' });
    expect(section).toEqual({
      state: 'error',
      error: {
        kind: 'http',
        status: 500,
        message: 'Cert Spotter answered HTTP 500. Could not reach crt.sh (network error).',
      },
    });
  });

  it('still says crt.sh failed when Cert Spotter knows no certificate', async () => {
    const net = fakeNetwork({ certspotter: () => jsonReply([]), crtsh: () => htmlReply(504) });
    const section = await handler(net).handle({ input: 'quiet.example' });
    expect(ok(section).data.names).toEqual([]);
    expect(notes(section).map(([source, state]) => [source, state])).toEqual([
      ['Cert Spotter', 'empty'],
      ['crt.sh', 'error'],
    ]);
  });

  it.each([
    [{ certspotter: false }, 'crt.sh'],
    [{ crtsh: false }, 'Cert Spotter'],
  ])('asks only the source that is on (%j)', async (switches, only) => {
    await settings(switches);
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => jsonReply(CRT_ROWS) });
    const section = await handler(net).handle({ input: 'trump-email.com' });
    expect(notes(section)).toEqual([[only, 'ok', undefined]]);
    expect(net.asked).toHaveLength(1);
  });

  it('asks nothing when both are off, or for an address', async () => {
    await settings({ certspotter: false, crtsh: false });
    const net = fakeNetwork({});
    const { handle } = handler(net);
    expect(await handle({ input: 'trump-email.com' })).toMatchObject({ state: 'disabled' });
    expect(await handle({ input: '66.216.133.29' })).toMatchObject({ state: 'disabled' });
    expect(await handle({ nonsense: true })).toMatchObject({ state: 'error' });
    expect(net.asked).toHaveLength(0);
  });

  it('follows Cert Spotter’s pages while they are full, three at most, and says more were not read', async () => {
    const full = (from: number) =>
      Array.from({ length: 100 }, (_, i) =>
        issuance(from + i, [`h${from + i}.big.example`], '2025-01-01T00:00:00Z'),
      );
    const net = fakeNetwork({
      certspotter: (url) => jsonReply(full(Number(url.searchParams.get('after') ?? 0) + 1)),
      crtsh: () => jsonReply([]),
    });
    const section = await handler(net).handle({ input: 'big.example' });
    expect(net.certspotter().map((a) => a.url.searchParams.get('after'))).toEqual([null, '100', '200']);
    expect(ok(section).total).toBe(300);
    expect(ok(section).data.names).toHaveLength(50);
    expect(ok(section).data.sources[0]).toMatchObject({ source: 'Cert Spotter', found: 300, more: true });
  });

  it('stops at a page that is not full', async () => {
    const net = fakeNetwork({
      certspotter: (url) =>
        jsonReply(
          url.searchParams.get('after')
            ? [issuance(101, ['last.mid.example'], '2025-01-01T00:00:00Z')]
            : Array.from({ length: 100 }, (_, i) =>
                issuance(i + 1, [`h${i}.mid.example`], '2025-01-01T00:00:00Z'),
              ),
        ),
      crtsh: () => jsonReply([]),
    });
    const section = await handler(net).handle({ input: 'mid.example' });
    expect(net.certspotter()).toHaveLength(2);
    expect(ok(section).data.sources[0]).toMatchObject({ found: 101, more: false });
  });

  it('stays within Cert Spotter’s hourly allowance, less the watchlist’s part, across a worker restart', async () => {
    await settings({ crtsh: false });
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED) });
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const first = handler(net, clock);
    for (let i = 0; i < 60; i++) await first.handle({ input: `d${i}.example` });
    await new Promise((r) => setTimeout(r, 0)); // the allowance is written in the background
    const second = handler(net, clock);
    // Cards get 75 of the 100 an hour (`watchReserve`).
    for (let i = 60; i < 75; i++) await second.handle({ input: `d${i}.example` });
    expect(net.asked).toHaveLength(75);
    const over = await second.handle({ input: 'd75.example' });
    expect(over).toMatchObject({ state: 'error', error: { kind: 'rate-limited' } });
    expect(over.state === 'error' && over.error.message).toBe(
      'Cert Spotter: Hostlens is pacing requests to stay within its hourly limit; try again in 60 min.',
    );
    expect(net.asked).toHaveLength(75);
  });

  it('holds Cert Spotter after a 429 until its Retry-After', async () => {
    await settings({ crtsh: false });
    const net = fakeNetwork({
      certspotter: () =>
        new Response('{"code":"rate_limited"}', { status: 429, headers: { 'Retry-After': '600' } }),
    });
    const { handle } = handler(net);
    expect(await handle({ input: 'a.example' })).toMatchObject({
      state: 'error',
      error: { kind: 'rate-limited' },
    });
    const held = await handle({ input: 'b.example' });
    expect(held.state === 'error' && held.error.message).toBe(
      'Cert Spotter: hourly limit reached; try again in 10 min.',
    );
    expect(net.asked).toHaveLength(1);
  });

  it('shares one request between cards asking at the same time', async () => {
    const net = fakeNetwork({ certspotter: () => jsonReply(SPOTTED), crtsh: () => jsonReply(CRT_ROWS) });
    const { handle } = handler(net);
    const [a, b] = await Promise.all([
      handle({ input: 'trump-email.com' }),
      handle({ input: 'mail1.trump-email.com' }),
    ]);
    expect(a).toEqual(b);
    expect(net.asked).toHaveLength(2);
  });
});
