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
import { t } from '@/utils/i18n/messages';
import { onMessage, sendMessage } from '@/utils/messages/protocol';
import { isExtensionPage } from '@/utils/messages/sender';
import { handleGetPageSettings } from '@/utils/settings/handle-page-settings';
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

  onMessage('getPageSettings', ({ data, sender }) => handleGetPageSettings(data, sender));
  onMessage('lookupHost', async ({ data }) => {
    await runtime.ready;
    return handleLookup(data, runtime.ask);
  });
  onMessage('lookupHistory', async ({ data }) => {
    await history.ready;
    return handleHistory(data, history.ask);
  });
  onMessage('lookupRegistration', ({ data }) => handleRegistration(data, askRdap));
  onMessage('lookupCertificates', ({ data }) => handleCertificates(data));
  onMessage('reportPageHosts', ({ data, sender }) => handlePageHosts(data, sender));
  onMessage('isPinned', ({ data }) => handleIsPinned(data));
  const watch = registerWatchlist({
    ready: Promise.all([runtime.ready, history.ready]),
    askDns: runtime.ask,
    askHistory: history.ask,
    askRdap,
  });
  onMessage('pinHost', async ({ data, sender }) => {
    const pinned = await handlePin(data, true, sender);
    if (pinned) watch.checkSoon();
    return pinned;
  });
  onMessage('exportEvidence', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return { ok: false as const, message: t('evidence.onlyPopup') };
    await runtime.ready;
    return handleExportEvidence(data, evidenceDeps(runtime.ask));
  });
  onMessage('unpinHost', ({ data, sender }) => handlePin(data, false, sender));
  onMessage('openDetails', ({ data }) => handleOpenDetails(data));

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
