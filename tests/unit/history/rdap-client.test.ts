// The RDAP client against a fake network: which server is asked (bootstrap, fallback), what is
// kept (storage.local through the fake browser), and how limits are honoured.
import { WINDOW_SLACK_MS } from '@/utils/lookup/source-budget';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normalizeHost } from '@/utils/hosts/host';
import { handleRegistration } from '@/utils/history/handle-registration';
import { createRdapClient, type RdapClientOptions, type RdapSettings } from '@/utils/history/rdap-client';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings-item';

const SETTINGS: RdapSettings = {
  baseUrl: '',
  bootstrapUrl: 'https://iana.test/rdap/',
  fallbackUrl: 'https://fallback.test/',
};

// Bootstrap files in IANA's shape (RFC 9224), a few entries each.
const FILES: Record<string, unknown> = {
  'https://iana.test/rdap/dns.json': {
    version: '1.0',
    services: [
      [['com'], ['http://rdap.com.test/v1/', 'https://rdap.com.test/v1/']],
      [['uk'], ['https://rdap.uk.test/']],
      [['co.uk'], ['https://rdap.co-uk.test/']],
      // Some registries are listed over plain http only.
      [['ht'], ['http://rdap.plain.test/rdap/']],
    ],
  },
  'https://iana.test/rdap/ipv4.json': {
    version: '1.0',
    services: [
      [['8.0.0.0/8'], ['https://rdap.arin.test/registry/']],
      [['8.8.8.0/24'], ['https://rdap.narrow.test/']],
    ],
  },
  'https://iana.test/rdap/ipv6.json': {
    version: '1.0',
    services: [
      [['2001:4800::/23'], ['https://rdap.arin.test/registry/']],
      [['2001:4860::/32'], ['https://rdap.v6.test/']],
    ],
  },
};

const domainObject = (name: string, registrar = 'Example Registrar, Inc.') => ({
  objectClassName: 'domain',
  ldhName: name.toUpperCase(),
  events: [{ eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' }],
  entities: [{ roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', registrar]]] }],
});

const network = (name: string, start: string, end: string) => ({
  objectClassName: 'ip network',
  name,
  startAddress: start,
  endAddress: end,
});

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; redirectedTo?: string };

/** A fake `fetch`: answers from `routes` by URL (404 otherwise), records every URL asked. */
function fakeNetwork(routes: Record<string, Reply | 'network-error'>) {
  const asked: string[] = [];
  const fakeFetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const reply = routes[url] ?? { status: 404, body: { errorCode: 404 } };
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? '');
    const response = new Response(body, { status: reply.status, headers: reply.headers });
    // What `fetch` does after following rdap.org's 302: the response's URL is the registry's.
    if (reply.redirectedTo) Object.defineProperty(response, 'url', { value: reply.redirectedTo });
    return response;
  }) as typeof fetch;
  return { fetch: fakeFetch, asked };
}

const bootstrapRoutes = Object.fromEntries(
  Object.entries(FILES).map(([url, body]) => [url, { status: 200, body } satisfies Reply]),
);

const host = (name: string) => normalizeHost(name)!;

