// The hosts found in one tab, live: the popup's "On this page" list follows the page's scan.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MarkedHost } from '@/utils/page/page-marks';
import { readTabHosts, watchTabHosts } from '@/utils/tab-hosts/tab-hosts';

/** `tabId` from `?tabId=N`, else the active tab of the current window (the toolbar case). */
export function useTabHosts(tabIdParam: string | null): { tabId: number | null; hosts: MarkedHost[] | null } {
  const [tabId, setTabId] = useState<number | null>(
    tabIdParam && /^\d+$/.test(tabIdParam) ? Number(tabIdParam) : null,
  );
  const [hosts, setHosts] = useState<MarkedHost[] | null>(null);

  useEffect(() => {
    if (tabId !== null) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined ? setTabId(tab.id) : setHosts([])))
      .catch(() => setHosts([]));
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return;
    // The first read can settle after a newer change has arrived (a busy worker): a change
    // always wins over the read, or the list would stay at the older, often empty, value.
    let changed = false;
    const stop = watchTabHosts(tabId, (next) => {
      changed = true;
      setHosts(next);
    });
    void readTabHosts(tabId).then((first) => changed || setHosts(first));
    return stop;
  }, [tabId]);

  return { tabId, hosts };
}
