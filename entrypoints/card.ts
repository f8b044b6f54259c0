// The hover card's code (Preact, components, styles), kept out of the content script: the
// background injects this file into a tab's isolated world the first time the reader asks for
// a card there, so pages where nobody hovers never parse it. It hands its factory to the
// content script through the isolated world's global object.
import { CARD_FACTORY, createCardUi } from '@/utils/page/card-ui';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_FACTORY] = createCardUi;
});
