// The watchlist's texts in Russian: counts take the right form (1 / 3 / 5), changes are told
// from their fields in the reader's language, and import problems reach the page translated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shortStatusText, statusText, summaryText } from '@/components/watch-text';
import { describeChange } from '@/utils/watchlist/diff-snapshots';
import type { Change } from '@/utils/watchlist/model';
import { parseWatchlistImport } from '@/utils/watchlist/watchlist-io';
import { useLanguage } from '../support/i18n-messages';

const change = (over: Partial<Change> = {}): Change => ({
  host: 'mail1.trump-email.com',
  at: 0,
  kind: 'added',
  subject: 'A',
  value: '192.0.2.1',
  message: 'A record added: 192.0.2.1',
  ...over,
});

describe('watchlist texts in Russian', () => {
  beforeEach(async () => {
    await useLanguage('ru');
  });
  afterEach(() => useLanguage('en'));

  it.each([
    [1, 'Проверено: 1 хост; 1 изменение.'],
    [3, 'Проверено: 3 хоста; 3 изменения.'],
    [5, 'Проверено: 5 хостов; 5 изменений.'],
  ])('summary of %i', (n, text) => {
    const summary = {
      checked: n,
      postponed: 0,
      changes: Array.from({ length: n }, () => change()),
      problems: [],
    };
    expect(summaryText(summary)).toBe(text);
  });

  it('says "no changes" and the postponed checks', () => {
    expect(summaryText({ checked: 2, postponed: 1, changes: [], problems: [] })).toBe(
      'Проверено: 2 хоста; изменений нет. 1 проверка завершится позже (источник попросил Hostlens подождать).',
    );
  });

  it('a row’s state', () => {
    expect(statusText({ addresses: [] })).toBe('ещё не проверен');
    expect(statusText({ status: 'NOERROR', addresses: ['192.0.2.1'] })).toBe('разрешается в 192.0.2.1');
    expect(shortStatusText({ status: 'NOERROR', addresses: ['192.0.2.1', '192.0.2.2', '192.0.2.3'] })).toBe(
      '3 адреса',
    );
  });

  it('tells a change from its fields, not from the stored English message', () => {
    expect(describeChange(change())).toBe('запись A добавлена: 192.0.2.1');
    expect(
      describeChange(
        change({ kind: 'status', subject: 'addresses', value: 'none', previous: '192.0.2.1 192.0.2.2' }),
      ),
    ).toBe('перестал разрешаться (был 192.0.2.1, 192.0.2.2)');
    expect(
      describeChange(
        change({ kind: 'registration', subject: 'expires', value: '2018-04-01', previous: 'unknown' }),
      ),
    ).toBe('дата окончания изменилась с неизвестно на 1 апр. 2018 г.');
    // An entry of a shape this version doesn't know keeps its stored words.
    expect(describeChange(change({ kind: 'registration', subject: 'other', message: 'as stored' }))).toBe(
      'as stored',
    );
  });

  it('import problems are translated', () => {
    const parsed = parseWatchlistImport('csv', 'host,note\n,a note\nexample.com,ok\n');
    expect(parsed.rejected).toEqual([{ line: 2, reason: 'в этой строке нет хоста' }]);
    expect(parseWatchlistImport('json', '{"format":"x"}').problem).toBe(
      'Файл в формате JSON, но это не список наблюдения Hostlens.',
    );
  });
});

describe('the same texts in English', () => {
  it('tells an expiry change with days in the reader’s format', () => {
    expect(
      describeChange(
        change({ kind: 'registration', subject: 'expires', value: '2018-04-01', previous: '2017-04-01' }),
      ),
    ).toBe('expiry date changed from Apr 1, 2017 to Apr 1, 2018');
  });
});
