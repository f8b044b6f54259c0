import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { csvLine, parseCsv } from '@/utils/watchlist/csv';
import { handleImportWatchlist } from '@/utils/watchlist/handle-watchlist-io';
import type { WatchEntry } from '@/utils/watchlist/model';
import {
  exportChangeLogCsv,
  exportWatchlistCsv,
  exportWatchlistJson,
  mergeImport,
  parseWatchlistImport,
} from '@/utils/watchlist/watchlist-io';
import { listWatched, saveWatched } from '@/utils/watchlist/watchlist-store';

const LIST: WatchEntry[] = [
  {
    host: 'mail1.trump-email.com',
    addedAt: Date.UTC(2016, 9, 31),
    note: 'from "the" story,\nline two',
    tags: ['story', 'mail'],
  },
  { host: '66.216.133.29', addedAt: Date.UTC(2016, 10, 1), note: '=HYPERLINK("http://x")', tags: [] },
];

describe('CSV', () => {
  it('quotes what needs quoting and keeps spreadsheet formulas inert', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', '=1+1', '-2', 'x\ny'])).toBe(
      'a,"b,c","say ""hi""",\'=1+1,\'-2,"x\ny"',
    );
  });

  it('reads quoted line breaks and reports the line each record starts on', () => {
    const records = parseCsv('\uFEFFhost,note\r\na.example,"one\ntwo"\r\n\r\nb.example,x\n');
    expect(records).toEqual([
      { line: 1, fields: ['host', 'note'] },
      { line: 2, fields: ['a.example', 'one\ntwo'] },
      { line: 5, fields: ['b.example', 'x'] },
    ]);
  });
});

describe('watchlist files', () => {
  it.each(['json', 'csv'] as const)('%s: export then import gives the same list', (format) => {
    const text = format === 'json' ? exportWatchlistJson(LIST) : exportWatchlistCsv(LIST);
    expect(parseWatchlistImport(format, text)).toEqual({ entries: LIST, rejected: [] });
  });

  it('CSV: rejects bad rows by line and imports the rest; headerless lists and defanged hosts work', () => {
    const csv = [
      'host,note,tags',
      'good.example,ok,a;b',
      'not a host!,x,',
      'hxxp://evil[.]example/path,,',
      '"x.example","' + 'n'.repeat(1001) + '",',
    ].join('\n');
    const parsed = parseWatchlistImport('csv', csv, 7);
    expect(parsed.entries.map((e) => e.host)).toEqual(['good.example', 'evil.example']);
    expect(parsed.entries[0]).toEqual({ host: 'good.example', addedAt: 7, note: 'ok', tags: ['a', 'b'] });
    expect(parsed.rejected).toEqual([
      { line: 3, reason: '“not a host!” is not a host name or IP address' },
      { line: 5, reason: 'the note is longer than 1000 characters' },
    ]);
    expect(parseWatchlistImport('csv', 'a.example\n66.216.133.29\n', 1).entries.map((e) => e.host)).toEqual([
      'a.example',
      '66.216.133.29',
    ]);
  });

  it('never throws on junk, and bounds what it reads', () => {
    for (const junk of [
      '',
      '\u0000\u0001"',
      '"unterminated',
      '{"hosts": 5}',
      '[1, null, {"host": 7}]',
      ',,,,\n,,,',
    ])
      for (const format of ['json', 'csv'] as const)
        expect(() => parseWatchlistImport(format, junk)).not.toThrow();
    const big = Array.from({ length: 12_000 }, (_, i) => `h${i}.example`).join('\n');
    const parsed = parseWatchlistImport('csv', big);
    expect(parsed.entries).toHaveLength(10_000);
    expect(parsed.rejected.at(-1)?.reason).toBe('only the first 10000 rows are read');
  });

  it('merging never removes a host nor replaces a note the user wrote', () => {
    const merged = mergeImport(LIST, [
      { host: 'mail1.trump-email.com', addedAt: 1, note: 'other', tags: ['new'] },
      { host: 'fresh.example', addedAt: 1, note: '', tags: [] },
      { host: '66.216.133.29', addedAt: 1, note: '', tags: [] },
    ]);
    expect(merged).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(merged.toSave.find((e) => e.host === 'mail1.trump-email.com')).toEqual({
      ...LIST[0],
      tags: ['story', 'mail', 'new'],
    });
  });

  it('exports the change log as CSV', () => {
    expect(
      exportChangeLogCsv([
        {
          id: 1,
          host: 'a.example',
          at: 0,
          kind: 'removed',
          subject: 'A',
          value: '192.0.2.1',
          message: 'A record removed: 192.0.2.1',
        },
      ]),
    ).toBe(
      'at,host,kind,subject,value,previous,message\r\n1970-01-01T00:00:00.000Z,a.example,removed,A,192.0.2.1,,A record removed: 192.0.2.1',
    );
  });
});

describe('importWatchlist message', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds to the existing list and reports rejected lines', async () => {
    await saveWatched([LIST[0]!]);
    const report = await handleImportWatchlist({ format: 'csv', text: 'host\nb.example\n???\n' });
    expect(report).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 3, reason: '“???” is not a host name or IP address' }],
    });
    expect((await listWatched()).map((e) => e.host).sort()).toEqual(['b.example', 'mail1.trump-email.com']);
  });

  it('saves nothing when sync storage is full, and says so', async () => {
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    const report = await handleImportWatchlist({ format: 'csv', text: 'a.example\nb.example' });
    fakeBrowser.storage.sync.set = set;
    expect(report.problem).toMatch(/sync storage is full/);
    expect(await listWatched()).toEqual([]);
  });
});
