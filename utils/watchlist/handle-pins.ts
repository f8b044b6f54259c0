// Messages about one host's pin and details view; each payload is validated first.
import { browser } from 'wxt/browser';
import { messageSchemas } from '../messages/schemas';
import { isExtensionPage, type MessageSender } from '../messages/sender';
import { readTabHosts } from '../tab-hosts/tab-hosts';
import { isPinned, pin, unpin } from './watchlist-store';

export async function handleIsPinned(data: unknown): Promise<boolean> {
  const host = messageSchemas.isPinned.safeParse(data);
  return host.success ? isPinned(host.data) : false;
}

/**
 * Pins or unpins a host. Hostlens's own pages may do either. A content script (the card, in a
 * page a hostile site controls) may only pin a host its own tab reported as on the page, and may
 * never unpin: removing a host drops its snapshots and change log. Answers the pin state.
 */
export async function handlePin(
  data: unknown,
  wanted: boolean,
  sender: MessageSender & { tab?: { id?: number } },
): Promise<boolean> {
  const host = messageSchemas.pinHost.safeParse(data);
  if (!host.success) return false;
  if (!isExtensionPage(sender)) {
    const tabId = sender.tab?.id;
    if (!wanted || tabId === undefined) return isPinned(host.data);
    const onPage = (await readTabHosts(tabId)).some((h) => h.host === host.data);
    if (!onPage) return isPinned(host.data);
  }
  return wanted ? pin(host.data) : unpin(host.data);
}

export async function handleOpenDetails(data: unknown): Promise<void> {
  const host = messageSchemas.openDetails.safeParse(data);
  if (!host.success) return;
  await browser.tabs.create({
    url: browser.runtime.getURL(`/popup.html?host=${encodeURIComponent(host.data)}`),
  });
}
