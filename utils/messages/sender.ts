// Who sent a message. Content scripts run inside web pages, so anything they send may have been
// shaped by a hostile page; only our own extension pages (popup, watchlist, options) may change
// the watchlist, settings or keys.
import { browser } from 'wxt/browser';

export interface MessageSender {
  id?: string;
  url?: string;
}

export function isExtensionPage(sender: MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || !sender.url) return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}
