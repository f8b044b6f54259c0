// The `reportPageHosts` message: only a tab's own content script can set that tab's list.
import { messageSchemas } from '../messages/schemas';
import { recordTabHosts } from './tab-hosts';

export async function handlePageHosts(
  data: unknown,
  sender: { tab?: { id?: number }; url?: string },
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  const hosts = messageSchemas.reportPageHosts.safeParse(data);
  if (!hosts.success) return;
  await recordTabHosts(tabId, hosts.data, sender.url);
}
