// The hosts found in each tab, for the toolbar badge and the popup's "On this page" list.
//
// Lifetime: `storage.session`, one key per tab, so a stopped service worker loses nothing and
// the popup reads the list directly. A tab's entry is dropped when it navigates or closes;
// the browser clears the whole area when it quits.
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { MarkedHost } from '../page/page-marks';

const key = (tabId: number) => `session:tabHosts:${tabId}` as const;

export function readTabHosts(tabId: number): Promise<MarkedHost[]> {
  return storage.getItem<MarkedHost[]>(key(tabId), { fallback: [] });
}

export function watchTabHosts(tabId: number, onChange: (hosts: MarkedHost[]) => void): () => void {
  return storage.watch<MarkedHost[]>(key(tabId), (hosts) => onChange(hosts ?? []));
}

export async function recordTabHosts(tabId: number, hosts: MarkedHost[]): Promise<void> {
  await storage.setItem(key(tabId), hosts);
  await setBadge(tabId, hosts.length);
}

export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}

async function setBadge(tabId: number, count: number): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const text = count === 0 ? '' : count > 999 ? '999+' : String(count);
  try {
    await action.setBadgeText({ tabId, text });
    await action.setBadgeBackgroundColor({ tabId, color: '#0b57d0' });
  } catch {
    // The tab closed meanwhile.
  }
}
