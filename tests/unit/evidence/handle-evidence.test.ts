// The exportEvidence message: validated, bounded, live DNS only through the given `askDns`,
// history and registration read from what the history and RDAP clients kept — never fetched.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DnsRecord, QueryType } from '@/utils/dns/model';
import type { EvidenceReport } from '@/utils/evidence/evidence-report';
import {
  evidenceDeps,
  handleExportEvidence,
  MAX_EVIDENCE_HOSTS,
  type EvidenceDeps,
} from '@/utils/evidence/handle-evidence';
import { createHistoryClient } from '@/utils/history/history-client';
import { mnemonic } from '@/utils/history/mnemonic';
import { createRdapClient } from '@/utils/history/rdap-client';
import { normalizeHost } from '@/utils/hosts/host';
import type { AskDns } from '@/utils/lookup/dns-engine';
import { ok } from '@/utils/lookup/errors';
import { createStoredCache } from '@/utils/lookup/stored-cache';
import type { MarkedHost } from '@/utils/page/page-marks';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';
import { recordTabHosts } from '@/utils/tab-hosts/tab-hosts';
import { a, answer } from '../support/dns-responses';

const T = Date.UTC(2026, 10, 27, 1, 2, 3);
const RESOLVER = 'https://doh.test/dns-query';

const ZONE: Record<string, DnsRecord[]> = {
  'mail1.trump-email.com/A': [a('mail1.trump-email.com', '66.216.133.29')],
  'hostile.contact-client.com/A': [a('hostile.contact-client.com', '192.0.2.67')],
  'hostile.contact-client.com/TXT': [
    {
      name: 'hostile.contact-client.com',
      type: 'TXT',
      ttl: 300,
      value: '<script>alert(2)</script>',
      strings: ['<script>alert(2)</script>'],
    },
  ],
};
const dnsAsk: AskDns = async ({ name, type }) =>
  ok(answer(name, type as QueryType, ZONE[`${name}/${type}`] ?? [], { fetchedAt: T }));

const marked = (host: string, kind: MarkedHost['kind'] = 'domain'): MarkedHost => ({
  host,
  kind,
  count: 1,
  context: `… ${host} …`,
});

function fakeDeps(over: Partial<EvidenceDeps> = {}): EvidenceDeps {
  return {
    askDns: vi.fn(dnsAsk),
    readTabHosts: async () => [marked('mail1.trump-email.com'), marked('hostile.contact-client.com')],
    readTab: async () => ({ url: 'https://news.example/story', title: 'A server that talked to a bank' }),
    resolverUrl: async () => RESOLVER,
    keptHistory: async () => [],
    keptRegistration: async () => null,
    now: () => T,
    ...over,
  };
}

const parsed = (result: Awaited<ReturnType<typeof handleExportEvidence>>): EvidenceReport => {
  if (!result.ok) throw new Error(result.message);
  return JSON.parse(result.json) as EvidenceReport;
};

describe('handleExportEvidence', () => {
  it.each([[undefined], [null], [{}], [{ tabId: -1 }], [{ tabId: 1.5 }], [{ tabId: '3' }], [3]])(
    'refuses a malformed request %j without reading or asking anything',
    async (data) => {
      const deps = fakeDeps({ readTabHosts: vi.fn(), readTab: vi.fn() });
      expect(await handleExportEvidence(data, deps)).toEqual({
        ok: false,
        message: 'Hostlens received a malformed export request.',
      });
      expect(deps.readTabHosts).not.toHaveBeenCalled();
      expect(deps.readTab).not.toHaveBeenCalled();
      expect(deps.askDns).not.toHaveBeenCalled();
    },
  );

  it('says so when the page has no hosts', async () => {
    const deps = fakeDeps({ readTabHosts: async () => [] });
    expect(await handleExportEvidence({ tabId: 7 }, deps)).toEqual({
      ok: false,
      message: 'Hostlens found no hosts on this page to report.',
    });
    expect(deps.askDns).not.toHaveBeenCalled();
  });

  it('reports the page, time and resolver, each host’s live DNS, and kept history and registration', async () => {
    const keptHistory = vi.fn(async (host: { name: string }) =>
      host.name === 'mail1.trump-email.com'
        ? [
            {
              source: 'Mnemonic',
              total: 1,
              observations: [
                {
                  rrname: host.name,
                  rrtype: 'A',
                  rdata: '66.216.133.29',
                  firstSeen: Date.UTC(2016, 4, 3),
                  lastSeen: Date.UTC(2016, 8, 23),
                  count: 145,
                  source: 'Mnemonic',
                },
              ],
            },
          ]
        : [],
    );
    const deps = fakeDeps({ keptHistory });
    const result = await handleExportEvidence({ tabId: 7 }, deps);
    const report = parsed(result);
    expect(report).toMatchObject({
      format: 'hostlens-evidence',
      version: 1,
      createdAt: '2026-11-27T01:02:03.000Z',
      page: { url: 'https://news.example/story', title: 'A server that talked to a bank' },
      resolver: RESOLVER,
      omittedHosts: 0,
    });
    expect(report.hosts.map((h) => h.host)).toEqual(['mail1.trump-email.com', 'hostile.contact-client.com']);
    expect(report.hosts[0]!.dns.records).toContainEqual(
      expect.objectContaining({ type: 'A', ttl: 300, value: '66.216.133.29' }),
    );
    expect(report.hosts[0]!.history![0]!.observations[0]).toMatchObject({
      rdata: '66.216.133.29',
      count: 145,
    });
    expect(report.hosts[1]!.history).toBeNull();
    // Every question went to the user's resolver through the given askDns.
    const asked = vi.mocked(deps.askDns).mock.calls.map(([q]) => q);
    expect(new Set(asked.map((q) => q.resolver))).toEqual(new Set([RESOLVER]));
    expect(asked.some((q) => q.fresh)).toBe(false);
    expect(result.ok && result.filename).toBe('hostlens-evidence-news.example-2026-11-27T01-02-03-000Z');
    expect(result.ok && result.markdown).toContain(
      '| TXT | ` hostile.contact-client.com ` | 300 | ` <script>alert(2)</script> ` |',
    );
  });

  it('says so, rather than failing, when the browser gives no address or title', async () => {
    const result = await handleExportEvidence(
      { tabId: 7 },
      fakeDeps({ readTab: async () => ({ url: null, title: null }) }),
    );
    expect(parsed(result).page).toEqual({ url: null, title: null });
    expect(result.ok && result.markdown).toContain('- Page: address not available to Hostlens');
    expect(result.ok && result.filename).toMatch(/^hostlens-evidence-page-/);
  });

  it('keeps going when a kept answer cannot be read', async () => {
    const deps = fakeDeps({
      keptHistory: async () => Promise.reject(new Error('storage')),
      keptRegistration: async () => Promise.reject(new Error('storage')),
    });
    const report = parsed(await handleExportEvidence({ tabId: 7 }, deps));
    expect(report.hosts.map((h) => [h.history, h.registration])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it(`reports at most ${MAX_EVIDENCE_HOSTS} hosts, in the page’s order, a few at a time`, async () => {
    const many = Array.from({ length: MAX_EVIDENCE_HOSTS + 7 }, (_, i) => marked(`h${i}.example.com`));
    let inFlight = 0;
    let most = 0;
    const keptHistory = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 0));
      inFlight--;
      return [];
    };
    const report = parsed(
      await handleExportEvidence({ tabId: 7 }, fakeDeps({ readTabHosts: async () => many, keptHistory })),
    );
    expect(report.hosts).toHaveLength(MAX_EVIDENCE_HOSTS);
    expect(report.omittedHosts).toBe(7);
    expect(report.hosts.map((h) => h.host)).toEqual(many.slice(0, MAX_EVIDENCE_HOSTS).map((m) => m.host));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(6);
  });
});

