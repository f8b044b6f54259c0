// The report model: what each host's live DNS, kept history and kept registration become in the
// JSON a fact-checker attaches (ISO times, the records as asked, nothing fetched for it).
import { describe, expect, it } from 'vitest';
import type { DnsRecord, QueryType } from '@/utils/dns/model';
import { buildEvidenceReport, evidenceFilename, evidenceHost } from '@/utils/evidence/evidence-report';
import type { RdapAnswer } from '@/utils/history/rdap-client';
import { normalizeHost } from '@/utils/hosts/host';
import type { AskDns } from '@/utils/lookup/dns-engine';
import { buildDnsReport } from '@/utils/lookup/dns-report';
import { fail, ok } from '@/utils/lookup/errors';
import { a, answer } from '../support/dns-responses';

const T = Date.UTC(2026, 10, 27, 1, 2, 3);
const txt = (name: string, value: string): DnsRecord => ({
  name,
  type: 'TXT',
  ttl: 300,
  value,
  strings: [value],
});

// The story's mail server, as tests/fixtures/zones/trump-email.com.zone has it.
const ZONE: Record<string, DnsRecord[]> = {
  'mail1.trump-email.com/A': [a('mail1.trump-email.com', '66.216.133.29')],
  'mail1.trump-email.com/AAAA': [
    { name: 'mail1.trump-email.com', type: 'AAAA', ttl: 300, value: '2001:db8:66::29' },
  ],
  '_dmarc.mail1.trump-email.com/TXT': [txt('_dmarc.mail1.trump-email.com', 'v=DMARC1; p=none')],
  'www.trump-email.com/A': [
    { name: 'www.trump-email.com', type: 'CNAME', ttl: 300, value: 'web.trump-email.com' },
    { name: 'web.trump-email.com', type: 'CNAME', ttl: 300, value: 'cdn.trump-email.com' },
    a('cdn.trump-email.com', '198.51.100.7', 120),
  ],
};

const ask =
  (authenticated: boolean, down: string[] = []): AskDns =>
  async ({ name, type }) =>
    down.includes(`${name}/${type}`)
      ? fail({ kind: 'timeout', message: 'doh.test did not answer in 5 s.' })
      : ok(
          answer(name, type as QueryType, ZONE[`${name}/${type}`] ?? [], {
            authenticated,
            fetchedAt: T - 60_000,
          }),
        );

async function hostOf(name: string, options: { authenticated?: boolean; down?: string[] } = {}) {
  const host = normalizeHost(name)!;
  const dns = await buildDnsReport(
    host,
    'https://doh.test/dns-query',
    ask(options.authenticated ?? false, options.down),
    {
      now: () => T,
    },
  );
  return { host, dns };
}

