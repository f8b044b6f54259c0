// @vitest-environment happy-dom
// The history, registration and certificates sections and their sources' messages, read in the
// user's language: dates in the locale's format, counts with every Russian plural form.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSources } from '@/components/check-sources';
import { CertificatesSection } from '@/components/certificates-section';
import { HistorySections } from '@/components/history-sections';
import { RegistrationSection } from '@/components/registration-section';
import type { HistoryReport, SourceOutcome } from '@/utils/history/history-report';
import { commonError } from '@/utils/history/source-errors';
import { COF_SOURCE } from '@/utils/history/sources';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { useLanguage } from '../support/i18n-messages';

const DAY = Date.UTC(2016, 3, 20);

function report(outcomes: SourceOutcome[]): HistoryReport {
  const entry = {
    rrname: 'example.com',
    rrtype: 'A',
    rdata: '192.0.2.1',
    firstSeen: DAY,
    lastSeen: Date.UTC(2020, 0, 2),
    sightings: [{ source: COF_SOURCE, firstSeen: DAY, lastSeen: DAY, count: 1500 }],
  };
  return {
    host: 'example.com',
    kind: 'domain',
    sources: outcomes,
    neighbourSources: [],
    history: { state: 'ok', data: [entry], total: 120 },
    neighbours: { state: 'empty' },
  };
}

const outcome = (source: string, rows: number): SourceOutcome => ({ source, state: 'ok', rows, total: rows });

function show(vnode: preact.VNode): HTMLElement {
  const root = document.createElement('div');
  render(vnode, root);
  return root;
}

const texts = (root: HTMLElement, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('history texts', () => {
  afterEach(() => useLanguage('en'));

  it('shows English days and counts as before', () => {
    const root = show(
      <HistorySections response={{ ok: true, report: report([outcome('Mnemonic', 1)]) }} dns={null} />,
    );
    expect(root.querySelector('[data-observation] .meta')!.textContent).toBe(
      'A · Apr 20, 2016 → Jan 2, 2020',
    );
    expect(root.querySelector('.sightings')!.textContent).toBe('Passive DNS server (COF) 1,500×');
    expect(texts(root, '[data-source]')).toEqual(['Mnemonic: 1 observation.']);
    expect(root.textContent).toContain('Showing 1 of 120 observations.');
  });

  it('counts observations, days and certificates in Russian with one/few/many', async () => {
    await useLanguage('ru');
    const root = show(
      <HistorySections
        response={{
          ok: true,
          report: report([outcome('Mnemonic', 1), outcome('DNSDB', 3), outcome('Validin', 5)]),
        }}
        dns={null}
      />,
    );
    expect(texts(root, '[data-source]')).toEqual([
      'Mnemonic: 1 наблюдение.',
      'DNSDB: 3 наблюдения.',
      'Validin: 5 наблюдений.',
    ]);
    expect(root.querySelector('h3')!.textContent).toBe('История (пассивный DNS)');
    expect(root.querySelector('.sightings')!.textContent).toBe('Сервер пассивного DNS (COF) 1\u00a0500×');
    expect(root.querySelector('[data-observation] .meta')!.textContent).toMatch(/^A · 20 апр\. 2016/);

    const young = (days: number) =>
      show(
        <RegistrationSection
          section={{
            state: 'ok',
            total: 1,
            data: {
              domain: 'example.com',
              created: Date.now() - days * 86_400_000 - 1000,
              statuses: [],
              nameservers: [],
              server: 'rdap.example',
            },
          }}
        />,
      ).querySelector('[role="note"]')!.textContent;
    expect([1, 3, 5].map(young)).toEqual([
      '⚠ Зарегистрирован 1 день назад.',
      '⚠ Зарегистрирован 3 дня назад.',
      '⚠ Зарегистрирован 5 дней назад.',
    ]);

    const certs = show(
      <CertificatesSection
        section={{
          state: 'ok',
          total: 3,
          data: {
            names: [1, 3, 5].map((n) => ({
              name: `n${n}.example.com`,
              firstSeen: DAY,
              issuers: [],
              certificates: n,
              sources: ['crt.sh'],
            })),
            sources: [
              { source: 'Cert Spotter', state: 'ok', found: 3, more: false },
              { source: 'crt.sh', state: 'ok', found: 3, more: false },
            ],
          },
        }}
      />,
    );
    expect(texts(certs, '[data-observation] .meta').map((t) => t!.split(' · ')[1])).toEqual([
      '1 сертификат',
      '3 сертификата',
      '5 сертификатов',
    ]);
    expect(certs.textContent).toContain(
      'Источники: Cert Spotter и crt.sh; истёкшие сертификаты не показаны.',
    );
  });

  it('says plainly, in both languages, when the registration came over plain http', async () => {
    const registration = (unencrypted: boolean) =>
      show(
        <RegistrationSection
          section={{
            state: 'ok',
            total: 1,
            data: {
              domain: 'example.ht',
              statuses: [],
              nameservers: [],
              server: 'rdap.plain.test',
              ...(unencrypted ? { unencrypted: true as const } : {}),
            },
          }}
        />,
      ).querySelector('[data-field="unencrypted"]')?.textContent;
    expect(registration(false)).toBeUndefined();
    expect(registration(true)).toBe(
      '⚠ rdap.plain.test answered over plain HTTP: this answer was not encrypted, so anyone on the network path could have read or changed it.',
    );
    await useLanguage('ru');
    expect(registration(true)).toBe(
      '⚠ rdap.plain.test ответил по обычному HTTP: ответ не был зашифрован, и любой на пути в сети мог его прочитать или изменить.',
    );
  });

  it('words the sources’ errors and the options check in Russian', async () => {
    await useLanguage('ru');
    const error = commonError(COF_SOURCE, { status: 403, body: '', contentType: null, retryAfter: null }, 0);
    expect(error).toMatchObject({
      ok: false,
      error: { message: 'Сервер пассивного DNS (COF): ключ отклонён (HTTP 403).' },
    });
    const settings = { ...DEFAULT_SETTINGS, virustotal: { ...DEFAULT_SETTINGS.virustotal, enabled: true } };
    expect(checkSources(settings, {})).toEqual({
      ok: false,
      message: 'Для VirusTotal нужен ключ API: введите его или выключите VirusTotal.',
    });
  });
});
