import { describe, expect, it } from 'vitest';
import type { DnsRecord, QueryType } from '@/utils/dns/model';
import type { AskDns } from '@/utils/lookup/dns-engine';
import { buildDnsReport } from '@/utils/lookup/dns-report';
import { fail, ok } from '@/utils/lookup/errors';
import { dnsSectionState, summarizeReport } from '@/utils/lookup/summarize-report';
import { normalizeHost } from '@/utils/hosts/host';
import { a, answer } from '../support/dns-responses';

/** A fake resolver from a table of canned answers; anything else is NXDOMAIN. */
function fakeAsk(
  zone: Record<string, DnsRecord[]>,
  extra: Partial<Record<string, 'SERVFAIL' | 'down'>> = {},
): AskDns {
  return async ({ name, type }) => {
    const special = extra[`${name}/${type}`] ?? extra[name];
    if (special === 'down')
      return fail({ kind: 'network', message: 'Could not reach doh.test (network error).' });
    if (special === 'SERVFAIL') return ok(answer(name, type, [], { status: 'SERVFAIL' }));
    const records = zone[`${name}/${type}`];
    const known = Object.keys(zone).some((k) => k.startsWith(`${name}/`));
    return ok(
      answer(name, type as QueryType, records ?? [], {
        status: known ? 'NOERROR' : 'NXDOMAIN',
        authenticated: true,
      }),
    );
  };
}

const host = (name: string) => normalizeHost(name)!;
const mx = (name: string, preference: number, exchange: string): DnsRecord => ({
  name,
  type: 'MX',
  ttl: 300,
  preference,
  exchange,
  value: `${preference} ${exchange}`,
});
const cname = (name: string, target: string): DnsRecord => ({ name, type: 'CNAME', ttl: 300, value: target });

describe('buildDnsReport', () => {
  it('asks every record type plus _dmarc, and resolves mail exchanges', async () => {
    const report = await buildDnsReport(
      host('trump-email.com'),
      'https://doh.test/q',
      fakeAsk({
        'trump-email.com/A': [a('trump-email.com', '66.216.133.29')],
        'trump-email.com/MX': [mx('trump-email.com', 10, 'mail1.trump-email.com')],
        'mail1.trump-email.com/A': [a('mail1.trump-email.com', '66.216.133.29')],
        '_dmarc.trump-email.com/TXT': [
          {
            name: '_dmarc.trump-email.com',
            type: 'TXT',
            ttl: 300,
            value: 'v=DMARC1; p=none',
            strings: ['v=DMARC1; p=none'],
          },
        ],
      }),
    );
    expect(report.questions.map((q) => q.type)).toEqual([
      'A',
      'AAAA',
      'CNAME',
      'MX',
      'NS',
      'TXT',
      'SOA',
      'CAA',
    ]);
    expect(report.dmarc?.result.ok && report.dmarc.result.value.records[0]?.value).toBe('v=DMARC1; p=none');
    expect(report.mailExchanges).toEqual([
      { exchange: 'mail1.trump-email.com', preference: 10, addresses: ['66.216.133.29'] },
    ]);
    expect(report.status).toBe('NOERROR');
    expect(report.authenticated).toBe(true);
    expect(summarizeReport(report)).toBe('Resolves to 1 address.');
    expect(dnsSectionState(report)).toBe('ok');
  });

  it('follows the CNAME chain in the A answer', async () => {
    const report = await buildDnsReport(
      host('www.trump-email.com'),
      'r',
      fakeAsk({
        'www.trump-email.com/A': [
          cname('www.trump-email.com', 'web.trump-email.com'),
          cname('web.trump-email.com', 'cdn.contact-client.com'),
          a('cdn.contact-client.com', '198.51.100.7'),
        ],
      }),
    );
    expect(report.cnameChain).toEqual([
      'www.trump-email.com',
      'web.trump-email.com',
      'cdn.contact-client.com',
    ]);
    expect(report.addresses).toEqual(['198.51.100.7']);
    expect(summarizeReport(report)).toBe('Resolves to 1 address through 2 CNAME steps.');
  });

  it('stops at a CNAME loop', async () => {
    const report = await buildDnsReport(
      host('loop.test'),
      'r',
      fakeAsk({ 'loop.test/A': [cname('loop.test', 'b.test'), cname('b.test', 'loop.test')] }),
    );
    expect(report.cnameChain).toEqual(['loop.test', 'b.test']);
  });

  it('says plainly when a name does not exist or the resolver failed', async () => {
    const gone = await buildDnsReport(host('gone.trump-email.com'), 'r', fakeAsk({}));
    expect(gone.status).toBe('NXDOMAIN');
    expect(summarizeReport(gone)).toBe('The name does not exist (NXDOMAIN).');
    expect(dnsSectionState(gone)).toBe('empty');
    const broken = await buildDnsReport(
      host('servfail.test'),
      'r',
      fakeAsk({}, { 'servfail.test': 'SERVFAIL' }),
    );
    expect(summarizeReport(broken)).toBe('No answer: the resolver failed (SERVFAIL).');
  });

  it('marks the section as an error when the resolver cannot be reached', async () => {
    const report = await buildDnsReport(host('x.test'), 'r', fakeAsk({}, { 'x.test': 'down' }));
    expect(dnsSectionState(report)).toBe('error');
    expect(summarizeReport(report)).toBe('Could not reach doh.test (network error).');
  });

  it('for an address, asks PTR and checks the name resolves back', async () => {
    const report = await buildDnsReport(
      host('66.216.133.29'),
      'r',
      fakeAsk({
        '29.133.216.66.in-addr.arpa/PTR': [
          { name: '29.133.216.66.in-addr.arpa', type: 'PTR', ttl: 300, value: 'mail1.trump-email.com' },
        ],
        'mail1.trump-email.com/A': [a('mail1.trump-email.com', '66.216.133.29')],
      }),
    );
    expect(report.questions.map((q) => [q.name, q.type])).toEqual([['29.133.216.66.in-addr.arpa', 'PTR']]);
    expect(report.ptrNames).toEqual([{ name: 'mail1.trump-email.com', confirmed: true }]);
    expect(summarizeReport(report)).toBe('Reverse name: mail1.trump-email.com.');
  });
});
