// The options page's own texts, in English and in Russian.
import { afterEach, describe, expect, it } from 'vitest';
import { parseExcludedSites } from '@/components/excluded-sites-field';
import { RESOLVER_PRESETS } from '@/utils/dns/resolver-presets';
import { formatNumber } from '@/utils/i18n/format';
import { plural, t } from '@/utils/i18n/messages';
import { useLanguage } from '../support/i18n-messages';

describe('options texts', () => {
  afterEach(() => useLanguage('en'));

  it('says in English which line of the excluded sites is wrong', () => {
    expect(parseExcludedSites('example.com\n\nnot a site!')).toEqual({
      ok: false,
      message: 'Sites where Hostlens stays off, line 3: “not a site!” is not a site name.',
    });
    expect(parseExcludedSites('mail.example.com\nexample.org\nmail.example.com')).toEqual({
      ok: true,
      sites: ['mail.example.com', 'example.org'],
    });
  });

  it('keeps the English limits as they were', () => {
    expect(plural('options.errors.maxChanges', 100_000, { min: formatNumber(100) })).toBe(
      'Keep at most 100 to 100,000 changes.',
    );
    expect(plural('options.errors.maxDays', 3650, { min: formatNumber(1) })).toBe(
      'Keep changes for 1 to 3,650 days.',
    );
    expect(RESOLVER_PRESETS.map((p) => t(p.note))).toContain(
      'Filtering: names Quad9 considers malicious answer “does not exist”.',
    );
  });

  it('speaks Russian, with the right form for 1, 3 and 5', async () => {
    await useLanguage('ru');
    expect(plural('options.errors.maxDays', 1, { min: formatNumber(1) })).toBe(
      'Хранить изменения можно от 1 до 1 дня.',
    );
    expect(plural('options.errors.maxDays', 3, { min: formatNumber(1) })).toBe(
      'Хранить изменения можно от 1 до 3 дней.',
    );
    expect(plural('options.errors.maxDays', 5, { min: formatNumber(1) })).toBe(
      'Хранить изменения можно от 1 до 5 дней.',
    );
    expect(plural('options.errors.maxChanges', 100_000, { min: formatNumber(100) })).toBe(
      'Хранить можно от 100 до 100\u00a0000 изменений.',
    );
    expect(parseExcludedSites('bad site')).toEqual({
      ok: false,
      message: 'Сайты, где Hostlens выключен, строка 1: «bad site» — не имя сайта.',
    });
    expect(t('options.title')).toBe('Настройки Hostlens');
    const adguard = RESOLVER_PRESETS.find((p) => p.id === 'adguard-unfiltered')!;
    expect(t(adguard.labelKey!)).toBe('AdGuard DNS без фильтрации');
  });
});
