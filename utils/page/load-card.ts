// Gets the card's UI into this page on first use: asks the background to inject the card
// script (a separate file, so the content script stays small), then calls the factory it left.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messages/protocol';
import type { CardUi, createCardUi } from './card-ui';

const CARD_FACTORY = '__hostlensCreateCardUi'; // must match card-ui.tsx (not imported: it pulls in Preact)

export function cardLoader(ctx: ContentScriptContext): () => Promise<CardUi> {
  let card: Promise<CardUi> | null = null;
  return () =>
    (card ??= (async () => {
      const global = globalThis as Record<string, unknown>;
      if (!global[CARD_FACTORY]) await sendMessage('injectCard', undefined);
      const create = global[CARD_FACTORY] as typeof createCardUi | undefined;
      if (!create) throw new Error('the card script did not load');
      return create(ctx);
    })().catch((error: unknown) => {
      card = null; // let the next hover try again
      throw error;
    }));
}
