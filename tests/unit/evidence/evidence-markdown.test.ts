import { describe, expect, it } from 'vitest';
import { mdCode, mdText } from '@/utils/evidence/evidence-markdown';
import { evidenceFilename } from '@/utils/evidence/handle-evidence';

describe('evidence Markdown', () => {
  it('makes running text inert: markup, links, line breaks and bidi', () => {
    expect(mdText('[click](javascript:alert(1)) <b>x</b>\n# heading \u202eevil')).toBe(
      '\\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>x\\</b\\> # heading ⟨U+202E⟩evil',
    );
  });

  it('puts values in a code span no backtick run inside can close, and keeps tables intact', () => {
    expect(mdCode('a`b``c')).toBe('``` a`b``c ```');
    expect(mdCode('v=spf1 | x')).toBe('` v=spf1 \\| x `');
    expect(mdCode('x'.repeat(600), 10)).toBe('` xxxxxxxxxx… (590 more characters) `');
  });

  it('names the file after the page’s site and the time, nothing else', () => {
    expect(evidenceFilename('https://news.example/a?b=c', Date.UTC(2026, 10, 27, 1, 2, 3), 'md')).toBe(
      'hostlens-evidence-news.example-2026-11-27T01-02-03-000Z.md',
    );
    expect(evidenceFilename(null, 0, 'json')).toBe('hostlens-evidence-page-1970-01-01T00-00-00-000Z.json');
  });
});
