// Wiring only: listeners are registered synchronously at start (MV3 workers are woken by the
// event itself), and each awaits the runtime's `ready` before answering.
import { evidenceDeps, handleExportEvidence } from '@/utils/evidence/handle-evidence';
import { handleHistory } from '@/utils/history/handle-history';
import { createHistoryRuntime } from '@/utils/history/history-runtime';
import { createCertificatesHandler } from '@/utils/history/handle-certificates';
import { handleRegistration } from '@/utils/history/handle-registration';
import { createRdapClient } from '@/utils/history/rdap-client';
import { handleLookup } from '@/utils/lookup/handle-lookup';
import { createLookupRuntime } from '@/utils/lookup/lookup-runtime';
import { sendMessage } from '@/utils/messages/protocol';
import { refuseBackgroundOnly, serve } from '@/utils/messages/serve';
import { handleGetPageSettings } from '@/utils/settings/handle-page-settings';
import { readSourceKeys } from '@/utils/settings/source-keys';
import { closeStorageToPages } from '@/utils/storage/close-storage-to-pages';
import { handlePageHosts } from '@/utils/tab-hosts/handle-page-hosts';
import { forgetTab } from '@/utils/tab-hosts/tab-hosts';
import { handleIsPinned, handleOpenDetails, handlePin } from '@/utils/watchlist/handle-pins';
import { registerWatchlist } from '@/utils/watchlist/watch-wiring';

const WALK_COMMAND = 'walk-marks';

export default defineBackground(() => {
  // First, on every start: content scripts must not read or write storage (Chromium only).
  void closeStorageToPages();
  const runtime = createLookupRuntime();
  const history = createHistoryRuntime();
  const askRdap = createRdapClient();
  const handleCertificates = createCertificatesHandler();
  // Keys an older version kept in storage.local (which content scripts can read in Firefox) move
  // to IndexedDB at once, not at the first lookup; a failure is shown on the options page.
  void readSourceKeys();

  serve('getPageSettings', ({ data, sender }) => handleGetPageSettings(data, sender));
  serve('lookupHost', async ({ data }) => {
    await runtime.ready;
    return handleLookup(data, runtime.ask);
  });
  serve('lookupHistory', async ({ data }) => {
    await history.ready;
    return handleHistory(data, history.ask);
  });
  serve('lookupRegistration', ({ data }) => handleRegistration(data, askRdap));
  serve('lookupCertificates', ({ data }) => handleCertificates(data));
  serve('reportPageHosts', ({ data, sender }) => handlePageHosts(data, sender));
  serve('isPinned', ({ data }) => handleIsPinned(data));
  const watch = registerWatchlist({
    ready: Promise.all([runtime.ready, history.ready]),
    askDns: runtime.ask,
    askHistory: history.ask,
    askRdap,
  });
  serve('pinHost', async ({ data, sender }) => {
    const pinned = await handlePin(data, true, sender);
    if (pinned) watch.checkSoon();
    return pinned;
  });
  serve('exportEvidence', async ({ data }) => {
    await runtime.ready;
    return handleExportEvidence(data, evidenceDeps(runtime.ask));
  });
  serve('unpinHost', ({ data, sender }) => handlePin(data, false, sender));
  serve('openDetails', ({ data }) => handleOpenDetails(data));
  refuseBackgroundOnly();

  // The first-run page, once.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  // Alt+Shift+H (rebindable in the browser's shortcut settings): walk the marks of the tab.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === WALK_COMMAND && tab?.id !== undefined)
      void sendMessage('walkMarks', undefined, tab.id).catch(() => undefined);
  });

  // A new page in the tab starts a new list; its content script reports again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void forgetTab(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
