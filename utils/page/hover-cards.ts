// When the reader rests the pointer on a marked host, open its card; when the pointer leaves
// (with a grace period to travel into the card), Escape, a scroll away or a navigation, close
// it. Pointer work is throttled to one hit-test per animation frame.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardUi } from './card-ui';
import { markAtPoint } from './hit-test';
import type { Mark, PageMarks } from './page-marks';

export interface HoverOptions {
  /** `hover`: open after the pointer rests `restMs` on a host; `click`: open on a click. */
  trigger: 'hover' | 'click';
  /** How long the pointer must rest on a host before its card opens. */
  restMs: number;
  /** How long the card stays after the pointer leaves the host, so it can reach the card. */
  graceMs: number;
  /** The card's UI, loaded on first use (shared with the keyboard walk). */
  loadCard: () => Promise<CardUi>;
}

export function watchHovers(ctx: ContentScriptContext, marks: PageMarks, options: HoverOptions): void {
  let card: CardUi | null = null;
  let hovered: Mark | null = null;
  let shown: Mark | null = null;
  let shownTop = 0;
  let restTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame = 0;
  let last: PointerEvent | null = null;
  let lastInsideCard = false;

  const close = () => {
    clearTimeout(closeTimer);
    shown = null;
    card?.hide();
  };

  const open = async (mark: Mark) => {
    card = await options.loadCard();
    const rect = mark.range.getBoundingClientRect();
    shown = mark;
    shownTop = rect.top;
    card.show(mark.host, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
  };

  const onFrame = () => {
    frame = 0;
    const event = last;
    if (!event) return;
    if (lastInsideCard) {
      clearTimeout(closeTimer); // the reader reached the card
      return;
    }
    const mark = markAtPoint(marks, event.clientX, event.clientY);
    if (mark === hovered) return;
    hovered = mark;
    clearTimeout(restTimer);
    if (mark) {
      clearTimeout(closeTimer);
      if (mark !== shown && options.trigger === 'hover')
        restTimer = ctx.setTimeout(() => void open(mark), options.restMs);
    } else if (shown) {
      closeTimer = ctx.setTimeout(close, options.graceMs);
    }
  };

  ctx.addEventListener(
    window,
    'pointermove',
    (event) => {
      // Only the reader's pointer: a page's made-up pointermove would open cards (and spend the
      // sources' allowances) at will, and read what the card shows.
      if (!event.isTrusted) return;
      last = event;
      // composedPath() is empty once dispatch is over: ask now, not in the frame callback.
      lastInsideCard = card?.contains(event) ?? false;
      if (!frame) frame = ctx.requestAnimationFrame(onFrame);
    },
    { passive: true },
  );
  if (options.trigger === 'click') {
    ctx.addEventListener(window, 'click', (event) => {
      // A click that ends a text selection is the reader selecting, not asking.
      if (!event.isTrusted || !getSelection()?.isCollapsed) return;
      const mark = markAtPoint(marks, event.clientX, event.clientY);
      if (mark) void open(mark);
    });
  }
  ctx.addEventListener(window, 'keydown', (event) => {
    if (event.key === 'Escape' && shown) close();
  });
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      // Scrolled far from where the card was opened: the card no longer sits by its host.
      if (shown && Math.abs(shown.range.getBoundingClientRect().top - shownTop) > 150) close();
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(window, 'wxt:locationchange', close);
}
