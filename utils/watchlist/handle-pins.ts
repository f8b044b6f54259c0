// Messages about one host's pin and details view; each payload is validated first.
import { browser } from 'wxt/browser';
import { messageSchemas } from '../messages/schemas';
import { isPinned, pin, unpin } from './watchlist-store';

export async function handleIsPinned(data: unknown): Promise<boolean> {
  const host = messageSchemas.isPinned.safeParse(data);
  return host.success ? isPinned(host.data) : false;
}

export async function handlePin(data: unknown, wanted: boolean): Promise<boolean> {
  const host = messageSchemas.pinHost.safeParse(data);
  if (!host.success) return false;
  return wanted ? pin(host.data) : unpin(host.data);
}

export async function handleOpenDetails(data: unknown): Promise<void> {
  const host = messageSchemas.openDetails.safeParse(data);
  if (!host.success) return;
  await browser.tabs.create({
    url: browser.runtime.getURL(`/popup.html?host=${encodeURIComponent(host.data)}`),
  });
}
