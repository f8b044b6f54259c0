// WXT stops a content script when a newer copy of it starts in the same page (after an update
// or reload of the extension, the old copy would otherwise keep running, orphaned). It learns of
// the newer copy from a DOM event named after the extension's id, and a page can dispatch that
// event too: Hostlens's id is public (a store listing's, or Firefox's gecko id), so any page could
// switch Hostlens off — marks gone, later hosts unmarked. WXT also used to post the same name to
// the page with `postMessage`, telling every page the extension's id (`noScriptStartedPostMessage`
// in the content script's definition turns that off).
//
// A copy that is really replaced has lost its extension: its `runtime.id` is gone. So the stop is
// obeyed only then; a page's forged event finds the extension alive and is ignored.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function ignoreForgedStops(ctx: ContentScriptContext): void {
  const invalidate = ctx.notifyInvalidated.bind(ctx);
  ctx.notifyInvalidated = () => {
    if (browser.runtime?.id == null) invalidate();
  };
}
