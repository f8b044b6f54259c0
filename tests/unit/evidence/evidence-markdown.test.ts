// The Markdown must stay inert wherever it is pasted: attacker text (page titles, TXT records,
// registry and passive-DNS data) can add no markup, link, line or table column.
import { afterEach, describe, expect, it } from 'vitest';
import { evidenceMarkdown, mdCode, mdText } from '@/utils/evidence/evidence-markdown';
import { buildEvidenceReport, type EvidenceHost } from '@/utils/evidence/evidence-report';
import { useLanguage } from '../support/i18n-messages';

/** The text outside code spans (CommonMark §6.1: a span closes on a backtick run of the same length). */
function outsideCode(line: string): string {
  let out = '';
  for (let i = 0; i < line.length;) {
    if (line[i] === '\\' && i + 1 < line.length) {
      out += line.slice(i, i + 2);
      i += 2;
    } else if (line[i] === '`') {
      let j = i;
      while (line[j] === '`') j++;
      const fence = line.slice(i, j);
      let close = -1;
      for (let k = j; k < line.length;) {
        let m = k;
        while (line[m] === '`') m++;
        if (m > k && m - k === fence.length) {
          close = k;
          break;
        }
        k = m > k ? m : k + 1;
      }
      if (close < 0) {
        out += fence;
        i = j;
      } else {
        out += '⟦code⟧';
        i = close + fence.length;
      }
    } else out += line[i++];
  }
  return out;
}

/** The content of the one code span `span` is made of, as a renderer shows it. */
function codeContent(span: string): string {
  const fence = /^`+/.exec(span)![0];
  expect(span.endsWith(fence)).toBe(true);
  const inner = span.slice(fence.length, -fence.length);
  expect(inner).not.toMatch(new RegExp(`(^|[^\`])${fence}($|[^\`])`));
  return inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner;
}

