import { describe, expect, it, vi } from 'vitest';
import { buildHistoryReport } from '@/utils/history/history-report';
import type { Observation } from '@/utils/history/model';
import { normalizeHost } from '@/utils/hosts/host';
import { fail, ok } from '@/utils/lookup/errors';

const obs = (rrname: string, rdata: string, lastSeen: number): Observation => ({
  rrname,
  rrtype: 'A',
  rdata,
  firstSeen: lastSeen - 1000,
  lastSeen,
  source: 'Mnemonic',
});

describe('buildHistoryReport', () => {
  it('lists the name’s history, newest first, and other names on its recent addresses', async () => {
    const ask = vi.fn(async (_base: string, query: string) =>
      ok({
        source: 'Mnemonic',
        total: 2,
        observations:
          query === 'mail1.trump-email.com'
            ? [obs('mail1.trump-email.com', '192.0.2.1', 1), obs('mail1.trump-email.com', '66.216.133.29', 5)]
            : [obs('mail1.trump-email.com', query, 5), obs('trump1.contact-client.com', query, 9)],
      }),
    );
    const report = await buildHistoryReport(normalizeHost('mail1.trump-email.com')!, 'b', ask);
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
    const ask = vi.fn(async () =>
      fail({ kind: 'rate-limited' as const, message: 'Mnemonic: limit reached, try again in 3 h.' }),
    );
    const report = await buildHistoryReport(normalizeHost('x.example.com')!, 'b', ask);
    expect(report.history).toMatchObject({ state: 'error' });
    expect(report.neighbours).toMatchObject({ state: 'error' });
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('for an address, lists the names seen on it', async () => {
    const ask = vi.fn(async () =>
      ok({
        source: 'Mnemonic',
        total: 1,
        observations: [obs('trump1.contact-client.com', '66.216.133.29', 9)],
      }),
    );
    const report = await buildHistoryReport(normalizeHost('66.216.133.29')!, 'b', ask);
    expect(report.neighbours.state === 'ok' && report.neighbours.data[0]!.names.map((o) => o.rrname)).toEqual(
      ['trump1.contact-client.com'],
    );
  });
});
