// The toolbar popup: "Look up" on top; below it either this tab's hosts or one host's details.
// `?tabId=N` names the tab (the toolbar opens it for the active tab); `?host=` opens a host's
// detail view directly ("Open details").
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/messages';
import { EvidenceExport } from './evidence-export';
import { HostDetail } from './host-detail';
import { LookupForm } from './lookup-form';
import { PageHostsList } from './page-hosts-list';
import { PopupWatchlist, WatchlistTabLabel } from './popup-watchlist';
import { useHostLookup } from './use-host-lookup';
import { useTabHosts } from './use-tab-hosts';

export function PopupApp({ params }: { params: URLSearchParams }) {
  const initialHost = params.get('host') ?? '';
  const { state, lookUp } = useHostLookup();
  const { tabId, hosts } = useTabHosts(params.get('tabId'));
  const [showDetail, setShowDetail] = useState(Boolean(initialHost));
  const [showWatchlist, setShowWatchlist] = useState(params.get('view') === 'watchlist');
  useEffect(() => {
    if (initialHost) void lookUp(initialHost);
  }, [initialHost, lookUp]);

  const open = (input: string) => {
    setShowWatchlist(false);
    setShowDetail(true);
    void lookUp(input);
  };

  return (
    <main class="popup">
      <header class="app-header">
        <h1>Hostlens</h1>
        <button
          type="button"
          class="link-button"
          aria-pressed={showWatchlist}
          onClick={() => setShowWatchlist(!showWatchlist)}
        >
          <WatchlistTabLabel />
        </button>
        <a href="/options.html" target="_blank" rel="noopener">
          {t('popup.settings')}
        </a>
      </header>
      <LookupForm initial={initialHost} onLookup={open} />
      {showWatchlist ? (
        <PopupWatchlist onOpen={open} />
      ) : showDetail ? (
        <>
          <button type="button" class="link-button back" onClick={() => setShowDetail(false)}>
            {t('popup.backToHosts')}
          </button>
          <HostDetail
            state={state}
            onRefresh={() => state.phase !== 'idle' && void lookUp(state.input, true)}
          />
        </>
      ) : (
        <>
          <PageHostsList hosts={hosts} onOpen={open} />
          {tabId !== null && hosts && hosts.length > 0 && <EvidenceExport tabId={tabId} />}
        </>
      )}
    </main>
  );
}