describe('evidenceHost', () => {
  it('lists each answer’s records with TTLs and when they were answered, DMARC included', async () => {
    const { dns } = await hostOf('mail1.trump-email.com');
    const host = evidenceHost({
      marked: {
        host: 'mail1.trump-email.com',
        kind: 'domain',
        count: 3,
        context: 'registered to … mail1.trump-email.com',
      },
      display: 'mail1.trump-email.com',
      dns,
      history: [],
      registration: null,
    });
    expect(host).toMatchObject({
      host: 'mail1.trump-email.com',
      mentions: 3,
      history: null,
      registration: null,
      dns: { status: 'NOERROR', dnssecValidated: false, checkedAt: '2026-11-27T01:02:03.000Z', problems: [] },
    });
    expect(host).not.toHaveProperty('display');
    expect(host.dns.records).toEqual([
      {
        type: 'A',
        name: 'mail1.trump-email.com',
        ttl: 300,
        value: '66.216.133.29',
        answeredAt: '2026-11-27T01:01:03.000Z',
      },
      {
        type: 'AAAA',
        name: 'mail1.trump-email.com',
        ttl: 300,
        value: '2001:db8:66::29',
        answeredAt: '2026-11-27T01:01:03.000Z',
      },
      {
        type: 'TXT',
        name: '_dmarc.mail1.trump-email.com',
        ttl: 300,
        value: 'v=DMARC1; p=none',
        answeredAt: '2026-11-27T01:01:03.000Z',
      },
    ]);
    expect(host.dns.addresses.map((x) => x.ip)).toEqual(['66.216.133.29', '2001:db8:66::29']);
  });

  it('keeps a CNAME chain once, and DNSSEC only when every answer was validated', async () => {
    const { dns } = await hostOf('www.trump-email.com', { authenticated: true });
    const host = evidenceHost({
      marked: { host: 'www.trump-email.com', kind: 'domain', count: 1, context: '' },
      display: 'www.trump-email.com',
      dns,
      history: [],
      registration: null,
    });
    expect(host.dns.dnssecValidated).toBe(true);
    expect(host.dns.records.map((r) => `${r.type} ${r.name} ${r.ttl} ${r.value}`)).toEqual([
      'CNAME www.trump-email.com 300 web.trump-email.com',
      'CNAME web.trump-email.com 300 cdn.trump-email.com',
      'A cdn.trump-email.com 120 198.51.100.7',
    ]);
  });

  it('says which questions went unanswered', async () => {
    const { dns } = await hostOf('mail1.trump-email.com', {
      down: ['mail1.trump-email.com/A', 'mail1.trump-email.com/MX'],
    });
    const host = evidenceHost({
      marked: { host: 'mail1.trump-email.com', kind: 'domain', count: 1, context: '' },
      display: 'mail1.trump-email.com',
      dns,
      history: [],
      registration: null,
    });
    expect(host.dns.status).toBeNull();
    expect(host.dns.problems).toEqual([
      'No status: doh.test did not answer in 5 s.',
      'mail1.trump-email.com A: doh.test did not answer in 5 s.',
      'mail1.trump-email.com MX: doh.test did not answer in 5 s.',
    ]);
  });

  it('writes kept history and registration with ISO times, and the Unicode form of a name', async () => {
    const { dns } = await hostOf('xn--bcher-kva.de');
    const host = evidenceHost({
      marked: { host: 'xn--bcher-kva.de', kind: 'domain', count: 1, context: '' },
      display: 'bücher.de',
      dns,
      history: [
        {
          source: 'Mnemonic',
          total: 1,
          observations: [
            {
              rrname: 'xn--bcher-kva.de',
              rrtype: 'A',
              rdata: '192.0.2.1',
              firstSeen: Date.UTC(2016, 4, 3),
              lastSeen: Date.UTC(2016, 8, 23),
              count: 145,
              source: 'Mnemonic',
            },
          ],
        },
      ],
      registration: {
        outcome: 'found',
        record: {
          domain: 'xn--bcher-kva.de',
          created: Date.UTC(2001, 0, 2),
          statuses: ['active'],
          nameservers: ['ns1.example'],
          server: 'rdap.denic.test',
        },
      },
    });
    expect(host.display).toBe('bücher.de');
    expect(host.history).toEqual([
      {
        source: 'Mnemonic',
        total: 1,
        observations: [
          {
            rrname: 'xn--bcher-kva.de',
            rrtype: 'A',
            rdata: '192.0.2.1',
            firstSeen: '2016-05-03T00:00:00.000Z',
            lastSeen: '2016-09-23T00:00:00.000Z',
            count: 145,
          },
        ],
      },
    ]);
    expect(host.registration).toMatchObject({
      outcome: 'domain',
      domain: 'xn--bcher-kva.de',
      created: '2001-01-02T00:00:00.000Z',
      server: 'rdap.denic.test',
    });
  });

  it.each<[RdapAnswer, object]>([
    [{ outcome: 'not-found', query: 'example.com', server: 'rdap.test' }, { outcome: 'not-found' }],
    [
      {
        outcome: 'found',
        record: {
          address: '66.216.133.29',
          name: 'EXAMPLE-NET',
          startAddress: '66.216.128.0',
          endAddress: '66.216.143.255',
          cidrs: ['66.216.128.0/20'],
          statuses: ['active'],
          registrant: 'Listrak',
          server: 'rdap.arin.test',
          registered: Date.UTC(2005, 0, 1),
        },
      },
      {
        outcome: 'network',
        range: '66.216.128.0 – 66.216.143.255',
        holder: 'Listrak',
        registered: '2005-01-01T00:00:00.000Z',
      },
    ],
  ])('keeps the registry’s answer %#', async (registration, expected) => {
    const { dns } = await hostOf('66.216.133.29');
    const host = evidenceHost({
      marked: { host: '66.216.133.29', kind: 'ipv4', count: 1, context: '' },
      display: '66.216.133.29',
      dns,
      history: [],
      registration,
    });
    expect(host.registration).toMatchObject(expected);
  });
});

describe('buildEvidenceReport', () => {
  it('is versioned and carries what its sources cannot show', () => {
    const report = buildEvidenceReport({
      createdAt: T,
      page: { url: null, title: null },
      resolver: 'https://doh.test/q',
      hosts: [],
      omittedHosts: 0,
    });
    expect(report).toMatchObject({
      format: 'hostlens-evidence',
      version: 1,
      createdAt: '2026-11-27T01:02:03.000Z',
    });
    expect(report.limits.join(' ')).toMatch(/never who looked it up/);
  });
});

describe('evidenceFilename', () => {
  it.each([
    ['https://news.example/a?b=c', 'md', 'hostlens-evidence-news.example-2026-11-27T01-02-03-000Z.md'],
    ['http://[2001:db8::1]:8080/x', 'json', 'hostlens-evidence-_2001_db8_1_-2026-11-27T01-02-03-000Z.json'],
    ['https://bücher.de/', 'md', 'hostlens-evidence-xn--bcher-kva.de-2026-11-27T01-02-03-000Z.md'],
    ['file:///etc/passwd', 'json', 'hostlens-evidence-page-2026-11-27T01-02-03-000Z.json'],
    ['not a url', 'json', 'hostlens-evidence-page-2026-11-27T01-02-03-000Z.json'],
    [null, 'json', 'hostlens-evidence-page-2026-11-27T01-02-03-000Z.json'],
  ] as const)('names the file for %j after the site and the UTC time', (url, ext, name) => {
    expect(evidenceFilename(url, T, ext)).toBe(name);
  });
});
