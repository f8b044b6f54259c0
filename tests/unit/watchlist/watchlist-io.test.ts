import { describe, expect, it } from 'vitest';
import { MAX_NOTE, MAX_TAG, MAX_TAGS } from '@/utils/watchlist/limits';
import { mergeImport } from '@/utils/watchlist/merge-import';
import type { WatchEntry } from '@/utils/watchlist/model';
import {
  exportWatchlistCsv,
  exportWatchlistJson,
  MAX_IMPORT_ROWS,
  parseWatchlistImport,
} from '@/utils/watchlist/watchlist-io';

const NOW = Date.UTC(2024, 0, 2, 3, 4, 5, 6);

// Hosts from the 2016 Alfa Bank / Trump Organization DNS story, with notes a reporter (or a
// hostile file) might hold: quotes, commas, line breaks, spreadsheet formulas.
const LIST: WatchEntry[] = [
  {
    host: 'mail1.trump-email.com',
    addedAt: Date.UTC(2016, 9, 31, 12, 0, 0, 123),
    note: 'from "the" story,\nline two\r\nline three',
    tags: ['story', 'mail'],
  },
  { host: '66.216.133.29', addedAt: Date.UTC(2016, 10, 1), note: '=HYPERLINK("http://x","y")', tags: [] },
  { host: '2001:db8::1', addedAt: 0, note: "'=already guarded", tags: ['+tag', '@who', '-x'] },
  { host: 'xn--bcher-kva.example', addedAt: 1, note: '\tleading tab, trailing comma,', tags: ['ü'] },
  { host: 'a.example', addedAt: 2, note: "''+2", tags: ["'=t"] },
  { host: 'b.example', addedAt: 3, note: '', tags: [] },
];

const hosts = (text: string, format: 'json' | 'csv' = 'csv') =>
  parseWatchlistImport(format, text, NOW).entries.map((e) => e.host);

describe('export', () => {
  it('JSON is our versioned, pretty-printed document with ISO times', () => {
    const text = exportWatchlistJson(LIST.slice(0, 1), NOW);
    expect(text).toContain('\n  "format": "hostlens-watchlist"');
    expect(JSON.parse(text)).toEqual({
      format: 'hostlens-watchlist',
      version: 1,
      exportedAt: '2024-01-02T03:04:05.006Z',
      hosts: [
        {
          host: 'mail1.trump-email.com',
          addedAt: '2016-10-31T12:00:00.123Z',
          note: LIST[0]!.note,
          tags: ['story', 'mail'],
        },
      ],
    });
  });

  it('CSV quotes per RFC 4180, joins tags with ";" and keeps formulas inert', () => {
    expect(exportWatchlistCsv(LIST.slice(0, 3)).split('\r\n')).toEqual([
      'host,added_at,note,tags',
      'mail1.trump-email.com,2016-10-31T12:00:00.123Z,"from ""the"" story,\nline two',
      'line three",story;mail',
      '66.216.133.29,2016-11-01T00:00:00.000Z,"\'=HYPERLINK(""http://x"",""y"")",',
      "2001:db8::1,1970-01-01T00:00:00.000Z,''=already guarded,'+tag;@who;-x",
      '',
    ]);
  });

  it('a pin date no Date can hold is written empty rather than throwing', () => {
    const odd = [{ host: 'a.example', addedAt: 1e300, note: '', tags: [] }];
    expect(exportWatchlistCsv(odd)).toBe('host,added_at,note,tags\r\na.example,,,\r\n');
    expect(JSON.parse(exportWatchlistJson(odd)).hosts[0].addedAt).toBe('');
    expect(parseWatchlistImport('csv', exportWatchlistCsv(odd), NOW).entries[0]!.addedAt).toBe(NOW);
  });
});

describe('round trip', () => {
  it.each(['json', 'csv'] as const)('%s: export then import gives the same list', (format) => {
    const text = format === 'json' ? exportWatchlistJson(LIST) : exportWatchlistCsv(LIST);
    expect(parseWatchlistImport(format, text, NOW)).toEqual({ entries: LIST, rejected: [] });
  });

  it('CSV survives a BOM and CRLF/LF mixing as a spreadsheet may save it', () => {
    const text = '\uFEFF' + exportWatchlistCsv(LIST).replace(/\r\n(?=[a-z0-9])/g, '\n');
    expect(parseWatchlistImport('csv', text, NOW).entries.map((e) => e.host)).toEqual(
      LIST.map((e) => e.host),
    );
  });
});