describe('evidenceDeps (the real readers)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the tab’s hosts, address and title, and the answers the history and RDAP clients kept', async () => {
    const host = normalizeHost('mail1.trump-email.com')!;
    const settings = {
      ...DEFAULT_SETTINGS,
      resolverUrl: RESOLVER,
      mnemonic: { enabled: true, baseUrl: 'https://pdns.test' },
      rdap: { ...DEFAULT_SETTINGS.rdap, baseUrl: 'https://rdap.test/' },
    };
    await saveSettings(settings);
    await recordTabHosts(7, [marked('mail1.trump-email.com')]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({
      id: 7,
      url: 'https://news.example/story',
      title: 'The story',
    } as never);

    // What opening the card did earlier: the clients fetched and kept their answers.
    const pdnsFetch = vi.fn(async () =>
      Response.json({
        responseCode: 200,
        limit: 1000,
        offset: 0,
        count: 1,
        size: 1,
        metaData: {},
        messages: [],
        data: [
          {
            query: host.name,
            answer: '66.216.133.29',
            rrtype: 'a',
            rrclass: 'in',
            firstSeenTimestamp: Date.UTC(2016, 4, 3),
            lastSeenTimestamp: Date.UTC(2016, 8, 23),
            times: 145,
          },
        ],
      }),
    );
    const askHistory = createHistoryClient({
      fetch: pdnsFetch,
      cache: createStoredCache('pdns', { maxEntries: 300 }),
    });
    expect((await askHistory(mnemonic, 'https://pdns.test', undefined, host)).ok).toBe(true);
    const rdapFetch = vi.fn(async () =>
      Response.json({
        objectClassName: 'domain',
        ldhName: 'TRUMP-EMAIL.COM',
        status: ['client transfer prohibited'],
        events: [{ eventAction: 'registration', eventDate: '2016-04-01T00:00:00Z' }],
      }),
    );
    const askRdap = createRdapClient({ fetch: rdapFetch });
    expect((await askRdap(host, settings.rdap)).ok).toBe(true);

    const ask = vi.fn(dnsAsk);
    const report = parsed(await handleExportEvidence({ tabId: 7 }, evidenceDeps(ask)));
    expect(report.page).toEqual({ url: 'https://news.example/story', title: 'The story' });
    expect(report.resolver).toBe(RESOLVER);
    expect(report.hosts[0]!.history![0]).toMatchObject({
      source: 'Mnemonic',
      observations: [{ rdata: '66.216.133.29', count: 145 }],
    });
    expect(report.hosts[0]!.registration).toMatchObject({
      outcome: 'domain',
      domain: 'trump-email.com',
      created: '2016-04-01T00:00:00.000Z',
    });
    // Nothing was fetched for the report: the sources were asked once each, before it.
    expect(pdnsFetch).toHaveBeenCalledTimes(1);
    expect(rdapFetch).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalled();
  });

  it('reads nothing kept for a host never looked up, and gives nulls when tabs.get refuses', async () => {
    await recordTabHosts(7, [marked('hostile.contact-client.com')]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 7'));
    const report = parsed(await handleExportEvidence({ tabId: 7 }, evidenceDeps(dnsAsk)));
    expect(report.page).toEqual({ url: null, title: null });
    expect(report.hosts[0]).toMatchObject({
      host: 'hostile.contact-client.com',
      history: null,
      registration: null,
    });
  });
});
