// Mounts the hover card: one shadow root per page, created on the first hover. Page CSS can't
// reach inside (WXT resets the host with `all: initial`; our own sheet sets font, size and
// colours), and ours can't leak out. The host element gets inline `!important` display and
// position, which beat even `* { display: none !important }` in the page.
//
// The root is closed: a page script gets `null` from the host's `shadowRoot`, so it can't read
// the card (a "Pinned · manage" button would tell it what the reader watches) or reach its
// buttons. Tests read it through the DevTools protocol (tests/e2e/support/card-view.ts).
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverCard } from '@/components/hover-card';
import baseCss from '@/components/hostlens.css?inline';
import cardCss from '@/components/hover-card.css?inline';
import type { Box } from './card-position';
import { OWN_UI_ATTRIBUTE } from './text-blocks';

/** Where `entrypoints/card.ts` leaves `createCardUi` for the content script. */
export const CARD_FACTORY = '__hostlensCreateCardUi';

export interface CardUi {
  show(host: string, anchor: Box): void;
  hide(): void;
  /** True when `event` happened inside the card. */
  contains(event: Event): boolean;
  readonly open: boolean;
}

export async function createCardUi(ctx: ContentScriptContext): Promise<CardUi> {
  let container: HTMLElement | null = null;
  let current: string | null = null;
  let returnFocus: Element | null = null;
  const ui: ShadowRootContentScriptUi<void> = await createShadowRootUi(ctx, {
    name: 'hostlens-card',
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: `${baseCss.replaceAll(':root', ':host')}\n${cardCss}`,
    onMount(root, _shadow, host) {
      container = root;
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      for (const [property, value] of [
        ['display', 'block'],
        ['position', 'static'],
        ['visibility', 'visible'],
        ['opacity', '1'],
        ['font-size', '16px'],
      ]) {
        host.style.setProperty(property!, value!, 'important');
      }
    },
    onRemove() {
      if (container) render(null, container);
    },
  });
  ui.mount();

  const hide = () => {
    if (!container || current === null) return;
    render(null, container);
    current = null;
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
    returnFocus = null;
  };

  return {
    show(host, anchor) {
      if (!container) return;
      if (current === null) returnFocus = document.activeElement;
      current = host;
      render(<HoverCard key={host} host={host} anchor={anchor} onClose={hide} />, container);
    },
    hide,
    // Seen from outside a closed root, an event's path stops at the host: enough to tell.
    contains: (event) => event.composedPath().includes(ui.shadowHost),
    get open() {
      return current !== null;
    },
  };
}
