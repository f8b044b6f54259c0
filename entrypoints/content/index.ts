// The content script: find and mark every host in the page, report the list. Wiring only; the
// work is in utils/page. Kept small: no zod, no PSL, no UI code on this path.
import { askBackground } from '@/utils/messages/ask-background';
import { onMessage, sendMessage } from '@/utils/messages/protocol';
import { cardLoader } from '@/utils/page/load-card';
import { MAX_PAGE_TITLE } from '@/utils/page/page-marks';
import { startMarking } from '@/utils/page/start-marking';
import { ignoreForgedStops } from '@/utils/page/steady-context';
import './marks.css';

const REPORT_DELAY_MS = 300;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT would post "<extension id>:content:wxt:content-script-started" to the page: an id leak.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedStops(ctx);
    // Storage is closed to content scripts (utils/storage/close-storage-to-pages.ts): the
    // background answers from the address the browser gives for this page. Settings are read
    // once per page, as before; a change applies from the next page. No answer (the extension
    // was updated or removed under us): stay off.
    const page = await askBackground('getPageSettings', undefined).catch(() => null);
    if (!page || page.excluded) return;
    const { cardTrigger, hoverDelayMs, markStyle } = page;

    let reportTimer: number | undefined;
    const report = () => {
      clearTimeout(reportTimer);
      reportTimer = ctx.setTimeout(
        () =>
          void sendMessage('reportPageHosts', {
            title: document.title.slice(0, MAX_PAGE_TITLE),
            hosts: marks.hosts(),
          }).catch(() => undefined),
        REPORT_DELAY_MS,
      );
    };
    // The card's code (Preact, components) loads only when the reader first asks for a card.
    const { marks, walk } = startMarking(ctx, {
      root: document.body,
      trigger: cardTrigger,
      restMs: hoverDelayMs,
      markStyle,
      loadCard: cardLoader(ctx),
      onChange: report,
    });
    onMessage('walkMarks', () => walk.toggle());
    // Single-page navigation: the background dropped our list with the old URL.
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