describe('CSV import', () => {
  it('reads our columns in any order and case; missing columns take defaults', () => {
    const parsed = parseWatchlistImport(
      'csv',
      'Tags , NOTE,Host\r\n a ; b ;; a,"hi, there",Good.Example\r\n,,66.216.133.29\r\n',
      NOW,
    );
    expect(parsed).toEqual({
      entries: [
        { host: 'good.example', addedAt: NOW, note: 'hi, there', tags: ['a', 'b'] },
        { host: '66.216.133.29', addedAt: NOW, note: '', tags: [] },
      ],
      rejected: [],
    });
  });

  it('takes a headerless list, one host per line, defanged, as URLs or e-mail addresses', () => {
    expect(
      hosts(
        'evil[.]example\n\nhxxps://www.evil2[.]example/path?q=1\n  \njoe@mail.example\n[2001:db8::1]:443\n',
      ),
    ).toEqual(['evil.example', 'www.evil2.example', 'mail.example', '2001:db8::1']);
  });

  it('reports rejected rows by the line they start on, quoted newlines counted', () => {
    const csv = [
      'host,note,tags,added_at',
      'a.example,"two\nlines",x,2016-10-31T00:00:00Z',
      '',
      'not a host!,x,,',
      'b.example,"three\r\nlines\nhere",,1477872000000',
      'c.example,' + 'n'.repeat(MAX_NOTE + 1) + ',,',
      `d.example,,${Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`).join(';')},`,
      `e.example,,${'t'.repeat(MAX_TAG + 1)},`,
      ',note without a host,,',
      'f.example,,,last tuesday',
    ].join('\n');
    const parsed = parseWatchlistImport('csv', csv, NOW);
    expect(parsed.entries).toEqual([
      { host: 'a.example', addedAt: Date.UTC(2016, 9, 31), note: 'two\nlines', tags: ['x'] },
      { host: 'b.example', addedAt: 1477872000000, note: 'three\r\nlines\nhere', tags: [] },
      // A date that isn't ISO 8601 or epoch milliseconds doesn't cost the host: it is pinned now.
      { host: 'f.example', addedAt: NOW, note: '', tags: [] },
    ]);
    expect(parsed.rejected).toEqual([
      { line: 5, reason: '“not a host!” is not a host name or IP address' },
      { line: 9, reason: `the note is longer than ${MAX_NOTE} characters` },
      { line: 10, reason: `more than ${MAX_TAGS} tags` },
      { line: 11, reason: `a tag is longer than ${MAX_TAG} characters` },
      { line: 12, reason: 'there is no host on this line' },
    ]);
  });

  it('merges a host listed twice: earliest date, later non-empty note, tags of both', () => {
    const parsed = parseWatchlistImport(
      'csv',
      'host,note,tags,added_at\na.example,first,x,2020-01-01\nA.EXAMPLE.,second,y,2021-01-01\nhttp://a.example/,,x;z,\n',
      NOW,
    );
    expect(parsed).toEqual({
      entries: [{ host: 'a.example', addedAt: Date.UTC(2020, 0, 1), note: 'second', tags: ['x', 'y', 'z'] }],
      rejected: [],
    });
  });

  it('a header naming our columns but not "host" is a problem for the whole file', () => {
    expect(parseWatchlistImport('csv', 'note,tags\nx,y\n', NOW)).toEqual({
      entries: [],
      rejected: [],
      problem: 'The file’s first line names its columns, but none is called “host”.',
    });
  });

  it('someone else’s header is reported as a title, and the first column read as hosts', () => {
    const parsed = parseWatchlistImport('csv', 'domain,comment\nevil.example,bad\n', NOW);
    expect(parsed.entries.map((e) => e.host)).toEqual(['evil.example']);
    expect(parsed.rejected).toEqual([
      {
        line: 1,
        reason:
          "“domain” looks like a column title; to import this file's other columns, call the host column “host”",
      },
    ]);
  });

  it('an unclosed quote is named where it starts, not as a mystery on the last line', () => {
    const parsed = parseWatchlistImport('csv', 'host\na.example\n"b.example\nc.example\nd.example\n', NOW);
    expect(parsed.entries.map((e) => e.host)).toEqual(['a.example']);
    expect(parsed.rejected).toEqual([
      {
        line: 3,
        reason: '“b.example c.example d.example” spans several lines; is a closing quote (") missing?',
      },
    ]);
  });

  it('reads at most 10,000 rows and says where it stopped', () => {
    const big = ['host', ...Array.from({ length: MAX_IMPORT_ROWS + 500 }, (_, i) => `h${i}.example`)].join(
      '\n',
    );
    const parsed = parseWatchlistImport('csv', big, NOW);
    expect(parsed.entries).toHaveLength(MAX_IMPORT_ROWS);
    expect(parsed.entries.at(-1)!.host).toBe(`h${MAX_IMPORT_ROWS - 1}.example`);
    expect(parsed.rejected).toEqual([
      {
        line: MAX_IMPORT_ROWS + 2,
        reason: 'a file is read up to 10,000 hosts; this one and the rest were not imported',
      },
    ]);
  });

  it('blank and whitespace-only lines don’t count towards the cap, nor hide the rows past it', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `h${i}.example\n  \n`).join('');
    const parsed = parseWatchlistImport('csv', rows, NOW);
    expect(parsed.entries).toHaveLength(MAX_IMPORT_ROWS);
    expect(parsed.rejected).toEqual([
      {
        line: 2 * MAX_IMPORT_ROWS + 1,
        reason: expect.stringMatching(/this one and the rest were not imported/),
      },
    ]);
  });

  it('a huge field is rejected with a short quote of it', () => {
    const parsed = parseWatchlistImport('csv', `host,note\n${'x'.repeat(3_000_000)},n\nok.example,\n`, NOW);
    expect(parsed.entries.map((e) => e.host)).toEqual(['ok.example']);
    expect(parsed.rejected).toEqual([{ line: 2, reason: 'the host is longer than 2048 characters' }]);
    const hugeNote = parseWatchlistImport('csv', `host,note\nok.example,"${'"",'.repeat(1_000_000)}"\n`, NOW);
    expect(hugeNote.rejected).toEqual([
      { line: 2, reason: `the note is longer than ${MAX_NOTE} characters` },
    ]);
  });

  it('garbage and binary junk become rejected lines, never an exception', () => {
    const junk =
      'host\n\u0000\u0001\u0002\u00ff\n%PDF-1.4 \ufffd\ufffd\n;;;;\na"b"c\n<script>alert(1)</script>\ngood.example\n';
    const parsed = parseWatchlistImport('csv', junk, NOW);
    expect(parsed.entries.map((e) => e.host)).toEqual(['good.example']);
    expect(parsed.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.rejected[0]!.reason).toBe('“ÿ” is not a host name or IP address');
    for (const r of parsed.rejected) expect(r.reason).not.toMatch(/\p{Cc}/u);
  });

  it.each([
    ['empty', ''],
    ['only a BOM and blank lines', '\uFEFF\r\n  \n\n'],
    ['only our header', 'host,added_at,note,tags\r\n'],
  ])('%s: nothing to import, typed', (_, text) => {
    const parsed = parseWatchlistImport('csv', text, NOW);
    expect(parsed.entries).toEqual([]);
    expect(parsed.rejected).toEqual([]);
  });
});

describe('JSON import', () => {
  it('reads a bare list of hosts, or of objects, leniently', () => {
    expect(hosts('["a.example", "hxxp://b[.]example"]', 'json')).toEqual(['a.example', 'b.example']);
    expect(
      parseWatchlistImport(
        'json',
        '[{"host":"a.example","added_at":"2016-10-31T00:00:00Z","note":null,"tags":"x; y"},{"host":"b.example","addedAt":5,"extra":1}]',
        NOW,
      ).entries,
    ).toEqual([
      { host: 'a.example', addedAt: Date.UTC(2016, 9, 31), note: '', tags: ['x', 'y'] },
      { host: 'b.example', addedAt: 5, note: '', tags: [] },
    ]);
  });

  it('names rejected items by the line they start on in a pretty-printed file', () => {
    const text = JSON.stringify(
      {
        format: 'hostlens-watchlist',
        version: 1,
        hosts: [
          { host: 'a.example', tags: ['[', '{', '"]'] },
          { host: 'not a host!', note: 'with "quotes" and \\ and ] } [' },
          7,
          { note: 'no host' },
          { host: 'b.example', tags: [1] },
          'c.example',
        ],
      },
      null,
      2,
    );
    const parsed = parseWatchlistImport('json', text, NOW);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(parsed.entries.map((e) => e.host)).toEqual(['a.example', 'c.example']);
    expect(parsed.rejected).toEqual([
      {
        line: lineOf('"not a host!"') - 1,
        reason: '“not a host!” is not a host name or IP address (host 2 in the list)',
      },
      { line: lineOf('    7,'), reason: 'there is no host (host 3 in the list)' },
      { line: lineOf('"no host"') - 1, reason: 'there is no host (host 4 in the list)' },
      { line: lineOf('"b.example"') - 1, reason: 'the tags are not text (host 5 in the list)' },
    ]);
  });

  it('compact JSON: items share line 1, the reason says which', () => {
    expect(parseWatchlistImport('json', '\uFEFF["a.example", "nope nope"]', NOW).rejected).toEqual([
      { line: 1, reason: '“nope nope” is not a host name or IP address (host 2 in the list)' },
    ]);
  });

  it('reads at most 10,000 items and says where it stopped', () => {
    const parsed = parseWatchlistImport(
      'json',
      JSON.stringify(
        Array.from({ length: MAX_IMPORT_ROWS + 3 }, (_, i) => `h${i}.example`),
        null,
        1,
      ),
      NOW,
    );
    expect(parsed.entries).toHaveLength(MAX_IMPORT_ROWS);
    expect(parsed.rejected).toEqual([
      {
        line: MAX_IMPORT_ROWS + 2,
        reason: 'a file is read up to 10,000 hosts; this one and the 2 after it were not imported',
      },
    ]);
  });

  it.each([
    ['{"hosts": [', /^The file is not valid JSON/],
    ['{"a": 1}', 'The file is JSON but has no list of hosts.'],
    ['{"hosts": 5}', 'The file is JSON but has no list of hosts.'],
    ['"a.example"', 'The file is JSON but has no list of hosts.'],
    ['null', 'The file is JSON but has no list of hosts.'],
    ['{"format": "other-tool", "hosts": []}', 'The file is JSON but not a Hostlens watchlist.'],
    [
      '{"format": "hostlens-watchlist", "version": 2, "hosts": ["a.example"]}',
      'This watchlist was written by a newer Hostlens (file version 2); update Hostlens to import it.',
    ],
    ['host\na.example', /^The file is not valid JSON/],
  ])('%s → a problem, nothing imported', (text, problem) => {
    const parsed = parseWatchlistImport('json', text, NOW);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problem).toMatch(problem);
  });
});

describe('never throws', () => {
  // A small deterministic generator: the same "random" files on every run.
  function* junkFiles(count: number) {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = 'ab.,"\n\r;=\'[]{}:\\ \u0000\uFEFF\ud800é1';
    for (let n = 0; n < count; n++) {
      let text = '';
      const length = next() % 200;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      yield text;
    }
  }

  it('on 500 random files of quotes, separators, brackets and control characters', () => {
    for (const text of junkFiles(500))
      for (const format of ['json', 'csv'] as const) {
        const parsed = parseWatchlistImport(format, text, NOW);
        expect(Array.isArray(parsed.entries) && Array.isArray(parsed.rejected)).toBe(true);
        for (const r of parsed.rejected) expect(r.line).toBeGreaterThanOrEqual(1);
      }
  });
});

describe('mergeImport', () => {
  const existing: WatchEntry[] = [
    { host: 'a.example', addedAt: 10, note: 'mine', tags: ['story'] },
    { host: 'b.example', addedAt: 20, note: '', tags: [] },
    { host: 'c.example', addedAt: 30, note: 'same', tags: ['t'] },
  ];

  it('adds new hosts, keeps pin dates and the reader’s notes, unions tags', () => {
    const merged = mergeImport(existing, [
      { host: 'a.example', addedAt: 1, note: 'theirs', tags: ['mail', 'story'] },
      { host: 'b.example', addedAt: 1, note: 'filled', tags: [] },
      { host: 'c.example', addedAt: 1, note: '', tags: ['t'] },
      { host: 'd.example', addedAt: 1, note: 'new', tags: ['x'] },
    ]);
    expect(merged).toEqual({
      toSave: [
        { host: 'a.example', addedAt: 10, note: 'mine', tags: ['story', 'mail'] },
        { host: 'b.example', addedAt: 20, note: 'filled', tags: [] },
        { host: 'd.example', addedAt: 1, note: 'new', tags: ['x'] },
      ],
      added: 1,
      updated: 2,
      unchanged: 1,
    });
  });

  it('never removes a host and caps the tag union', () => {
    const many = Array.from({ length: MAX_TAGS }, (_, i) => `n${i}`);
    const merged = mergeImport(existing, [{ host: 'a.example', addedAt: 1, note: '', tags: many }]);
    expect(merged.toSave).toHaveLength(1);
    expect(merged.toSave[0]!.tags).toEqual(['story', ...many].slice(0, MAX_TAGS));
    expect(mergeImport(existing, [])).toEqual({ toSave: [], added: 0, updated: 0, unchanged: 0 });
  });
});