function client(network: ReturnType<typeof fakeNetwork>, extra: RdapClientOptions = {}) {
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const sleeps: number[] = [];
  const ask = createRdapClient({
    fetch: network.fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...extra,
  });
  return { ask, sleeps, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('RDAP client', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('finds a domain’s registry by the longest TLD match, and keeps the answer across a restart', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.co-uk.test/domain/example.co.uk': { status: 200, body: domainObject('example.co.uk') },
    });
    const { ask } = client(net);
    const first = await ask(host('www.example.co.uk'), SETTINGS);
    expect(first).toMatchObject({
      ok: true,
      value: {
        outcome: 'found',
        record: { domain: 'example.co.uk', registrar: 'Example Registrar, Inc.', server: 'rdap.co-uk.test' },
      },
    });
    expect(net.asked).toEqual([
      'https://iana.test/rdap/dns.json',
      'https://rdap.co-uk.test/domain/example.co.uk',
    ]);
    // Same worker: memory. A new worker (new client, same storage.local): no request either.
    expect(await ask(host('example.co.uk'), SETTINGS)).toEqual(first);
    expect(await client(net).ask(host('mail.example.co.uk'), SETTINGS)).toEqual(first);
    expect(net.asked).toHaveLength(2);
  });

  it('keeps the bootstrap file a week: a second domain costs one request', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.com.test/v1/domain/a.com': { status: 200, body: domainObject('a.com') },
      'https://rdap.com.test/v1/domain/b.com': { status: 200, body: domainObject('b.com') },
    });
    await client(net).ask(host('a.com'), SETTINGS);
    const later = client(net);
    later.advance(6 * 86_400_000);
    expect(await later.ask(host('b.com'), SETTINGS)).toMatchObject({ ok: true, value: { outcome: 'found' } });
    expect(net.asked).toEqual([
      'https://iana.test/rdap/dns.json',
      'https://rdap.com.test/v1/domain/a.com', // the https URL, though http is listed first
      'https://rdap.com.test/v1/domain/b.com',
    ]);
  });

  it.each([
    ['8.8.8.8', 'https://iana.test/rdap/ipv4.json', 'https://rdap.narrow.test/ip/8.8.8.8'],
    ['8.1.2.3', 'https://iana.test/rdap/ipv4.json', 'https://rdap.arin.test/registry/ip/8.1.2.3'],
    [
      '2001:4860:4860::8888',
      'https://iana.test/rdap/ipv6.json',
      'https://rdap.v6.test/ip/2001:4860:4860::8888',
    ],
    ['2001:4801::1', 'https://iana.test/rdap/ipv6.json', 'https://rdap.arin.test/registry/ip/2001:4801::1'],
  ])('finds the registry of %s by the longest prefix', async (address, file, url) => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      [url]: { status: 200, body: network('NET', address, address) },
    });
    expect(await client(net).ask(host(address), SETTINGS)).toMatchObject({
      ok: true,
      value: { outcome: 'found', record: { address, name: 'NET', server: new URL(url).host } },
    });
    expect(net.asked).toEqual([file, url]);
  });

  it('asks the fallback when the bootstrap lists nothing; the registry it redirects to answers', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://fallback.test/domain/example.zz': {
        status: 200,
        body: domainObject('example.zz'),
        redirectedTo: 'https://rdap.nic.zz/domain/example.zz',
      },
      'https://fallback.test/ip/66.216.133.29': {
        status: 200,
        body: network('CONSTANT', '66.216.133.0', '66.216.133.255'),
        redirectedTo: 'https://rdap.arin.net/registry/ip/66.216.133.29',
      },
    });
    const { ask } = client(net);
    expect(await ask(host('example.zz'), SETTINGS)).toMatchObject({
      ok: true,
      value: { outcome: 'found', record: { domain: 'example.zz', server: 'rdap.nic.zz' } },
    });
    expect(await ask(host('66.216.133.29'), SETTINGS)).toMatchObject({
      ok: true,
      value: { outcome: 'found', record: { name: 'CONSTANT', server: 'rdap.arin.net', registry: 'ARIN' } },
    });
    expect(net.asked).toEqual([
      'https://iana.test/rdap/dns.json',
      'https://fallback.test/domain/example.zz',
      'https://iana.test/rdap/ipv4.json',
      'https://fallback.test/ip/66.216.133.29',
    ]);
  });

  it.each([
    ['unreachable', 'network-error' as const],
    ['failing', { status: 503, body: 'busy' }],
    ['not JSON', { status: 200, body: '<html>' }],
    ['not a bootstrap file', { status: 200, body: { services: 'x' } }],
  ])('asks the fallback when the bootstrap file is %s, and spares it for a while', async (_, reply) => {
    const net = fakeNetwork({
      'https://iana.test/rdap/dns.json': reply,
      'https://fallback.test/domain/a.com': { status: 200, body: domainObject('a.com') },
      'https://fallback.test/domain/b.com': { status: 200, body: domainObject('b.com') },
    });
    const { ask } = client(net);
    expect(await ask(host('a.com'), SETTINGS)).toMatchObject({ ok: true, value: { outcome: 'found' } });
    expect(await ask(host('b.com'), SETTINGS)).toMatchObject({ ok: true, value: { outcome: 'found' } });
    expect(net.asked).toEqual([
      'https://iana.test/rdap/dns.json',
      'https://fallback.test/domain/a.com',
      'https://fallback.test/domain/b.com',
    ]);
  });

  it('says "no RDAP service" (not an error) when the fallback knows no server either', async () => {
    const net = fakeNetwork({ ...bootstrapRoutes });
    const { ask } = client(net);
    expect(await ask(host('example.zz'), SETTINGS)).toEqual({
      ok: true,
      value: {
        outcome: 'no-service',
        query: 'example.zz',
        message: 'No RDAP service is known for .zz, so its registration can’t be shown.',
      },
    });
  });

  it('reads a registry’s 404 as "not registered"', async () => {
    const net = fakeNetwork({ ...bootstrapRoutes });
    expect(await client(net).ask(host('unregistered.com'), SETTINGS)).toEqual({
      ok: true,
      value: { outcome: 'not-found', query: 'unregistered.com', server: 'rdap.com.test' },
    });
  });

  it('reports the fallback’s 429 with its retry time, and asks it nothing until then', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://fallback.test/domain/example.zz': { status: 429, headers: { 'Retry-After': '40' } },
    });
    const { ask, now, advance } = client(net);
    const start = now();
    const limited = {
      ok: false,
      error: {
        kind: 'rate-limited',
        retryAt: start + 40_000,
        message: 'RDAP (fallback.test) is limiting requests; try again in 40 s.',
      },
    };
    expect(await ask(host('example.zz'), SETTINGS)).toMatchObject(limited);
    advance(10_000);
    expect(await ask(host('other.zz'), SETTINGS)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: start + 40_000, message: expect.stringContaining('in 30 s') },
    });
    expect(net.asked.filter((u) => u.startsWith('https://fallback.test/'))).toHaveLength(1);
  });

  it('never sends the fallback more than 10 requests in 10 s, the last 2 only for the watchlist', async () => {
    const net = fakeNetwork({ ...bootstrapRoutes });
    const { ask, now } = client(net);
    const start = now();
    const watch = { purpose: 'watch' } as const;
    const noService = { ok: true, value: { outcome: 'no-service' } };
    for (let i = 0; i < 8; i++) expect(await ask(host(`n${i}.zz`), SETTINGS)).toMatchObject(noService);
    expect(await ask(host('n8.zz'), SETTINGS)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: start + 10_000 + WINDOW_SLACK_MS },
    });
    for (let i = 8; i < 10; i++)
      expect(await ask(host(`n${i}.zz`), SETTINGS, watch)).toMatchObject(noService);
    expect(await ask(host('n10.zz'), SETTINGS, watch)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', retryAt: start + 10_000 + WINDOW_SLACK_MS },
    });
    expect(net.asked.filter((u) => u.startsWith('https://fallback.test/'))).toHaveLength(10);
  });

  it('asks the user’s own RDAP server directly when one is set', async () => {
    const net = fakeNetwork({
      'https://rdap.mine.test/base/ip/8.8.8.8': {
        status: 200,
        body: network('MINE', '8.8.8.0', '8.8.8.255'),
      },
    });
    const settings = { ...SETTINGS, baseUrl: 'https://rdap.mine.test/base' };
    expect(await client(net).ask(host('8.8.8.8'), settings)).toMatchObject({
      ok: true,
      value: { outcome: 'found', record: { name: 'MINE' } },
    });
    expect(net.asked).toEqual(['https://rdap.mine.test/base/ip/8.8.8.8']);
  });

  it('sends nothing for addresses no registry holds', async () => {
    const net = fakeNetwork({});
    const { ask } = client(net);
    expect(await ask(host('10.1.2.3'), SETTINGS)).toMatchObject({
      ok: true,
      value: {
        outcome: 'no-service',
        message: '10.1.2.3 is a private (RFC 1918) address; no registry holds it.',
      },
    });
    expect(await ask(host('fe80::1'), SETTINGS)).toMatchObject({
      ok: true,
      value: { outcome: 'no-service' },
    });
    expect(net.asked).toEqual([]);
  });

  it('passes hostile vCard text through as text, bounded', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u202eevil';
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.com.test/v1/domain/evil.com': { status: 200, body: domainObject('evil.com', hostile) },
      'https://rdap.narrow.test/ip/8.8.8.8': {
        status: 200,
        body: {
          ...network('N', '8.8.8.0', '8.8.8.255'),
          entities: [
            { roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text', hostile.repeat(200)]]] },
          ],
        },
      },
    });
    const { ask } = client(net);
    expect(await ask(host('evil.com'), SETTINGS)).toMatchObject({
      ok: true,
      value: { record: { registrar: hostile } },
    });
    const ip = await ask(host('8.8.8.8'), SETTINGS);
    expect(ip.ok && ip.value.outcome === 'found' && 'registrant' in ip.value.record).toBe(true);
    if (ip.ok && ip.value.outcome === 'found' && 'registrant' in ip.value.record)
      expect(ip.value.record.registrant).toBe(hostile.repeat(200).slice(0, 2000));
  });

  it('asks again when told to refresh', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.com.test/v1/domain/a.com': { status: 200, body: domainObject('a.com') },
    });
    const { ask } = client(net);
    await ask(host('a.com'), SETTINGS);
    await ask(host('a.com'), SETTINGS, { fresh: true });
    expect(net.asked.filter((u) => u.endsWith('/domain/a.com'))).toHaveLength(2);
  });
});

