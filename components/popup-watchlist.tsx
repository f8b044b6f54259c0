// The popup's watchlist tab: each watched host's state at a glance, "Check now", and the way to
// the full page (notes, change log, import and export).
import { useState } from 'preact/hooks';
import { formatNumber } from '@/utils/i18n/format';
import { plural, t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messages/protocol';
import { visibleText } from '@/utils/text/visible-text';
import { describeChange } from '@/utils/watchlist/diff-snapshots';
import { useWatchlist } from './use-watchlist';
import { hostDisplay, shortStatusText, summaryText } from './watch-text';

export function PopupWatchlist({ onOpen }: { onOpen: (host: string) => void }) {
  const { view, changes } = useWatchlist(5);
  const [status, setStatus] = useState('');
  const check = async () => {
    setStatus(t('popupWatchlist.checking'));
    try {
      setStatus(summaryText(await sendMessage('checkNow', null)));
    } catch {
      setStatus(t('popupWatchlist.noAnswer'));
    }
  };
  if (!view) return <p class="meta">{t('popupWatchlist.loading')}</p>;
  return (
    <section aria-labelledby="popup-watch-heading">
      <h2 id="popup-watch-heading">{t('popupWatchlist.heading')}</h2>
      {view.rows.length === 0 ? (
        <p class="meta">{t('popupWatchlist.empty')}</p>
      ) : (
        <ul class="watch-rows">
          {view.rows.map((row) => (
            <li key={row.host} data-host={row.host} class="watch-row">
              <button type="button" class="link-button" onClick={() => onOpen(row.host)}>
                {visibleText(hostDisplay(row.host).display)}
              </button>{' '}
              <span class="meta">{shortStatusText(row)}</span>
              {row.unseenChanges > 0 && (
                <span class="badge"> {plural('popupWatchlist.newChanges', row.unseenChanges)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {changes.length > 0 && (
        <ol class="change-log">
          {changes.map((c) => (
            <li key={c.id} data-change={c.kind} data-host={c.host}>
              <strong>{c.host}</strong>: {describeChange(c)}
            </li>
          ))}
        </ol>
      )}
      <p class="actions">
        <button type="button" disabled={view.rows.length === 0} onClick={() => void check()}>
          {t('popupWatchlist.checkNow')}
        </button>{' '}
        <a href="/watchlist.html" target="_blank" rel="noopener">
          {t('popupWatchlist.openFull')}
        </a>{' '}
        <span role="status">{status}</span>
      </p>
    </section>
  );
}

/** The popup's "Watchlist" tab label, with the count of changes not seen yet (as the toolbar badge). */
export function WatchlistTabLabel() {
  const { view } = useWatchlist(0);
  const unseen = view?.unseen ?? 0;
  return (
    <>
      {t('popupWatchlist.heading')}
      {unseen > 0 && (
        <>
          {' '}
          <span class="badge">
            {formatNumber(unseen)}
            <span class="visually-hidden"> {plural('popupWatchlist.unseenChanges', unseen)}</span>
          </span>
        </>
      )}
    </>
  );
}
