import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePageHosts } from '@/utils/tab-hosts/handle-page-hosts';
import { forgetTab, readTabHosts } from '@/utils/tab-hosts/tab-hosts';

const host = (name: string, count = 1) => ({
  host: name,
  kind: 'domain' as const,
  count,
  context: `… ${name} …`,
});

describe('the hosts of a tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what a tab’s content script reports, replacing the previous list', async () => {
    await handlePageHosts([host('mail1.trump-email.com', 2)], { tab: { id: 7 } });
    await handlePageHosts([host('mail1.trump-email.com', 3), host('66.216.133.29')], { tab: { id: 7 } });
    expect((await readTabHosts(7)).map((h) => [h.host, h.count])).toEqual([
      ['mail1.trump-email.com', 3],
      ['66.216.133.29', 1],
    ]);
    expect(await readTabHosts(8)).toEqual([]);
  });

  it.each([
    ['no tab (not a content script)', [host('a.example.com')], {}],
    ['a host that is not normalized', [host('MAIL1.Example.com')], { tab: { id: 7 } }],
    ['a wrong kind', [{ ...host('a.example.com'), kind: 'url' }], { tab: { id: 7 } }],
    ['too long a context', [{ ...host('a.example.com'), context: 'x'.repeat(5000) }], { tab: { id: 7 } }],
    ['not a list', { host: 'a.example.com' }, { tab: { id: 7 } }],
  ])('ignores a report with %s', async (_label, data, sender) => {
    await handlePageHosts(data, sender);
    expect(await readTabHosts(7)).toEqual([]);
  });

  it('forgets a tab', async () => {
    await handlePageHosts([host('a.example.com')], { tab: { id: 7 } });
    await forgetTab(7);
    expect(await readTabHosts(7)).toEqual([]);
  });

  it('keeps the list of a page whose own "loading" event arrives after its report', async () => {
    const url = 'http://127.0.0.1:8080/story.html';
    await handlePageHosts([host('a.example.com')], { tab: { id: 7 }, url });
    await forgetTab(7, url);
    expect((await readTabHosts(7)).map((h) => h.host)).toEqual(['a.example.com']);
    await forgetTab(7, 'http://127.0.0.1:8080/other.html');
    expect(await readTabHosts(7)).toEqual([]);
  });
});
