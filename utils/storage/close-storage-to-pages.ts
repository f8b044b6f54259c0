// Closes `storage.local` and `storage.sync` to content scripts, where the browser allows it.
//
// A content script lives inside pages that a hostile site controls. By default both areas are
// open to it, so a compromised content script (a bug of ours, or a hole in the browser's world
// isolation) could read every setting and the watchlist, and rewrite them: point a source's
// base URL or the resolver at the attacker, say. Ours needs neither area (it asks the
// background, `getPageSettings`), so closing them costs nothing.
//
// When it happens: Chromium keeps the level as a per-extension preference, but an update or a
// reinstall may drop it, so the background sets it again at every start. Every start runs
// `defineBackground`'s first lines before any event is delivered: the one that delivers
// `runtime.onInstalled` (install, update), the one for `runtime.onStartup`, and each wake after
// an idle stop. That leaves one window: on a first install, a page that finishes loading in the
// few milliseconds between the extension being enabled and this call landing gets a content
// script before the areas are closed; the areas then hold nothing but defaults. No listener
// can close that window sooner, since no event reaches us before our own first line runs.
//
// Firefox has no `setAccessLevel` for `local` and `sync` (ESR 153's MV2 background sees none at
// all), so there both stay open to content scripts, which SECURITY.md says.
import { browser } from 'wxt/browser';

type Area = 'local' | 'sync';

interface ClosableArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/** Starts closing both areas to content scripts; never throws (a failure is logged). */
export function closeStorageToPages(): Promise<void> {
  return Promise.all((['local', 'sync'] as const).map(closeArea)).then(() => undefined);
}

async function closeArea(name: Area): Promise<void> {
  const area = browser.storage[name] as ClosableArea | undefined;
  if (typeof area?.setAccessLevel !== 'function') return;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    console.error(`Hostlens: storage.${name} stays open to content scripts:`, error);
  }
}
