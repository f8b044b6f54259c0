// The resolver is down, slow to forgive (429) or talks nonsense: the DNS section says so in
// plain words and the popup keeps working.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { LookupPopup, setResolver } from './support/pages';
import { startStubServer, stubHandlers } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

describe('when the resolver fails', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  it('a stopped DoH server gives a clear error, and the popup works again once it is back', async () => {
    const stub = await startStubServer(stubHandlers.garbage);
    const deadUrl = stub.url;
    await stub.stop(); // nothing listens on that port any more
    expect(await setResolver(ext, deadUrl)).toBe('Saved.');
    const popup = await LookupPopup.open(ext);
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.dnsState()).toMatchObject({ state: 'error' });
    expect(await popup.statusLine()).toBe(`Could not reach ${new URL(deadUrl).host} (network error).`);

    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
    await popup.lookUp('mail1.trump-email.com');
    expect(await popup.dnsState()).toEqual({ state: 'ok', status: 'NOERROR' });
    expect(await popup.records('A')).toEqual(['66.216.133.29']);
  });

  it('a rate-limited resolver (429) says when to try again, and is not asked again meanwhile', async () => {
    const stub = await startStubServer(stubHandlers.rateLimited);
    try {
      await setResolver(ext, stub.url);
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('trump-email.com');
      expect(await popup.dnsState()).toMatchObject({ state: 'error' });
      expect(await popup.statusLine()).toMatch(
        /is limiting requests; try again in \d+ s\.|asked us to slow down/,
      );
      const asked = stub.requests.length;
      await popup.lookUp('contact-client.com');
      expect(await popup.statusLine()).toMatch(/asked us to slow down; trying again in \d+ s\./);
      expect(stub.requests.length).toBe(asked);
    } finally {
      await stub.stop();
    }
  });

  it('garbage and HTML answers are reported as broken answers', async () => {
    for (const [handler, expected] of [
      [stubHandlers.garbage, /sent a broken answer/],
      [stubHandlers.serverError, /answered HTTP 500/],
    ] as const) {
      const stub = await startStubServer(handler);
      try {
        await setResolver(ext, stub.url);
        const popup = await LookupPopup.open(ext);
        await popup.lookUp('contact-client.com');
        expect(await popup.dnsState()).toMatchObject({ state: 'error' });
        expect(await popup.statusLine()).toMatch(expected);
        await popup.page.close();
      } finally {
        await stub.stop();
      }
    }
  });

  it('sends the resolver only the question: no cookies, no referrer, no page address', async () => {
    const stub = await startStubServer(stubHandlers.garbage);
    try {
      await setResolver(ext, stub.url);
      const popup = await LookupPopup.open(ext);
      await popup.lookUp('privacy-check.trump-email.com');
      expect(stub.requests.length).toBeGreaterThan(0);
      for (const request of stub.requests) {
        const url = new URL(request.url, stub.url);
        expect([...url.searchParams.keys()]).toEqual(['dns']);
        expect(request.method).toBe('GET');
        expect(request.headers.cookie).toBeUndefined();
        expect(request.headers.referer).toBeUndefined();
      }
    } finally {
      await stub.stop();
    }
  });

  it('refuses a plain-http resolver that is not on this computer', async () => {
    expect(await setResolver(ext, 'http://dns.example/dns-query')).toMatch(/Use https:\/\//);
  });
});
