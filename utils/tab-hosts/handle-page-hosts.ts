// The `reportPageHosts` message: only a tab's own content script can set that tab's list.
import { messageSchemas } from '../messages/schemas';
import { recordTabHosts } from './tab-hosts';

export async function handlePageHosts(
  data: unknown,
  sender: { tab?: { id?: number }; url?: string },
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  const page = messageSchemas.reportPageHosts.safeParse(data);
  if (!page.success) return;
  // The address is the browser's word for the sender's frame, not the page's.
  await recordTabHosts(tabId, page.data.hosts, { url: sender.url, title: page.data.title });
}
