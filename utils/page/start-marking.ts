// Marks every host in a document and opens cards on them: what the content script does in every
// page, and what the welcome page does on its sample article — one implementation for both.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findHosts } from '../detect/find-hosts';
import type { CardUi } from './card-ui';
import { createKeyboardWalk, FOCUS_HIGHLIGHT } from './keyboard-walk';
import { HIGHLIGHT_NAMES, PageMarks } from './page-marks';
import { watchHovers } from './hover-cards';
import { PageScanner } from './page-scanner';

const MIN_SLICE_MS = 5;
const MAX_SLICE_MS = 30;
const HOVER_GRACE_MS = 300;

export interface MarkingOptions {
  root: HTMLElement;
  trigger: 'hover' | 'click';
  restMs: number;
  /** "Look of the marks" (options): which of marks.css's highlights the marks are drawn with. */
  markStyle: keyof typeof HIGHLIGHT_NAMES;
  loadCard: () => Promise<CardUi>;
  /** Called (often) when the set of marked hosts changes. */
  onChange: () => void;
}

export function startMarking(ctx: ContentScriptContext, options: MarkingOptions) {
  // The Custom Highlight API draws marks without touching the page's DOM (Chrome 105+,
  // Firefox 140+). Without it the list and badge still work; marks are simply not drawn.
  const highlight = typeof Highlight === 'function' && 'highlights' in CSS ? new Highlight() : null;
  const highlightName = HIGHLIGHT_NAMES[options.markStyle];
  if (highlight) CSS.highlights.set(highlightName, highlight);
  const marks = new PageMarks(highlight);
  const scanner = new PageScanner({
    findHosts,
    marks,
    onChange: options.onChange,
    // Use the idle time the browser offers, capped well below the 50 ms of a long task;
    // when the callback fires by timeout (a busy page), take a short slice.
    schedule: (task) =>
      ctx.requestIdleCallback(
        (deadline) => task(Math.min(MAX_SLICE_MS, Math.max(MIN_SLICE_MS, deadline.timeRemaining()))),
        { timeout: 250 },
      ),
  });
  scanner.enqueue(options.root);
  scanner.observe(options.root);
  watchHovers(ctx, marks, {
    trigger: options.trigger,
    restMs: options.restMs,
    graceMs: HOVER_GRACE_MS,
    loadCard: options.loadCard,
  });
  const walk = createKeyboardWalk(ctx, marks, options.loadCard);
  ctx.onInvalidated(() => {
    scanner.stop();
    marks.disconnect();
    if (highlight) CSS.highlights.delete(highlightName);
    CSS.highlights?.delete(FOCUS_HIGHLIGHT);
  });
  return { marks, walk };
}
