import { describe, expect, it } from 'vitest';
import { carryOver, describeChange, diffSnapshots } from '@/utils/watchlist/diff-snapshots';
import type { Snapshot } from '@/utils/watchlist/model';

const snap = (over: Partial<Snapshot> = {}): Snapshot => ({
  takenAt: 1000,
  resolver: 'https://doh.test/dns-query',
  status: 'NOERROR',
  records: { A: ['66.216.133.29'] },
  namesOnAddresses: { '66.216.133.29': [] },
  registration: {
    registrar: 'Example Registrar',
    expires: Date.UTC(2017, 3, 1),
    statuses: ['active'],
    nameservers: ['ns1.test'],
  },
  incomplete: [],
  ...over,
});

const H = 'mail1.trump-email.com';
// The page shows each change rebuilt from its fields (`describeChange`): the same sentence as the
// stored English message, except that days are in the reader's format.
const summary = (prev: Snapshot | undefined, next: Snapshot) =>
  diffSnapshots(H, prev, next).map((c) => {
    if (c.subject !== 'expires') expect(describeChange(c)).toBe(c.message);
    return [c.kind, c.subject, c.message];
  });

describe('diffSnapshots', () => {
  it('the seed scenario: the A record disappears, and a new name appears on the former address', () => {
    const next = snap({
      takenAt: 2000,
      records: {},
      namesOnAddresses: { '66.216.133.29': ['trump1.contact-client.com'] },
    });
    expect(summary(snap(), next)).toEqual([
      ['status', 'addresses', 'stopped resolving (was 66.216.133.29)'],
      ['removed', 'A', 'A record removed: 66.216.133.29'],
      ['new-name', '66.216.133.29', 'new name on 66.216.133.29: trump1.contact-client.com'],
    ]);
  });

  it.each<[string, Partial<Snapshot>, Partial<Snapshot>, Array<[string, string, string]>]>([
    ['nothing changed', {}, {}, []],
    [
      'NXDOMAIN appears',
      {},
      { status: 'NXDOMAIN', records: {} },
      [
        ['status', 'status', 'no longer exists (NXDOMAIN)'],
        ['status', 'addresses', 'stopped resolving (was 66.216.133.29)'],
        ['removed', 'A', 'A record removed: 66.216.133.29'],
      ],
    ],
    [
      'NXDOMAIN disappears',
      { status: 'NXDOMAIN', records: {} },
      {},
      [
        ['status', 'status', 'exists again (NOERROR)'],
        ['status', 'addresses', 'resolves again, to 66.216.133.29'],
        ['added', 'A', 'A record added: 66.216.133.29'],
      ],
    ],
    [
      'an address is replaced, MX added',
      {},
      { records: { A: ['192.0.2.9'], MX: ['10 mx.test'] } },
      [
        ['removed', 'A', 'A record removed: 66.216.133.29'],
        ['added', 'A', 'A record added: 192.0.2.9'],
        ['added', 'MX', 'MX record added: 10 mx.test'],
      ],
    ],
    [
      'registrar, expiry, status and name servers change',
      {},
      {
        registration: {
          registrar: 'Other Registrar',
          expires: Date.UTC(2018, 3, 1),
          statuses: ['client hold'],
          nameservers: ['ns2.test'],
        },
      },
      [
        ['registration', 'registrar', 'registrar changed from Example Registrar to Other Registrar'],
        ['registration', 'expires', 'expiry date changed from 2017-04-01 to 2018-04-01'],
        ['registration', 'status', 'registry status added: client hold'],
        ['registration', 'status', 'registry status removed: active'],
        ['registration', 'nameservers', 'name servers changed: +ns2.test, −ns1.test'],
      ],
    ],
    [
      'the domain is deleted at the registry',
      {},
      { registration: null },
      [['registration', 'registered', 'the registry no longer has a record of the domain']],
    ],
    [
      'a newly watched address is a baseline',
      {},
      { namesOnAddresses: { '66.216.133.29': [], '192.0.2.1': ['x.test'] } },
      [],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(summary(snap(before), snap({ takenAt: 2000, ...after }))).toEqual(expected);
  });

  it('the first check is the baseline: no changes', () => {
    expect(diffSnapshots(H, undefined, snap())).toEqual([]);
  });

  it('a part that could not be read is not compared, and its last value is carried over', () => {
    const failed = snap({
      takenAt: 2000,
      records: {},
      status: 'unknown',
      namesOnAddresses: {},
      incomplete: ['dns', 'history'],
    });
    expect(diffSnapshots(H, snap(), failed)).toEqual([]);
    const kept = carryOver(snap(), failed);
    expect(kept.records).toEqual({ A: ['66.216.133.29'] });
    expect(kept.status).toBe('NOERROR');
    expect(kept.namesOnAddresses).toEqual({ '66.216.133.29': [] });
    expect(kept.incomplete).toEqual([]);
  });

  it('each change carries the host, time, value and previous value', () => {
    const [change] = diffSnapshots(
      H,
      snap(),
      snap({ takenAt: 5, registration: { ...snap().registration!, registrar: 'B' } }),
    );
    expect(change).toEqual({
      host: H,
      at: 5,
      kind: 'registration',
      subject: 'registrar',
      value: 'B',
      previous: 'Example Registrar',
      message: 'registrar changed from Example Registrar to B',
    });
  });
});
