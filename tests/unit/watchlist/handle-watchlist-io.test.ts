import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handleExportChangeLog,
  handleExportWatchlist,
  handleImportWatchlist,
} from '@/utils/watchlist/handle-watchlist-io';
import type { WatchEntry, WatchState } from '@/utils/watchlist/model';
import { closeWatchDb, recordCheck } from '@/utils/watchlist/watch-db';
import { listWatched, saveWatched } from '@/utils/watchlist/watchlist-store';

const NOW = Date.UTC(2024, 0, 1);
const EXISTING: WatchEntry[] = [
  { host: 'mail1.trump-email.com', addedAt: Date.UTC(2016, 9, 31), note: 'Alfa Bank story', tags: ['story'] },
  { host: '66.216.133.29', addedAt: Date.UTC(2016, 10, 1), note: '', tags: [] },
];

describe('watchlist export and import messages', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    closeWatchDb();
    globalThis.indexedDB = new IDBFactory();
    await saveWatched(EXISTING);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(['json', 'csv'] as const)(
    'exports the stored list as %s, and importing it back changes nothing',
    async (format) => {
      const text = await handleExportWatchlist(format);
      expect(text).toContain('mail1.trump-email.com');
      expect(await handleImportWatchlist({ format, text }, NOW)).toEqual({
        added: 0,
        updated: 0,
        unchanged: 2,
        rejected: [],
      });
      expect(await listWatched()).toEqual(EXISTING);
    },
  );

  it('refuses an unknown export format with an empty answer', async () => {
    expect(await handleExportWatchlist('xml')).toBe('');
  });

  it('adds and updates, never drops an existing host, and reports rejected lines', async () => {
    const text =
      'host,note,tags\nb.example,from a colleague,leads\nnot a host!,x,\n66.216.133.29,filled,ip\nmail1.trump-email.com,theirs,mail\n';
    expect(await handleImportWatchlist({ format: 'csv', text }, NOW)).toEqual({
      added: 1,
      updated: 2,
      unchanged: 0,
      rejected: [{ line: 3, reason: '“not a host!” is not a host name or IP address' }],
    });
    expect(await listWatched()).toEqual([
      { ...EXISTING[0], tags: ['story', 'mail'] },
      { ...EXISTING[1], note: 'filled', tags: ['ip'] },
      { host: 'b.example', addedAt: NOW, note: 'from a colleague', tags: ['leads'] },
    ]);
  });

  it('an empty or unreadable file keeps the list as it was', async () => {
    expect((await handleImportWatchlist({ format: 'json', text: '' }, NOW)).problem).toMatch(
      /not valid JSON/,
    );
    expect((await handleImportWatchlist({ format: 'csv', text: '' }, NOW)).problem).toBe(
      'The file has no hosts in it.',
    );
    expect((await handleImportWatchlist({ format: 'xml', text: 'a' })).problem).toMatch(/could not be read/);
    expect((await handleImportWatchlist({ format: 'csv', text: 'a'.repeat(5_000_001) })).problem).toMatch(
      /5 MB/,
    );
    expect(await listWatched()).toEqual(EXISTING);
  });

  it('sync storage full: says so in plain words and saves nothing, not even the updates', async () => {
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const report = await handleImportWatchlist(
      { format: 'csv', text: 'host,note\nnew.example,\n66.216.133.29,filled\n???\n' },
      NOW,
    );
    expect(set).toHaveBeenCalledTimes(1);
    expect(report).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 4, reason: '“???” is not a host name or IP address' }],
      problem: expect.stringMatching(/sync storage is full.*Nothing was imported\.$/),
    });
    set.mockRestore();
    expect(await listWatched()).toEqual(EXISTING);
  });

  it('a storage read failure is a problem, not a throw', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('disk on fire'));
    const report = await handleImportWatchlist({ format: 'csv', text: 'a.example' }, NOW);
    expect(report.problem).toBe(
      'The watchlist could not be read or saved (disk on fire). Nothing was imported.',
    );
    expect(await handleExportWatchlist('json')).toBe('');
  });
});

describe('change log export message', () => {
  beforeEach(() => {
    closeWatchDb();
    globalThis.indexedDB = new IDBFactory();
  });

  it('exports every recorded change, oldest first', async () => {
    const state: WatchState = { host: 'mail1.trump-email.com', nextCheckAt: 0, failures: 0 };
    const change = (at: number, value: string) => ({
      host: state.host,
      at,
      kind: 'added' as const,
      subject: 'A',
      value,
      message: `A record added: ${value}`,
    });
    await recordCheck(state, [change(2, '192.0.2.2'), change(1, '192.0.2.1')]);
    await recordCheck(
      state,
      Array.from({ length: 250 }, (_, i) => change(10 + i, `198.51.100.${i % 250}`)),
    );
    const lines = (await handleExportChangeLog()).split('\r\n');
    expect(lines[0]).toBe('at,host,kind,subject,value,previous,message');
    expect(lines).toHaveLength(1 + 252 + 1);
    expect(lines[1]).toBe(
      '1970-01-01T00:00:00.001Z,mail1.trump-email.com,added,A,192.0.2.1,,A record added: 192.0.2.1',
    );
  });

  it('an empty log is the header alone; a malformed request is refused', async () => {
    expect(await handleExportChangeLog(undefined)).toBe('at,host,kind,subject,value,previous,message\r\n');
    expect(await handleExportChangeLog({ all: true })).toBe('');
  });
});
