// A reader checks who holds a domain and an address named in the story: the registry is found
// through IANA-style bootstrap files (here a loopback registry that publishes them), or through a
// redirector like rdap.org when the files list none; registry text is shown as inert text.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchExtension } from './support/browser';
import { LookupPopup } from './support/pages';
import { startRdapRedirector, startRdapRegistry } from './support/rdap-servers';
import type { StubServer } from './support/stub-servers';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const HOSTILE = '<img src=x onerror=alert(1)>\u202eevil';

// Made-up registry answers in RFC 9083 shapes (data-sources.md §3.3, §3.4); not real data.
const DOMAIN = {
  objectClassName: 'domain',
  ldhName: 'TRUMP-EMAIL.COM',
  status: ['client transfer prohibited'],
  events: [
    { eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' },
    { eventAction: 'expiration', eventDate: '2017-04-01T00:00:00Z' },
  ],
  entities: [
    { roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', 'Example Registrar, Inc.']]] },
  ],
};
const NETWORK = {
  objectClassName: 'ip network',
  handle: 'NET-66-216-128-0-1',
  startAddress: '66.216.128.0',
  endAddress: '66.216.143.255',
  name: 'EXAMPLE-NET',
  type: 'DIRECT ALLOCATION',
  country: 'US',
  status: ['active'],
  cidr0_cidrs: [{ v4prefix: '66.216.128.0', length: 20 }],
  entities: [
    {
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', HOSTILE],
        ],
      ],
      entities: [{ roles: ['abuse'], vcardArray: ['vcard', [['email', {}, 'text', 'abuse@example.net']]] }],
    },
  ],
};

// A registry answer shaped to hurt: entities nested 5,000 deep, and a registrar name of 64 kB
// with a javascript: link, zero-width characters and markup.
const LONG_NAME = `javascript:alert(1)//\u200b<b>${'R'.repeat(64_000)}</b>`;
const DEPTH = 5000;
// Written as text: Node's JSON.stringify itself overflows its stack at this depth.
const DEEP = JSON.stringify({
  ...DOMAIN,
  ldhName: 'DEEP-STORY.COM',
  entities: [{ roles: ['registrar'], vcardArray: ['vcard', [['fn', {}, 'text', LONG_NAME]]] }, 'NESTED'],
}).replace(
  '"NESTED"',
  `${'{"roles":["technical"],"entities":['.repeat(DEPTH)}{"roles":["technical"]}${']}'.repeat(DEPTH)}`,
);

