// The card runs inside pages a hostile site controls: what its messages may do to the watchlist.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleIsPinned, handlePin } from '@/utils/watchlist/handle-pins';
import { recordTabHosts } from '@/utils/tab-hosts/tab-hosts';

const onPage = (host: string) => ({ host, kind: 'domain' as const, count: 1, context: host });

describe('pins from a card or from Hostlens’s pages', () => {
  const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
  const card = { id: browser.runtime.id, url: 'https://news.example/story', tab: { id: 7 } };
  beforeEach(async () => {
    fakeBrowser.reset();
    await recordTabHosts(7, [onPage('mail1.trump-email.com')]);
  });

  it('lets a card pin a host its own page shows', async () => {
    expect(await handlePin('mail1.trump-email.com', true, card)).toBe(true);
    expect(await handleIsPinned('mail1.trump-email.com')).toBe(true);
  });

  it('refuses a card’s pin of a host its page does not show, or from another tab', async () => {
    expect(await handlePin('planted.example.com', true, card)).toBe(false);
    expect(await handlePin('mail1.trump-email.com', true, { ...card, tab: { id: 8 } })).toBe(false);
    expect(await handleIsPinned('planted.example.com')).toBe(false);
  });

  it('never lets a card unpin; Hostlens’s pages may', async () => {
    await handlePin('mail1.trump-email.com', true, page());
    expect(await handlePin('mail1.trump-email.com', false, card)).toBe(true);
    expect(await handleIsPinned('mail1.trump-email.com')).toBe(true);
    expect(await handlePin('mail1.trump-email.com', false, page())).toBe(false);
    expect(await handleIsPinned('mail1.trump-email.com')).toBe(false);
  });
});