/** Unescaped characters outside code spans that would be markup, a link or an autolink. */
const unescaped = (text: string) => text.replace(/\\./g, '').match(/[<>[\]!&@$~_{}`]|:\/\/|www\./g) ?? [];

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '[click](javascript:alert(3))',
  '![pixel](https://track.example/p.gif)',
  'line one\nline two\r\n# heading\u2028- item',
  '\u202eevil\u200b',
  '`code` ``and`` ```fences```',
  '| a | b |',
  '*bold* _em_ ~~gone~~ $x$ @someone #123 :smile: {.class}',
  'https://evil.example/path www.evil.example mail@evil.example',
  '&lt;b&gt; &amp;',
  'trailing backslash \\',
];

describe('mdText', () => {
  it.each(HOSTILE)('leaves nothing active in %j', (text) => {
    const md = mdText(text);
    expect(md).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(unescaped(md)).toEqual([]);
    expect(outsideCode(md)).toBe(md);
  });

  it('shows bidi and invisible characters as visible escapes', () => {
    expect(mdText('a\u202eb\u200bc')).toBe('a⟨U+202E⟩b⟨U+200B⟩c');
  });

  it('escapes with backslashes, so the rendered text reads the same', () => {
    expect(mdText('[click](x) <b>')).toBe('\\[click\\]\\(x\\) \\<b\\>');
    expect(mdText('The server *and* the bank')).toBe('The server \\*and\\* the bank');
  });
});

describe('mdCode', () => {
  it.each(HOSTILE)('makes %j one code span showing the value', (text) => {
    const md = mdCode(text);
    expect(md).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(outsideCode(md)).toBe('⟦code⟧');
    expect(codeContent(md)).toBe(
      text
        .replace(/\n|\u2028/g, ' ')
        .replace(/\r/g, '⟨U+000D⟩')
        .replace(/\u202e/g, '⟨U+202E⟩')
        .replace(/\u200b/g, '⟨U+200B⟩'),
    );
  });

  it('uses a fence longer than any backtick run inside', () => {
    expect(mdCode('a`b``c')).toBe('``` a`b``c ```');
    expect(mdCode('`')).toBe('`` ` ``');
  });

  it('escapes pipes only inside tables, where GFM needs it even in code', () => {
    expect(mdCode('v=spf1 | x')).toBe('` v=spf1 | x `');
    expect(mdCode('v=spf1 | x', { table: true })).toBe('` v=spf1 \\| x `');
  });

  it('cuts long values by characters, not halves of them, and says where the rest is', () => {
    expect(mdCode('x'.repeat(600), { max: 10 })).toBe('` xxxxxxxxxx… (590 more characters in the JSON) `');
    expect(mdCode('😀'.repeat(3), { max: 2 })).toBe('` 😀😀… (1 more character in the JSON) `');
  });

  it('shows an empty value as such', () => {
    expect(mdCode('')).toBe('*(empty)*');
  });
});

function hostileHost(h: string): EvidenceHost {
  return {
    host: 'hostile.contact-client.com',
    kind: 'domain',
    mentions: 2,
    context: h,
    dns: {
      status: 'NOERROR',
      dnssecValidated: false,
      checkedAt: '2026-11-27T01:02:03.000Z',
      records: [
        {
          type: 'A',
          name: 'hostile.contact-client.com',
          ttl: 300,
          value: '192.0.2.67',
          answeredAt: '2026-11-27T01:02:03.000Z',
        },
        {
          type: 'TXT',
          name: 'hostile.contact-client.com',
          ttl: 299,
          value: h,
          answeredAt: '2026-11-27T01:02:03.000Z',
        },
      ],
      addresses: [{ ip: '192.0.2.67', ptr: [h], asn: '64500', asName: h, prefix: '192.0.2.0/24' }],
      problems: [h],
    },
    history: [
      {
        source: 'Mnemonic',
        total: 3,
        observations: [
          {
            rrname: h,
            rrtype: h,
            rdata: h,
            firstSeen: '2016-05-03T00:00:00.000Z',
            lastSeen: '2016-09-23T00:00:00.000Z',
            count: 145,
          },
        ],
      },
    ],
    registration: {
      outcome: 'domain',
      domain: h,
      registrar: h,
      created: '2016-04-01T00:00:00.000Z',
      statuses: [h],
      nameservers: [h],
      server: h,
    },
  };
}

describe('evidenceMarkdown', () => {
  const hostile = HOSTILE.join(' ');
  const report = buildEvidenceReport({
    createdAt: Date.UTC(2026, 10, 27, 1, 2, 3),
    page: { url: `https://news.example/story?q=${hostile}`, title: hostile },
    resolver: 'https://doh.example/dns-query',
    hosts: [
      hostileHost(hostile),
      {
        ...hostileHost(hostile),
        registration: {
          outcome: 'network',
          address: '192.0.2.67',
          name: hostile,
          cidrs: [hostile],
          statuses: [],
          server: hostile,
          holder: hostile,
        },
      },
    ],
    omittedHosts: 3,
  });
  const markdown = evidenceMarkdown(report);
  const lines = markdown.split('\n');

  it('keeps every attacker string off markup: nothing active outside code spans', () => {
    for (const line of lines) expect(unescaped(outsideCode(line)), line).toEqual([]);
    expect(markdown).not.toContain('\u202e');
    expect(markdown).toContain('⟨U+202E⟩evil');
  });

  it('adds no line, heading or table column', () => {
    for (const line of lines)
      expect(line, line).toMatch(
        /^(|# Hostlens|## (What this shows|Hosts)|### `|- |\| |Named |Live DNS |Passive DNS |No records|DNSSEC “|History and)/,
      );
    // GFM splits a row on every pipe not escaped, code spans or not.
    const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    lines.forEach((line, i) => {
      if (!line.startsWith('| ')) return;
      if (!lines[i - 1]!.startsWith('| ')) header = columns(line);
      expect(columns(line), line).toBe(header);
    });
    expect(lines.filter((l) => l.startsWith('| TXT '))).toHaveLength(2);
  });

  it('says what its sources can and cannot show, and what it left out', () => {
    expect(markdown).toContain('never who looked it up');
    expect(markdown).toContain('may get a different answer');
    expect(markdown).toContain('the page names 3 more, not included');
  });

  it('says so when the browser gave no address or title', () => {
    const bare = evidenceMarkdown({ ...report, page: { url: null, title: null } });
    expect(bare).toContain('- Page: address not available to Hostlens');
    expect(bare).toContain('- Title: not available to Hostlens');
  });

  it('shows whole days in the reader’s format and keeps moments in ISO 8601 UTC', () => {
    expect(markdown).toContain('| May 3, 2016 | Sep 23, 2016 | 145 |');
    expect(markdown).toContain('created Apr 1, 2016; expires not given;');
    expect(markdown).toContain('- Made: 2026-11-27T01:02:03.000Z');
    expect(markdown).toContain('| 300 | ` 192.0.2.67 ` | 2026-11-27T01:02:03.000Z |');
  });
});