describe('registration data from RDAP', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  /** RDAP settings written straight into storage, as the options page would save them. */
  const useRdap = (rdap: { bootstrapUrl: string; fallbackUrl: string }) =>
    ext.worker.evaluate(
      async ({ resolverUrl, rdap }) => {
        const chrome = (globalThis as any).chrome;
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({
          settings: { ...settings, resolverUrl, rdap: { enabled: true, baseUrl: '', ...rdap } },
        });
      },
      { resolverUrl: dohUrl, rdap },
    );

  /** Looks `input` up in a fresh popup and waits for the registration section to settle. */
  async function registrationOf(input: string) {
    const popup = await LookupPopup.open(ext);
    await popup.lookUp(input);
    await popup.page.locator('[data-section="registration"]:not([data-state="loading"])').waitFor();
    return popup.page.locator('[data-section="registration"]');
  }

  const paths = (server: StubServer) => server.requests.map((r) => r.url);

  let registry: StubServer;
  let redirector: StubServer;
  beforeEach(async () => {
    registry = await startRdapRegistry({
      domains: { 'trump-email.com': DOMAIN, 'example-story.de': DOMAIN, 'deep-story.com': DEEP },
      networks: { '66.216.133.29': NETWORK },
      bootstrap: { dns: ['com'], ipv4: ['66.0.0.0/8'], ipv6: ['2001:4860::/32'] },
    });
    redirector = await startRdapRedirector(registry.url, ['example-story.de']);
    await useRdap({ bootstrapUrl: `${registry.url}bootstrap/`, fallbackUrl: redirector.url });
    return async () => {
      await registry.stop();
      await redirector.stop();
    };
  });

  it('shows the registrar and dates of a domain, and the network of an address, from the registry the bootstrap names', async () => {
    const domain = await registrationOf('mail1.trump-email.com');
    expect(await domain.getAttribute('data-state')).toBe('ok');
    expect(await domain.locator('[data-field="registrar"]').textContent()).toBe('Example Registrar, Inc.');
    expect(await domain.locator('[data-field="created"]').textContent()).toBe('Apr 1, 2016');

    const address = await registrationOf('66.216.133[.]29');
    expect(await address.getAttribute('data-state')).toBe('ok');
    expect(await address.locator('[data-field="network"]').textContent()).toBe('EXAMPLE-NET');
    expect(await address.locator('[data-field="range"]').textContent()).toBe(
      '66.216.128.0 – 66.216.143.255 (66.216.128.0/20)',
    );
    expect(await address.locator('[data-field="abuse"]').textContent()).toBe('abuse@example.net');
    // The holder's hostile name is text: no element made from it, the bidi override made visible.
    expect(await address.locator('[data-field="registrant"]').textContent()).toBe(
      '<img src=x onerror=alert(1)>⟨U+202E⟩evil',
    );
    expect(await address.locator('img').count()).toBe(0);

    // One bootstrap file per kind, then the registry; the registered domain only, never the subdomain.
    expect(paths(registry)).toEqual([
      '/bootstrap/dns.json',
      '/domain/trump-email.com',
      '/bootstrap/ipv4.json',
      '/ip/66.216.133.29',
    ]);
    expect(paths(redirector)).toEqual([]);
    expect(
      registry.requests.every((r) => r.headers.cookie === undefined && r.headers.referer === undefined),
    ).toBe(true);
  });

  it('a 64 kB registrar name and entities nested 5,000 deep: bounded, inert text', async () => {
    const domain = await registrationOf('deep-story.com');
    // The registrar is read; the nesting past what a registry ever sends is not followed.
    expect(await domain.getAttribute('data-state')).toBe('ok');
    const registrar = domain.locator('[data-field="registrar"]');
    const text = (await registrar.textContent()) ?? '';
    expect(text.length).toBeLessThan(1000);
    expect(text).toContain('javascript:alert(1)//⟨U+200B⟩<b>RRR');
    await registrar.getByRole('button', { name: /^show more/ }).click();
    expect(((await registrar.textContent()) ?? '').length).toBeGreaterThan(1900);
    expect(await domain.locator('a, b, img').count()).toBe(0);
    await domain.page().close();
  });

  it('keeps answers and bootstrap files across a service-worker restart', async () => {
    await registrationOf('trump-email.com');
    expect(paths(registry)).toHaveLength(2);
    await ext.stopWorker();
    const again = await registrationOf('www.trump-email.com');
    expect(await again.getAttribute('data-state')).toBe('ok');
    expect(paths(registry)).toHaveLength(2);
  });

  it('asks the fallback when the bootstrap lists nothing for the TLD, and follows its redirect', async () => {
    const section = await registrationOf('example-story.de');
    expect(await section.getAttribute('data-state')).toBe('ok');
    expect(await section.locator('[data-field="registrar"]').textContent()).toBe('Example Registrar, Inc.');
    expect(await section.locator('.meta').textContent()).toBe(`From ${new URL(registry.url).host}.`);
    expect(paths(redirector)).toEqual(['/domain/example-story.de']);
    expect(paths(registry)).toEqual(['/bootstrap/dns.json', '/domain/example-story.de']);
  });

  it('says plainly when no RDAP service knows the TLD', async () => {
    const section = await registrationOf('nothing-here.fr');
    expect(await section.getAttribute('data-state')).toBe('disabled');
    expect(await section.locator('.meta').textContent()).toBe(
      'No RDAP service is known for .fr, so its registration can’t be shown.',
    );
    expect(paths(redirector)).toEqual(['/domain/nothing-here.fr']);
  });
});
