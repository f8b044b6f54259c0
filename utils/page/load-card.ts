// Gets the card's UI into this page on first use. The card (Preact, components, styles) is a
// separate file, `card.js`, so the content script that runs in every page stays small.
//
// It is loaded with a dynamic `import()` of the extension's own web-accessible file, not
// injected by the background: `scripting.executeScript` needs host access to the page, which a
// release build that only declares a content script doesn't have ("Cannot access contents of
// the page"; Firefox: "Missing host permission for the tab"). An import from the content script
// needs none, and the module runs in the content script's isolated world
// (../shared/docs/chromium-e2e-tricks.md §9, checked in Chromium MV3 and Firefox ESR MV2). The
// file is reachable by pages, but only under an unguessable URL: Chrome's `use_dynamic_url`
// changes it per session, Firefox's moz-extension UUID is per install. All it holds is our code.
//
// `card.js` is built as a classic script that leaves its factory on the isolated world's global
// object; evaluated as a module it does the same.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardUi, createCardUi } from './card-ui';

/** Where `card.js` leaves `createCardUi`; must match card-ui.tsx (not imported: it pulls in Preact). */
const CARD_FACTORY = '__hostlensCreateCardUi';
export const CARD_SCRIPT = '/card.js';

export function cardLoader(ctx: ContentScriptContext): () => Promise<CardUi> {
  let card: Promise<CardUi> | null = null;
  return () =>
    (card ??= (async () => {
      const global = globalThis as Record<string, unknown>;
      if (!global[CARD_FACTORY]) await import(/* @vite-ignore */ browser.runtime.getURL(CARD_SCRIPT));
      const create = global[CARD_FACTORY] as typeof createCardUi | undefined;
      if (!create) throw new Error('the card script did not load');
      return create(ctx);
    })().catch((error: unknown) => {
      card = null; // let the next hover try again
      throw error;
    }));
}
