// Every stored shape any released version wrote, read by today's code: one fixture per version
// (tests/fixtures/storage), and nothing the user had is lost on the way.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '@/utils/settings/settings';
import { listWatched, migrateWatchlist, WATCHLIST_VERSION } from '@/utils/watchlist/watchlist-store';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/storage/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

describe('migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['watchlist-v1', ['mail1.trump-email.com', 'trump1.contact-client.com']],
    ['watchlist-v2', ['mail1.trump-email.com', '66.216.133.29']],
  ])('%s reaches the current version with every host kept', async (name, hosts) => {
    await fakeBrowser.storage.sync.set(fixture(name));
    expect(await migrateWatchlist()).toBeUndefined();
    expect((await listWatched()).map((w) => w.host)).toEqual(hosts);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored.watchlistVersion).toBe(WATCHLIST_VERSION);
    expect(stored.watchlist).toBeUndefined();
    // Running it again changes nothing.
    expect(await migrateWatchlist()).toBeUndefined();
    expect((await listWatched()).map((w) => w.host)).toEqual(hosts);
  });

  it('v1 keeps each host’s pin date and gets an empty note and tags', async () => {
    await fakeBrowser.storage.sync.set(fixture('watchlist-v1'));
    await migrateWatchlist();
    expect((await listWatched())[0]).toEqual({
      host: 'mail1.trump-email.com',
      addedAt: 1474588800000,
      note: '',
      tags: [],
    });
  });

  it('a v1 list it cannot read is left in place, backed up, and reported — never reset', async () => {
    await fakeBrowser.storage.sync.set({ watchlist: [{ host: 'ok.example' }, { nohost: true }] });
    const problem = await migrateWatchlist(42);
    expect(problem).toMatch(/could not be converted .*nothing was deleted/);
    expect((await fakeBrowser.storage.sync.get('watchlist')).watchlist).toHaveLength(2);
    expect(await fakeBrowser.storage.local.get('watchlistBackup')).toEqual({
      watchlistBackup: { savedAt: 42, value: [{ host: 'ok.example' }, { nohost: true }] },
    });
  });

  it('settings v1 (before the sources, watch and retention fields) keeps every choice the user made', async () => {
    await fakeBrowser.storage.sync.set(fixture('settings-v1'));
    const { settings, problem } = await loadSettings();
    expect(problem).toBeUndefined();
    expect(settings).toMatchObject({
      resolverUrl: 'https://dns.google/dns-query',
      excludedSites: ['example.org'],
      cardTrigger: 'click',
      hoverDelayMs: 500,
      mnemonic: { enabled: false },
      rdap: { enabled: true, baseUrl: '', bootstrapUrl: 'https://data.iana.org/rdap/' },
      watch: { intervalMinutes: 360, notify: true },
    });
  });
});
