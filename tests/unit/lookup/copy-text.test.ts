// The card's "Copy" (issue 13): a TXT record is attacker text, and what lands on the clipboard
// is pasted into notes, chats and terminals. A line break in it must not forge a record line of
// its own, and bidi, zero-width and control characters (ESC starts terminal sequences) must show
// as ⟨U+XXXX⟩, as the evidence Markdown shows them.
import { describe, expect, it } from 'vitest';
import { reportAsText } from '@/components/report-as-text';
import { decodeAnswer } from '@/utils/dns/wire';
import { normalizeHost } from '@/utils/hosts/host';
import type { DnsReport } from '@/utils/lookup/dns-report';
import { fail, ok } from '@/utils/lookup/errors';
import { responseBytes } from '../support/dns-responses';

const NAME = 'hostile.contact-client.com';

/** A report whose TXT answer went through the real wire decoder, as the card gets it. */
function reportWithTxt(...values: string[]): DnsReport {
  const bytes = responseBytes(
    NAME,
    'TXT',
    values.map((data) => ({ name: NAME, type: 'TXT', ttl: 300, data })),
  );
  const decoded = decodeAnswer(bytes, { name: NAME, type: 'TXT' }, 'https://doh.test/dns-query', 0);
  if (!decoded.ok) throw new Error(decoded.reason);
  return {
    host: normalizeHost(NAME)!,
    resolver: 'https://doh.test/dns-query',
    startedAt: 0,
    finishedAt: 0,
    status: 'NOERROR',
    authenticated: false,
    questions: [{ name: NAME, type: 'TXT', result: ok(decoded.answer) }],
    cnameChain: [],
    addresses: [],
    mailExchanges: [],
    ptrNames: [],
    addressInfo: [],
  };
}

/** The copied lines after the three header lines (host, summary, resolver). */
const recordLines = (report: DnsReport) => reportAsText(report).split('\n').slice(3);

describe('Copy', () => {
  it('keeps a TXT with CR/LF on its own line: no forged record', () => {
    const forged = `v=spf1 -all\r\n${NAME} 300 IN TXT "v=spf1 include:evil.example ~all"`;
    const lines = recordLines(reportWithTxt(forged));
    expect(lines).toEqual([
      `${NAME} 300 IN TXT v=spf1 -all⟨U+000D⟩ ${NAME} 300 IN TXT "v=spf1 include:evil.example ~all"`,
    ]);
  });

  it.each([
    ['a bidi override (U+202E)', 'pay\u202eexe.txt', 'pay⟨U+202E⟩exe.txt'],
    ['a zero-width space (U+200B)', 'goo\u200bgle', 'goo⟨U+200B⟩gle'],
    ['ESC (a terminal colour sequence)', '\x1b[31mred\x1b[0m', '⟨U+001B⟩[31mred⟨U+001B⟩[0m'],
    ['NUL, BEL, backspace and DEL', 'a\x00b\x07c\x08d\x7fe', 'a⟨U+0000⟩b⟨U+0007⟩c⟨U+0008⟩d⟨U+007F⟩e'],
    ['vertical tab, form feed, lone CR', 'a\x0bb\x0cc\rd', 'a⟨U+000B⟩b⟨U+000C⟩c⟨U+000D⟩d'],
    ['LF, tab and U+2028', 'a\nb\tc\u2028d', 'a b c d'],
    ['C1 controls (U+0085, U+009B)', 'a\u0085b\u009bc', 'a⟨U+0085⟩b⟨U+009B⟩c'],
  ])('shows %s as a visible escape', (_label, value, shown) => {
    expect(recordLines(reportWithTxt(value))).toEqual([`${NAME} 300 IN TXT ${shown}`]);
  });

  it('copies one line per record, and nothing invisible at all', () => {
    const text = reportAsText(reportWithTxt('one\r\ntwo', '\u202e\u200b\x1b\x00', 'plain'));
    expect(text.split('\n')).toHaveLength(3 + 3);
    // eslint-disable-next-line no-control-regex -- the point: no control character survives
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/);
  });

  it('escapes a failed question’s message too', () => {
    const report = reportWithTxt('x');
    report.questions = [
      { name: NAME, type: 'TXT', result: fail({ kind: 'bad-response', message: 'broken:\r\nfake line' }) },
    ];
    expect(recordLines(report)).toEqual([`${NAME} TXT: broken:⟨U+000D⟩ fake line`]);
  });
});
