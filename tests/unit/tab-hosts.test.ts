import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePageHosts } from '@/utils/tab-hosts/handle-page-hosts';
import { forgetTab, readTabHosts, readTabPage } from '@/utils/tab-hosts/tab-hosts';

const host = (name: string, count = 1) => ({
  host: name,
  kind: 'domain' as const,
  count,
  context: `… ${name} …`,
});
/** A content script's report: its page's title and hosts. */
const report = (hosts: unknown, title = 'A story') => ({ title, hosts });

describe('the hosts of a tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what a tab’s content script reports, replacing the previous list', async () => {
    await handlePageHosts(report([host('mail1.trump-email.com', 2)]), { tab: { id: 7 } });
    await handlePageHosts(report([host('mail1.trump-email.com', 3), host('66.216.133.29')]), {
      tab: { id: 7 },
    });
    expect((await readTabHosts(7)).map((h) => [h.host, h.count])).toEqual([
      ['mail1.trump-email.com', 3],
      ['66.216.133.29', 1],
    ]);
    expect(await readTabHosts(8)).toEqual([]);
  });

  it.each([
    ['no tab (not a content script)', [host('a.example.com')], {}],
    ['no list of hosts', undefined, { tab: { id: 7 } }],
    ['a host that is not normalized', [host('MAIL1.Example.com')], { tab: { id: 7 } }],
    ['a wrong kind', [{ ...host('a.example.com'), kind: 'url' }], { tab: { id: 7 } }],
    ['too long a context', [{ ...host('a.example.com'), context: 'x'.repeat(5000) }], { tab: { id: 7 } }],
    ['not a list', { host: 'a.example.com' }, { tab: { id: 7 } }],
    ['too long a title', [host('a.example.com')], { tab: { id: 7 } }, 'x'.repeat(1001)],
  ])('ignores a report with %s', async (_label, hosts, sender, title?: string) => {
    await handlePageHosts(report(hosts, title), sender);
    expect(await readTabHosts(7)).toEqual([]);
  });

  it('forgets a tab', async () => {
    await handlePageHosts(report([host('a.example.com')]), { tab: { id: 7 } });
    await forgetTab(7);
    expect(await readTabHosts(7)).toEqual([]);
  });

  it('keeps the list of a page whose own "loading" event arrives after its report', async () => {
    const url = 'http://127.0.0.1:8080/story.html';
    await handlePageHosts(report([host('a.example.com')]), { tab: { id: 7 }, url });
    await forgetTab(7, url);
    expect((await readTabHosts(7)).map((h) => h.host)).toEqual(['a.example.com']);
    await forgetTab(7, 'http://127.0.0.1:8080/other.html');
    expect(await readTabHosts(7)).toEqual([]);
  });

  it('keeps the address the browser gave for the sender and the title the page reported, for evidence', async () => {
    const url = 'http://news.example-paper.com/story.html';
    await handlePageHosts(report([host('a.example.com')], 'A server that talked to a bank'), {
      tab: { id: 7 },
      url,
    });
    expect(await readTabPage(7)).toEqual({ url, title: 'A server that talked to a bank' });
    await forgetTab(7);
    expect(await readTabPage(7)).toEqual({ url: null, title: null });
  });
});
