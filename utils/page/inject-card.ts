// Background side of `injectCard`: put the card script into the frame that asked, in the
// extension's isolated world (where the content script runs), never in the page's own world.
import { browser } from 'wxt/browser';

export async function injectCard(sender: { tab?: { id?: number }; frameId?: number }): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const frameId = sender.frameId ?? 0;
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/card.js'] });
  } else {
    // Firefox's MV2 build without `scripting`.
    await browser.tabs.executeScript(tabId, { file: '/card.js', frameId });
  }
}
