// The `getPageSettings` message: what a page's content script must know before it marks
// anything. Content scripts cannot read storage (utils/storage/close-storage-to-pages.ts), and
// the page sends nothing about itself: whether its site is excluded is decided here, from the
// address the browser gives for the sender's frame.
//
// Settings are read raw and defensively, as the content script used to read them: a stored
// value that fails the full schema (`./settings.ts`) still keeps its excluded sites honoured,
// and answering a page never writes the backup that a failed load makes.
import { messageSchemas } from '../messages/schemas';
import { isExcludedSite, pageSettings, settingsItem, type PageSettings } from './settings-item';

export async function handleGetPageSettings(data: unknown, sender: { url?: string }): Promise<PageSettings> {
  const hostname = hostnameOf(sender.url);
  // Not our content script's question, or no address to judge: Hostlens stays off.
  if (!messageSchemas.getPageSettings.safeParse(data).success || hostname === null)
    return { excluded: true, ...pageSettings(undefined) };
  const settings: unknown = await settingsItem.getValue();
  return { excluded: isExcludedSite(hostname, settings), ...pageSettings(settings) };
}

function hostnameOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
