import { describe, expect, it, vi } from 'vitest';
import type { PdnsAdapter } from '@/utils/history/adapter';
import type { AskSource } from '@/utils/history/history-client';
import { buildHistoryReport, type EnabledSource } from '@/utils/history/history-report';
import { mergeObservations } from '@/utils/history/merge-timeline';
import type { Observation } from '@/utils/history/model';
import { mnemonic } from '@/utils/history/mnemonic';
import { normalizeHost } from '@/utils/hosts/host';
import { fail, ok } from '@/utils/lookup/errors';

const obs = (rrname: string, rdata: string, lastSeen: number, source = 'Mnemonic'): Observation => ({
  rrname,
  rrtype: 'A',
  rdata,
  firstSeen: lastSeen - 1000,
  lastSeen,
  source,
});

const other: PdnsAdapter = { ...mnemonic, id: 'dnsdb', name: 'DNSDB' };
const only = (adapter: PdnsAdapter): EnabledSource[] => [{ adapter, base: 'https://b', key: undefined }];
const both: EnabledSource[] = [...only(mnemonic), ...only(other)];

describe('buildHistoryReport', () => {
  it('lists the name’s history, newest first, and other names on its recent addresses', async () => {
    const ask = vi.fn<AskSource>(async (_adapter, _base, _key, host) =>
      ok({
        source: 'Mnemonic',
        total: 2,
        observations:
          host.name === 'mail1.trump-email.com'
            ? [obs('mail1.trump-email.com', '192.0.2.1', 1), obs('mail1.trump-email.com', '66.216.133.29', 5)]
            : [obs('mail1.trump-email.com', host.name, 5), obs('trump1.contact-client.com', host.name, 9)],
      }),
    );
    const report = await buildHistoryReport(normalizeHost('mail1.trump-email.com')!, only(mnemonic), ask);
    expect(report.history.state === 'ok' && report.history.data.map((o) => o.rdata)).toEqual([
      '66.216.133.29',
      '192.0.2.1',
    ]);
    expect(
      report.neighbours.state === 'ok' &&
        report.neighbours.data.map((n) => [n.address, n.names.map((o) => o.rrname)]),
    ).toEqual([
      ['66.216.133.29', ['trump1.contact-client.com']],
      ['192.0.2.1', ['trump1.contact-client.com']],
    ]);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('gives both sections the source’s error, and asks nothing more', async () => {
    const ask = vi.fn<AskSource>(async () =>
      fail({ kind: 'rate-limited' as const, message: 'Mnemonic: limit reached, try again in 3 h.' }),
    );
    const report = await buildHistoryReport(normalizeHost('x.example.com')!, only(mnemonic), ask);
    expect(report.history).toMatchObject({ state: 'error' });
    expect(report.neighbours).toMatchObject({ state: 'error' });
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('for an address, lists the names seen on it', async () => {
    const ask = vi.fn<AskSource>(async () =>
      ok({
        source: 'Mnemonic',
        total: 1,
        observations: [obs('trump1.contact-client.com', '66.216.133.29', 9)],
      }),
    );
    const report = await buildHistoryReport(normalizeHost('66.216.133.29')!, only(mnemonic), ask);
    expect(report.neighbours.state === 'ok' && report.neighbours.data[0]!.names.map((o) => o.rrname)).toEqual(
      ['trump1.contact-client.com'],
    );
  });

  it('keeps one source’s data when another is rate-limited, and names the one that failed', async () => {
    const ask = vi.fn<AskSource>(async (adapter, _b, _k, host) =>
      adapter.name === 'DNSDB'
        ? fail({ kind: 'rate-limited', message: 'DNSDB: limit reached, try again in 40 s.' })
        : ok({ source: 'Mnemonic', total: 1, observations: [obs(host.name, '192.0.2.7', 5)] }),
    );
    const report = await buildHistoryReport(normalizeHost('a.example.com')!, both, ask);
    expect(report.history).toMatchObject({ state: 'ok', total: 1 });
    expect(report.sources).toEqual([
      { source: 'Mnemonic', state: 'ok', rows: 1, total: 1 },
      {
        source: 'DNSDB',
        state: 'error',
        rows: 0,
        total: 0,
        message: 'DNSDB: limit reached, try again in 40 s.',
      },
    ]);
    // The failed source is not asked again for the neighbours.
    expect(ask.mock.calls.filter(([a]) => a.name === 'DNSDB')).toHaveLength(1);
  });

  it('merges the same (name, type, value) from two sources into one entry keeping both sightings', async () => {
    const ask = vi.fn<AskSource>(async (adapter, _b, _k, host) =>
      ok({
        source: adapter.name,
        total: 500,
        observations:
          host.kind === 'domain'
            ? [
                {
                  ...obs(host.name, '2001:0db8:0000:0000:0000:0000:0000:0001', 50, adapter.name),
                  rrtype: 'AAAA',
                  count: 2,
                },
              ]
            : [],
      }),
    );
    const report = await buildHistoryReport(normalizeHost('a.example.com')!, both, ask);
    expect(report.history.state).toBe('ok');
    if (report.history.state !== 'ok') return;
    expect(report.history.data).toEqual([
      {
        rrname: 'a.example.com',
        rrtype: 'AAAA',
        rdata: '2001:db8::1',
        firstSeen: -950,
        lastSeen: 50,
        sightings: [
          { source: 'Mnemonic', firstSeen: -950, lastSeen: 50, count: 2 },
          { source: 'DNSDB', firstSeen: -950, lastSeen: 50, count: 2 },
        ],
      },
    ]);
    // 1 entry read, and 499 + 499 rows the sources have but did not send.
    expect(report.history.total).toBe(999);
  });
});

describe('mergeObservations', () => {
  it('widens the span to the earliest first and latest last seen across sources, newest first', () => {
    const merged = mergeObservations([
      { ...obs('x.test', '192.0.2.1', 100, 'A'), firstSeen: 10 },
      { ...obs('x.test', '192.0.2.1', 300, 'B'), firstSeen: 50 },
      obs('x.test', '192.0.2.2', 200, 'A'),
      { ...obs('x.test', '192.0.2.1', 120, 'A'), firstSeen: 5 },
    ]);
    expect(merged.map((e) => [e.rdata, e.firstSeen, e.lastSeen, e.sightings.map((s) => s.source)])).toEqual([
      ['192.0.2.1', 5, 300, ['A', 'B']],
      ['192.0.2.2', -800, 200, ['A']],
    ]);
  });
});
