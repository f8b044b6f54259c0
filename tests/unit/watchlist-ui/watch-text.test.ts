// The words the watchlist page and the popup's tab use for a watched host and a check.
import { describe, expect, it } from 'vitest';
import {
  hostDisplay,
  nextCheckText,
  parseTags,
  shortStatusText,
  statusText,
  summaryText,
  unseenAbove,
  when,
} from '@/components/watch-text';
import { MAX_TAGS } from '@/utils/watchlist/limits';

describe('statusText / shortStatusText', () => {
  it.each([
    [{ addresses: [] }, 'not checked yet', 'not checked yet'],
    [{ status: 'NOERROR', addresses: ['66.216.133.29'] }, 'resolves to 66.216.133.29', '66.216.133.29'],
    [
      { status: 'NOERROR', addresses: ['192.0.2.1', '192.0.2.2'] },
      'resolves to 2 addresses: 192.0.2.1, 192.0.2.2',
      '2 addresses',
    ],
    [
      { status: 'NOERROR', addresses: [] },
      'the name exists but has no address',
      'the name exists but has no address',
    ],
    [{ status: 'NXDOMAIN', addresses: [] }, 'does not exist (NXDOMAIN)', 'does not exist'],
    [
      { status: 'SERVFAIL', addresses: [] },
      'the resolver failed (SERVFAIL)',
      'the resolver failed (SERVFAIL)',
    ],
  ])('%j → %s', (row, long, short) => {
    expect(statusText(row)).toBe(long);
    expect(shortStatusText(row)).toBe(short);
  });
});

describe('parseTags', () => {
  it.each([
    ['', []],
    ['story', ['story']],
    [' story , mail ,, story ', ['story', 'mail']],
    ['alfa bank, 2016', ['alfa bank', '2016']],
    [',,,', []],
  ])('%j → %j', (text, tags) => {
    expect(parseTags(text)).toEqual(tags);
  });

  it(`keeps at most ${MAX_TAGS} tags`, () => {
    const many = Array.from({ length: MAX_TAGS + 5 }, (_, i) => `t${i}`).join(',');
    expect(parseTags(many)).toHaveLength(MAX_TAGS);
  });
});

describe('summaryText', () => {
  const base = { checked: 0, postponed: 0, changes: [], problems: [] };
  const change = {
    host: 'a.example',
    at: 0,
    kind: 'added' as const,
    subject: 'A',
    value: '192.0.2.1',
    message: '',
  };
  it.each([
    [{ ...base, checked: 1 }, 'Checked 1 host: no changes.'],
    [{ ...base, checked: 3, changes: [change, change] }, 'Checked 3 hosts: 2 changes.'],
    [{ ...base, checked: 2, changes: [change] }, 'Checked 2 hosts: 1 change.'],
    [
      { ...base, checked: 2, postponed: 1 },
      'Checked 2 hosts: no changes. 1 will be finished later (a source asked Hostlens to wait).',
    ],
  ])('%#: %s', (summary, text) => {
    expect(summaryText(summary)).toBe(text);
  });
});

describe('times', () => {
  it('says "—" for a time that has not happened', () => {
    expect(when(undefined)).toBe('—');
    expect(nextCheckText(undefined, 0)).toBe('—');
  });
  it('says "due now" once the next check is past', () => {
    expect(nextCheckText(1_000, 2_000)).toBe('due now');
    // A moment in the reader's locale and time zone (en-US here): "Nov 27, 2026, 3:05 AM".
    expect(nextCheckText(Date.UTC(2026, 10, 27, 12, 5), 2_000)).toMatch(
      /^Nov 2[678], 2026, \d{1,2}:05\s[AP]M$/,
    );
  });
});

describe('hostDisplay', () => {
  it.each([
    ['mail1.trump-email.com', { display: 'mail1.trump-email.com' }],
    ['66.216.133.29', { display: '66.216.133.29' }],
    ['xn--bcher-kva.example', { display: 'bücher.example', ascii: 'xn--bcher-kva.example' }],
  ])('%s', (host, shown) => {
    expect(hostDisplay(host)).toEqual(shown);
  });
});

describe('unseenAbove (which change-log entries are marked new)', () => {
  const log = [{ id: 9 }, { id: 8 }, { id: 7 }, { id: 5 }];
  it.each([
    [0, Number.MAX_SAFE_INTEGER],
    [2, 7],
    [4, 0],
    [10, 0],
  ])('%i unseen → ids above %i', (unseen, above) => {
    expect(unseenAbove(log, unseen)).toBe(above);
    expect(log.filter((c) => c.id > above)).toHaveLength(Math.min(unseen, log.length));
  });
});
