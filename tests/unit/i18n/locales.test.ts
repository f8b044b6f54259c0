// Every language has every message, with the same named values, and a count's forms for each of
// its plural categories: a translation can't silently drop a text or a {host}.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plural, t } from '@/utils/i18n/messages';
import { formatDay, formatNumber } from '@/utils/i18n/format';
import { loadMessages, useLanguage } from '../support/i18n-messages';

const LANGS = readdirSync(resolve(import.meta.dirname, '../../../locales'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => f.replace('.yml', ''));
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const names = (message: string) => [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
/** `a_b_other` → `a_b`: the key of a count's message. */
const stem = (key: string) => key.replace(new RegExp(`_(${CATEGORIES.join('|')})$`), '');

describe('translations', async () => {
  const english = await loadMessages('en');
  afterEach(() => useLanguage('en'));

  it('has English and at least one more complete language', () => {
    expect(LANGS).toContain('en');
    expect(LANGS.length).toBeGreaterThanOrEqual(2);
  });

  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has every English text, with the same named values',
    async (lang) => {
      const messages = await loadMessages(lang);
      const stems = (m: typeof english) => new Set(Object.keys(m).map(stem));
      expect([...stems(messages)].sort()).toEqual([...stems(english)].sort());
      for (const [key, { message }] of Object.entries(messages)) {
        expect(message.trim(), key).not.toBe('');
        const source = english[key] ?? english[`${stem(key)}_other`];
        expect(names(message), key).toEqual(names(source!.message));
      }
      // Each count has a form for every category the language's plural rules use.
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of Object.keys(english).filter((k) => k.endsWith('_other')))
        for (const category of categories)
          expect(messages, `${stem(key)}_${category}`).toHaveProperty(`${stem(key)}_${category}`);
    },
  );

  it.each(LANGS)('%s has no stray dollar sign (the browser reads $1 and $name$ itself)', async (lang) => {
    for (const [key, { message }] of Object.entries(await loadMessages(lang)))
      expect(message.replaceAll('$$', ''), key).not.toMatch(/\$/);
  });

  it('counts in Russian with its four forms, and formats days and numbers in the user’s locale', async () => {
    await useLanguage('ru');
    expect(t('extName')).toBe('Hostlens');
    expect(formatNumber(1000)).toBe('1\u00a0000');
    expect([1, 3, 5, 21].map((n) => plural('pageHosts.count', n))).toEqual([
      '(1 хост)',
      '(3 хоста)',
      '(5 хостов)',
      '(21 хост)',
    ]);
    expect(formatDay(Date.UTC(2016, 3, 20))).toMatch(/^20 апр\. 2016/);
    await useLanguage('en');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatDay(Date.UTC(2016, 3, 20))).toBe('Apr 20, 2016');
  });

  it('fills a named value once: a value holding {count} stays as it is', () => {
    expect(t('pageHosts.watchHost', { host: '{host} {count}' })).toBe('Watch {host} {count}');
    expect(plural('pageHosts.count', 1000)).toBe('(1,000 hosts)');
  });
});
