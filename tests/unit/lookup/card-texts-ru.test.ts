// The card's and the live DNS section's texts in Russian: counts take their four forms, and the
// background's messages (errors, waits, statuses) follow the browser's language.
import { afterEach, describe, expect, it } from 'vitest';
import { reportAsText } from '@/components/report-as-text';
import { recordExplanation, recordHelp } from '@/utils/dns/record-help';
import { describeStatus } from '@/utils/dns/model';
import { normalizeHost } from '@/utils/hosts/host';
import { describeHomograph } from '@/utils/hosts/homograph';
import { parseLookupInput } from '@/utils/hosts/parse-input';
import { plural } from '@/utils/i18n/messages';
import type { DnsReport } from '@/utils/lookup/dns-report';
import { formatWait } from '@/utils/lookup/errors';
import { summarizeReport } from '@/utils/lookup/summarize-report';
import { useLanguage } from '../support/i18n-messages';

function report(addresses: number, cnameSteps = 0): DnsReport {
  const name = 'news.example';
  return {
    host: normalizeHost(name)!,
    resolver: 'https://doh.test/dns-query',
    startedAt: Date.UTC(2026, 10, 27, 3, 5),
    finishedAt: Date.UTC(2026, 10, 27, 3, 5),
    status: 'NOERROR',
    authenticated: true,
    questions: [],
    cnameChain: cnameSteps ? [name, ...Array.from({ length: cnameSteps }, (_, i) => `c${i}.test`)] : [],
    addresses: Array.from({ length: addresses }, (_, i) => `192.0.2.${i + 1}`),
    mailExchanges: [],
    ptrNames: [],
    addressInfo: [],
  };
}

describe('card texts in Russian', () => {
  afterEach(() => useLanguage('en'));

  it('counts addresses and CNAME steps with one / few / many', async () => {
    await useLanguage('ru');
    expect([1, 3, 5, 21].map((n) => summarizeReport(report(n)))).toEqual([
      'Указывает на 1 адрес.',
      'Указывает на 3 адреса.',
      'Указывает на 5 адресов.',
      'Указывает на 21 адрес.',
    ]);
    expect(summarizeReport(report(3, 1))).toBe('Указывает на 3 адреса через 1 шаг CNAME.');
    expect(summarizeReport(report(5, 3))).toBe('Указывает на 5 адресов через 3 шага CNAME.');
    expect(summarizeReport(report(1, 5))).toBe('Указывает на 1 адрес через 5 шагов CNAME.');
    expect([1, 3, 5].map((n) => plural('card.showMore', n))).toEqual([
      'показать ещё (1 символ)',
      'показать ещё (3 символа)',
      'показать ещё (5 символов)',
    ]);
  });

  it('says statuses, waits, look-alikes, help and input problems in Russian', async () => {
    await useLanguage('ru');
    expect(summarizeReport({ ...report(0), status: 'NXDOMAIN' })).toBe('Имя не существует (NXDOMAIN).');
    expect(describeStatus('SERVFAIL')).toBe('сбой резолвера (SERVFAIL)');
    expect(formatWait(40_000)).toBe('40 с');
    expect(formatWait(3 * 3_600_000)).toBe('3 ч');
    expect(describeHomograph({ label: 'pаypal', kind: 'mixed-script', scripts: ['Latin', 'Cyrillic'] })).toBe(
      '«pаypal» смешивает разные письменности (латиница и кириллица): это может быть имитация другого имени.',
    );
    expect(recordHelp('AAAA')).toBe('AAAA: IPv6-адрес, на который указывает имя.');
    expect(recordExplanation('BOGUS')).toBeUndefined();
    expect(parseLookupInput('not a host!')).toEqual({
      ok: false,
      message: '«not a host!» — не имя хоста и не IP-адрес.',
    });
    expect(reportAsText(report(1)).split('\n').slice(1)).toEqual([
      'Указывает на 1 адрес.',
      'Резолвер: https://doh.test/dns-query, 2026-11-27T03:05:00.000Z; DNSSEC проверено (AD)',
    ]);
  });

  it('keeps the English texts as they were', () => {
    expect(summarizeReport(report(2))).toBe('Resolves to 2 addresses.');
    expect(summarizeReport(report(1, 2))).toBe('Resolves to 1 address through 2 CNAME steps.');
    expect(describeHomograph({ label: 'аррӏе', kind: 'whole-script', scripts: ['Cyrillic'] })).toBe(
      '“аррӏе” is written in Cyrillic letters that look like Latin ones: it may imitate a Latin name.',
    );
    expect(describeHomograph({ label: 'pаypal', kind: 'mixed-script', scripts: ['Latin', 'Cyrillic'] })).toBe(
      '“pаypal” mixes Latin and Cyrillic letters: it may imitate another name.',
    );
    expect(recordHelp('CNAME')).toBe(
      'CNAME: this name is an alias; the real records live at the target name.',
    );
    expect(formatWait(5000)).toBe('5 s');
    expect(plural('card.showMore', 1234)).toBe('show more (1,234 more characters)');
  });
});