describe('registries the bootstrap lists over plain http only', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('uses https when the bootstrap lists both', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.com.test/v1/domain/a.com': { status: 200, body: domainObject('a.com') },
    });
    const found = await client(net).ask(host('a.com'), SETTINGS);
    expect(found).toMatchObject({ ok: true, value: { outcome: 'found', record: { domain: 'a.com' } } });
    expect(found.ok && found.value.outcome === 'found' && found.value.record.unencrypted).toBeFalsy();
    expect(net.asked.filter((u) => u.startsWith('http://'))).toEqual([]);
  });

  it('asks the same host and path over https first, and says nothing when it answers', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.plain.test/rdap/domain/example.ht': { status: 200, body: domainObject('example.ht') },
    });
    const found = await client(net).ask(host('www.example.ht'), SETTINGS);
    expect(found).toMatchObject({ ok: true, value: { outcome: 'found', record: { domain: 'example.ht' } } });
    expect(found.ok && found.value.outcome === 'found' && found.value.record.unencrypted).toBeFalsy();
    expect(net.asked).toEqual([
      'https://iana.test/rdap/dns.json',
      'https://rdap.plain.test/rdap/domain/example.ht',
    ]);
  });

  it.each([
    ['unreachable over https', 'network-error' as const],
    [
      'a web page over https (another site on that host)',
      { status: 404, body: '<html>', headers: { 'Content-Type': 'text/html' } },
    ],
    ['a 200 that is not JSON', { status: 200, body: 'welcome', headers: { 'Content-Type': 'text/plain' } }],
  ])('falls back to http when it is %s, and marks the answer not encrypted', async (_label, secure) => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.plain.test/rdap/domain/example.ht': secure,
      'http://rdap.plain.test/rdap/domain/example.ht': { status: 200, body: domainObject('example.ht') },
    });
    expect(await client(net).ask(host('example.ht'), SETTINGS)).toMatchObject({
      ok: true,
      value: {
        outcome: 'found',
        record: { domain: 'example.ht', server: 'rdap.plain.test', unencrypted: true },
      },
    });
    expect(net.asked).toEqual([
      'https://iana.test/rdap/dns.json',
      'https://rdap.plain.test/rdap/domain/example.ht',
      'http://rdap.plain.test/rdap/domain/example.ht',
    ]);
  });

  it('takes an RDAP answer over https as it is: a JSON 404 means not registered, and no http request', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.plain.test/rdap/domain/free.ht': {
        status: 404,
        body: { errorCode: 404 },
        headers: { 'Content-Type': 'application/rdap+json' },
      },
    });
    expect(await client(net).ask(host('free.ht'), SETTINGS)).toEqual({
      ok: true,
      value: { outcome: 'not-found', query: 'free.ht', server: 'rdap.plain.test' },
    });
    expect(net.asked.filter((u) => u.startsWith('http://'))).toEqual([]);
  });

  it('marks an answer a redirect brought over http, and a user’s own http server', async () => {
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://fallback.test/domain/example.zz': {
        status: 200,
        body: domainObject('example.zz'),
        redirectedTo: 'http://rdap.nic.zz/domain/example.zz',
      },
      'http://rdap.mine.test/domain/a.com': { status: 200, body: domainObject('a.com') },
    });
    const { ask } = client(net);
    expect(await ask(host('example.zz'), SETTINGS)).toMatchObject({
      ok: true,
      value: { record: { server: 'rdap.nic.zz', unencrypted: true } },
    });
    expect(await ask(host('a.com'), { ...SETTINGS, baseUrl: 'http://rdap.mine.test' })).toMatchObject({
      ok: true,
      value: { record: { domain: 'a.com', unencrypted: true } },
    });
    // The user's own server is asked as set: no https attempt there.
    expect(net.asked).not.toContain('https://rdap.mine.test/domain/a.com');
  });

  it('does not mark a server of the user’s own on loopback: the answer never left the computer', async () => {
    const net = fakeNetwork({
      'http://127.0.0.1:8080/domain/a.com': { status: 200, body: domainObject('a.com') },
    });
    const found = await client(net).ask(host('a.com'), { ...SETTINGS, baseUrl: 'http://127.0.0.1:8080/' });
    expect(found).toMatchObject({ ok: true, value: { outcome: 'found', record: { domain: 'a.com' } } });
    expect(found.ok && found.value.outcome === 'found' && found.value.record.unencrypted).toBeFalsy();
  });

  it('passes the mark to the registration section', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, rdap: { ...DEFAULT_SETTINGS.rdap, ...SETTINGS } },
    });
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.plain.test/rdap/domain/example.ht': 'network-error',
      'http://rdap.plain.test/rdap/domain/example.ht': { status: 200, body: domainObject('example.ht') },
    });
    expect(await handleRegistration({ input: 'example.ht' }, client(net).ask)).toMatchObject({
      state: 'ok',
      data: { domain: 'example.ht', unencrypted: true },
    });
  });
});

describe('the lookupRegistration message', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('shows "no RDAP service" as a section with a message, not an error', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, rdap: { ...DEFAULT_SETTINGS.rdap, ...SETTINGS } },
    });
    const net = fakeNetwork({ ...bootstrapRoutes });
    const { ask } = client(net);
    expect(await handleRegistration({ input: 'example.zz' }, ask)).toEqual({
      state: 'disabled',
      message: 'No RDAP service is known for .zz, so its registration can’t be shown.',
    });
    expect(await handleRegistration({ input: 'unregistered.com' }, ask)).toEqual({ state: 'empty' });
  });

  it('answers for IP addresses too', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, rdap: { ...DEFAULT_SETTINGS.rdap, ...SETTINGS } },
    });
    const net = fakeNetwork({
      ...bootstrapRoutes,
      'https://rdap.narrow.test/ip/8.8.8.8': { status: 200, body: network('GOGL', '8.8.8.0', '8.8.8.255') },
    });
    expect(await handleRegistration({ input: '8.8.8[.]8' }, client(net).ask)).toMatchObject({
      state: 'ok',
      data: { address: '8.8.8.8', name: 'GOGL', startAddress: '8.8.8.0', endAddress: '8.8.8.255' },
    });
  });
});
