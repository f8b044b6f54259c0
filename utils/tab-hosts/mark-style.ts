// "Look of the marks": the default highlight comes with the content script (marks.css); the
// underline-only look is added by the background as a user-origin stylesheet, which the page
// can neither see nor override — no attribute or element is added to the page for it.
import { browser } from 'wxt/browser';
import { loadSettings } from '../settings/settings';

const UNDERLINE_CSS = `::highlight(hostlens) {
  background-color: transparent !important;
  text-decoration: underline solid rgba(11, 87, 208, 0.95) !important;
  text-decoration-thickness: 2px !important;
}`;

/** Frames already given the style by this worker (a new worker may add it again: harmless). */
const styled = new Set<string>();

export async function applyMarkStyle(sender: { tab?: { id?: number }; frameId?: number }): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  const frameId = sender.frameId ?? 0;
  const key = `${tabId}:${frameId}`;
  if (styled.has(key)) return;
  const { settings } = await loadSettings();
  if (settings.markStyle !== 'underline') return;
  styled.add(key);
  try {
    if (browser.scripting?.insertCSS)
      await browser.scripting.insertCSS({
        target: { tabId, frameIds: [frameId] },
        css: UNDERLINE_CSS,
        origin: 'USER',
      });
    else await browser.tabs.insertCSS(tabId, { code: UNDERLINE_CSS, frameId, cssOrigin: 'user' });
  } catch {
    // The tab navigated or closed meanwhile.
    styled.delete(key);
  }
}

/** A tab that navigates starts over. */
export function forgetMarkStyle(tabId: number): void {
  for (const key of styled) if (key.startsWith(`${tabId}:`)) styled.delete(key);
}
