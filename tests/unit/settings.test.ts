import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkResolverUrl, originPattern } from '@/utils/dns/resolver-url';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/utils/settings/settings';

describe('checkResolverUrl', () => {
  it.each([
    ['https://cloudflare-dns.com/dns-query', 'https://cloudflare-dns.com/dns-query'],
    ['  https://dns.nextdns.io/abc123 ', 'https://dns.nextdns.io/abc123'],
    ['https://doh.example/dns-query{?dns}', 'https://doh.example/dns-query'],
    ['http://127.0.0.1:8053/dns-query', 'http://127.0.0.1:8053/dns-query'],
    ['http://localhost/dns-query#x', 'http://localhost/dns-query'],
  ])('accepts %s', (input, url) => {
    expect(checkResolverUrl(input)).toEqual({ ok: true, url });
  });

  it.each(['', 'dns.google', 'http://dns.google/dns-query', 'ftp://x/y', 'https://user:pw@x.example/q'])(
    'refuses %j with a reason',
    (input) => {
      const result = checkResolverUrl(input);
      expect(result.ok).toBe(false);
    },
  );

  it('asks permission for the origin without port', () => {
    expect(originPattern('http://127.0.0.1:8053/dns-query')).toBe('http://127.0.0.1/*');
  });
});

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with a non-filtering resolver', async () => {
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and reads back the resolver', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, resolverUrl: 'http://127.0.0.1:8053/dns-query' });
    expect((await loadSettings()).settings.resolverUrl).toBe('http://127.0.0.1:8053/dns-query');
  });

  it('refuses to save an invalid resolver', async () => {
    await expect(
      saveSettings({ ...DEFAULT_SETTINGS, resolverUrl: 'http://evil.example/q' }),
    ).rejects.toThrow();
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a copy of an unreadable stored value and says so', async () => {
    await fakeBrowser.storage.sync.set({ settings: { resolverUrl: 42 } });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toMatch(/could not be read/);
    const { settingsBackup } = await fakeBrowser.storage.local.get('settingsBackup');
    expect(settingsBackup).toMatchObject({ value: { resolverUrl: 42 } });
    // The stored value itself is left alone for the user to recover.
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({ settings: { resolverUrl: 42 } });
  });
});
