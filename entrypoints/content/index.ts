// The content script: find and mark every host in the page, report the list. Wiring only; the
// work is in utils/page. Kept small: no zod, no PSL, no UI code on this path.
import { findHosts } from '@/utils/detect/find-hosts';
import { onMessage, sendMessage } from '@/utils/messages/protocol';
import { cardLoader } from '@/utils/page/load-card';
import { createKeyboardWalk, FOCUS_HIGHLIGHT } from '@/utils/page/keyboard-walk';
import { HIGHLIGHT_NAME, PageMarks } from '@/utils/page/page-marks';
import { watchHovers } from '@/utils/page/hover-cards';
import { PageScanner } from '@/utils/page/page-scanner';
import { cardSettings, isExcludedSite, settingsItem } from '@/utils/settings/settings-item';
import './marks.css';

const REPORT_DELAY_MS = 300;
const MIN_SLICE_MS = 5;
const MAX_SLICE_MS = 30;
const HOVER_GRACE_MS = 300;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const settings = await settingsItem.getValue();
    if (isExcludedSite(location.hostname, settings)) return;
    const { cardTrigger, hoverDelayMs } = cardSettings(settings);

    // The Custom Highlight API draws marks without touching the page's DOM (Chrome 105+,
    // Firefox 140+). Without it the list and badge still work; marks are simply not drawn.
    const highlight = typeof Highlight === 'function' && 'highlights' in CSS ? new Highlight() : null;
    if (highlight) CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    const marks = new PageMarks(highlight);

    let reportTimer: number | undefined;
    const report = () => {
      clearTimeout(reportTimer);
      reportTimer = ctx.setTimeout(
        () => void sendMessage('reportPageHosts', marks.hosts()).catch(() => undefined),
        REPORT_DELAY_MS,
      );
    };

    const scanner = new PageScanner({
      findHosts,
      marks,
      onChange: report,
      // Use the idle time the browser offers, capped well below the 50 ms of a long task;
      // when the callback fires by timeout (a busy page), take a short slice.
      schedule: (task) =>
        ctx.requestIdleCallback(
          (deadline) => task(Math.min(MAX_SLICE_MS, Math.max(MIN_SLICE_MS, deadline.timeRemaining()))),
          {
            timeout: 250,
          },
        ),
    });
    scanner.enqueue(document.body);
    scanner.observe(document.body);
    // The card's code (Preact, components) runs only once the reader first asks for a card.
    // The card's code (Preact, components) is injected only when the reader first asks for a card.
    const loadCard = cardLoader(ctx);
    watchHovers(ctx, marks, {
      trigger: cardTrigger,
      restMs: hoverDelayMs,
      graceMs: HOVER_GRACE_MS,
      loadCard,
    });
    const walk = createKeyboardWalk(ctx, marks, loadCard);
    onMessage('walkMarks', () => walk.toggle());
    // Single-page navigation: the background dropped our list with the old URL.
    ctx.addEventListener(window, 'wxt:locationchange', report);
    ctx.onInvalidated(() => {
      scanner.stop();
      if (highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
      CSS.highlights?.delete(FOCUS_HIGHLIGHT);
    });
  },
});
