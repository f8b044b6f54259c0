// Keyboard walk: the shortcut (Alt+Shift+H by default) enters it; Tab/Shift+Tab or the arrow
// keys move between marks in reading order, scroll each into view and open its card; Escape
// leaves, and focus returns where it was.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardUi } from './card-ui';
import type { Mark, PageMarks } from './page-marks';

export const FOCUS_HIGHLIGHT = 'hostlens-focus';

const NEXT = new Set(['Tab', 'ArrowDown', 'ArrowRight', 'j']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft', 'k']);

/** Reading order: by position in the document. */
function inReadingOrder(marks: Mark[]): Mark[] {
  return marks
    .filter((m) => m.range.startContainer.isConnected && !m.range.collapsed)
    .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
}

export function createKeyboardWalk(
  ctx: ContentScriptContext,
  marks: PageMarks,
  loadCard: () => Promise<CardUi>,
) {
  let order: Mark[] = [];
  let index = -1;
  let returnFocus: Element | null = null;
  const focusHighlight = typeof Highlight === 'function' && 'highlights' in CSS ? new Highlight() : null;
  if (focusHighlight) CSS.highlights.set(FOCUS_HIGHLIGHT, focusHighlight);

  const show = async (i: number) => {
    index = (i + order.length) % order.length;
    const mark = order[index]!;
    focusHighlight?.clear();
    focusHighlight?.add(mark.range);
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = mark.range.getBoundingClientRect();
    (await loadCard()).show(mark.host, {
      left: rect.left,
      top: rect.top,
      width: rect.width,
      height: rect.height,
    });
  };

  const stop = async () => {
    if (index < 0) return;
    index = -1;
    focusHighlight?.clear();
    (await loadCard()).hide();
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  };

  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      // Only the reader's keys walk the marks; a page's made-up keydown does not.
      if (index < 0 || !event.isTrusted || event.altKey || event.ctrlKey || event.metaKey) return;
      const back = (event.key === 'Tab' && event.shiftKey) || PREVIOUS.has(event.key);
      if (event.key === 'Escape') void stop();
      else if (back) void show(index - 1);
      else if (NEXT.has(event.key)) void show(index + 1);
      else return;
      event.preventDefault();
      event.stopPropagation();
    },
    { capture: true },
  );

  return {
    /** Enters walk mode at the first mark in view (or the first one), or leaves it. */
    async toggle(): Promise<void> {
      if (index >= 0) return stop();
      order = inReadingOrder(marks.allMarks());
      if (order.length === 0) return;
      returnFocus = document.activeElement;
      const firstInView = order.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
      await show(Math.max(0, firstInView));
    },
  };
}
