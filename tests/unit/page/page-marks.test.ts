import { describe, expect, it } from 'vitest';
import { MAX_PAGE_HOSTS, PageMarks, type Mark } from '@/utils/page/page-marks';

// Ranges stand-ins: PageMarks reads only their containers when it has no highlight to draw in.
const mark = (host: string, node: object): Mark =>
  ({ host, kind: 'domain', range: { startContainer: node, endContainer: node } }) as unknown as Mark;

describe('the marks of a page', () => {
  it('reports at most MAX_PAGE_HOSTS hosts, the most-mentioned first', () => {
    const marks = new PageMarks(null);
    for (let i = 0; i <= MAX_PAGE_HOSTS; i++) marks.add(mark(`h${i}.example.com`, {}), '');
    marks.add(mark('often.example.com', {}), '');
    marks.add(mark('often.example.com', {}), '');
    const hosts = marks.hosts();
    expect(hosts).toHaveLength(MAX_PAGE_HOSTS);
    expect(hosts[0]).toMatchObject({ host: 'often.example.com', count: 2 });
  });
});
