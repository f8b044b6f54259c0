// The hosts found in each tab, for the toolbar badge and the popup's "On this page" list.
//
// Lifetime: `storage.session`, one key per tab, so a stopped service worker loses nothing and
// the popup reads the list directly. A tab's entry is dropped when it navigates or closes;
// the browser clears the whole area when it quits.
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { MarkedHost } from '../page/page-marks';

const key = (tabId: number) => `session:tabHosts:${tabId}` as const;
/** The address of the page whose hosts are stored: a late "loading" event for that same page must not drop them. */
const pageKey = (tabId: number) => `session:tabHostsPage:${tabId}` as const;
/** That page's title as its content script read it (for the evidence report). */
const titleKey = (tabId: number) => `session:tabHostsTitle:${tabId}` as const;

export function readTabHosts(tabId: number): Promise<MarkedHost[]> {
  return storage.getItem<MarkedHost[]>(key(tabId), { fallback: [] });
}

export function watchTabHosts(tabId: number, onChange: (hosts: MarkedHost[]) => void): () => void {
  return storage.watch<MarkedHost[]>(key(tabId), (hosts) => onChange(hosts ?? []));
}

export interface TabPage {
  url: string | null;
  title: string | null;
}

export async function recordTabHosts(
  tabId: number,
  hosts: MarkedHost[],
  page: { url?: string; title?: string } = {},
): Promise<void> {
  await storage.setItems([
    { key: key(tabId), value: hosts },
    { key: pageKey(tabId), value: page.url ?? null },
    { key: titleKey(tabId), value: page.title || null },
  ]);
  await setBadge(tabId, hosts.length);
}

/**
 * Drops a tab's list: the tab closed, or (with `newUrl`) it started loading another page.
 * The browser's "loading" event and the content script's report travel on different channels,
 * so the event can arrive after the new page already reported; a list recorded for `newUrl`
 * is kept (the new page's script reports again anyway).
 */
export async function forgetTab(tabId: number, newUrl?: string): Promise<void> {
  if (newUrl !== undefined && (await storage.getItem<string>(pageKey(tabId))) === newUrl) return;
  await storage.removeItems([key(tabId), pageKey(tabId), titleKey(tabId)]);
}

/** The address and title of the page whose hosts are listed for a tab, as its content script reported. */
export async function readTabPage(tabId: number): Promise<TabPage> {
  const [url, title] = await Promise.all([
    storage.getItem<string>(pageKey(tabId)),
    storage.getItem<string>(titleKey(tabId)),
  ]);
  return { url: url || null, title: title || null };
}

/** Watchlist changes the user has not seen; while there are some, the badge says so instead. */
const unseenItem = storage.defineItem<number>('local:unseenChanges', { fallback: 0 });

async function setBadge(tabId: number | undefined, count: number): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const unseen = await unseenItem.getValue();
  const text =
    unseen > 0 ? `Δ${unseen > 99 ? '99+' : unseen}` : count === 0 ? '' : count > 999 ? '999+' : String(count);
  const color = unseen > 0 ? '#b3261e' : '#0b57d0';
  try {
    await action.setBadgeText(tabId === undefined ? { text } : { tabId, text });
    await action.setBadgeBackgroundColor(tabId === undefined ? { color } : { tabId, color });
  } catch {
    // The tab closed meanwhile.
  }
}

/** Records how many watchlist changes are unseen and repaints every badge (global and per tab). */
export async function showUnseenChanges(unseen: number): Promise<void> {
  await unseenItem.setValue(unseen);
  await setBadge(undefined, 0);
  const all = await browser.storage.session.get(null);
  for (const [k, hosts] of Object.entries(all)) {
    const tabId = Number(k.replace('tabHosts:', ''));
    if (k.startsWith('tabHosts:') && Number.isInteger(tabId))
      await setBadge(tabId, Array.isArray(hosts) ? hosts.length : 0);
  }
}