describe('evidenceMarkdown in Russian', () => {
  afterEach(() => useLanguage('en'));
  const host = (mentions: number, observations: number): EvidenceHost => {
    const h = hostileHost('mail1.trump-email.com');
    const [source] = h.history!;
    return {
      ...h,
      mentions,
      history: [
        { ...source!, total: observations, observations: Array(observations).fill(source!.observations[0]) },
      ],
    };
  };
  const markdownOf = (hosts: EvidenceHost[]) =>
    evidenceMarkdown(
      buildEvidenceReport({
        createdAt: Date.UTC(2026, 10, 27, 1, 2, 3),
        page: { url: 'https://news.example/story', title: 'A server that talked to a bank' },
        resolver: 'https://doh.example/dns-query',
        hosts,
        omittedHosts: 0,
      }),
    );

  it('translates headings and sentences, and counts with every Russian form', async () => {
    await useLanguage('ru');
    const markdown = markdownOf([host(1, 1), host(3, 3), host(5, 5)]);
    expect(markdown).toContain('# Отчёт Hostlens с доказательствами');
    expect(markdown).toContain('- Страница: ` https://news.example/story `');
    expect(markdown).toContain('## Что здесь показано');
    expect(markdown).toContain('кто его запрашивал');
    expect(markdown).toContain('Упомянут на странице 1 раз; первое упоминание: ` mail1.trump-email.com `');
    expect(markdown).toContain('Упомянут на странице 3 раза;');
    expect(markdown).toContain('Упомянут на странице 5 раз;');
    expect(markdown).toContain('Пассивный DNS по данным Mnemonic: 1 наблюдение.');
    expect(markdown).toContain('Пассивный DNS по данным Mnemonic: 3 наблюдения.');
    expect(markdown).toContain('Пассивный DNS по данным Mnemonic: 5 наблюдений.');
    expect(markdown).toContain('| Тип | Имя | TTL (с) | Значение | Время ответа |');
    // Record rows, values and code spans are the same in every language.
    expect(markdown).toContain('| A | ` hostile.contact-client.com ` | 300 | ` 192.0.2.67 ` |');
    expect(markdown).toContain('| 3 мая 2016 г. | 23 сент. 2016 г. | 145 |');
    expect(markdown).toContain(
      'регистратор: ` mail1.trump-email.com `; создан: 1 апр. 2016 г.; истекает: не указано;',
    );
    expect(mdCode('x'.repeat(15), { max: 10 })).toBe('` xxxxxxxxxx… (ещё 5 символов — в JSON) `');
    // Our own words add no markup either.
    for (const line of markdown.split('\n')) expect(unescaped(outsideCode(line)), line).toEqual([]);
  });
});
