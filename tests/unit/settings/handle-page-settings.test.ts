// The background's answer to a content script's `getPageSettings`: the page sends nothing, and
// whether Hostlens stays off is judged from the address the browser gives for the sender.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleGetPageSettings } from '@/utils/settings/handle-page-settings';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';

const stayOff = { excluded: true, cardTrigger: 'hover', hoverDelayMs: 350, markStyle: 'highlight' };

describe('the settings a page is told', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings({
      ...DEFAULT_SETTINGS,
      excludedSites: ['example-paper.com', 'intranet.example'],
      cardTrigger: 'click',
      hoverDelayMs: 600,
      markStyle: 'underline',
    });
  });

  it.each([
    ['http://news.example-paper.com:8080/story.html?id=1', true],
    ['https://example-paper.com/', true],
    ['https://intranet.example/wiki', true],
    ['https://EXAMPLE-PAPER.com/', true],
    ['https://not-example-paper.com/', false],
    ['https://example-paper.com.attacker.example/', false],
    ['http://127.0.0.1:9000/', false],
    ['about:blank', false],
  ])('judges %s from the sender’s address: excluded %s', async (url, excluded) => {
    expect(await handleGetPageSettings(undefined, { url })).toEqual({
      excluded,
      cardTrigger: 'click',
      hoverDelayMs: 600,
      markStyle: 'underline',
    });
  });

  it('takes no address from the page: a URL in the message is not looked at, and refused', async () => {
    const sender = { url: 'https://news.example-paper.com/story.html' };
    expect(await handleGetPageSettings({ url: 'https://elsewhere.example/' }, sender)).toEqual(stayOff);
    expect(
      await handleGetPageSettings('https://elsewhere.example/', { url: 'https://elsewhere.example/' }),
    ).toEqual(stayOff);
  });

  it.each([
    ['a payload', 'x', { url: 'https://elsewhere.example/' }],
    ['a null payload', null, { url: 'https://elsewhere.example/' }],
    ['no sender address', undefined, {}],
    ['an unreadable sender address', undefined, { url: 'not a url' }],
  ])('stays off with defaults on %s', async (_label, data, sender) => {
    expect(await handleGetPageSettings(data, sender)).toEqual(stayOff);
  });

  it('keeps honouring excluded sites in a stored value that fails the full schema', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { resolverUrl: 42, excludedSites: ['example-paper.com'], markStyle: 'neon' },
    });
    expect(await handleGetPageSettings(undefined, { url: 'https://example-paper.com/a' })).toEqual(stayOff);
    expect(await fakeBrowser.storage.local.get('settingsBackup')).toEqual({});
  });
});
