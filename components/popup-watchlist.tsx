// The popup's watchlist tab: each watched host's state at a glance, "Check now", and the way to
// the full page (notes, change log, import and export).
import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messages/protocol';
import { visibleText } from '@/utils/text/visible-text';
import { useWatchlist } from './use-watchlist';
import { hostDisplay, shortStatusText, summaryText } from './watch-text';

export function PopupWatchlist({ onOpen }: { onOpen: (host: string) => void }) {
  const { view, changes } = useWatchlist(5);
  const [status, setStatus] = useState('');
  const check = async () => {
    setStatus('Checking…');
    try {
      setStatus(summaryText(await sendMessage('checkNow', null)));
    } catch {
      setStatus('Hostlens’s background did not answer; try again.');
    }
  };
  if (!view) return <p class="meta">Loading the watchlist…</p>;
  return (
    <section aria-labelledby="popup-watch-heading">
      <h2 id="popup-watch-heading">Watchlist</h2>
      {view.rows.length === 0 ? (
        <p class="meta">Nothing watched yet: “Pin” a host in its card or details.</p>
      ) : (
        <ul class="watch-rows">
          {view.rows.map((row) => (
            <li key={row.host} data-host={row.host} class="watch-row">
              <button type="button" class="link-button" onClick={() => onOpen(row.host)}>
                {visibleText(hostDisplay(row.host).display)}
              </button>{' '}
              <span class="meta">{shortStatusText(row)}</span>
              {row.unseenChanges > 0 && <span class="badge"> {row.unseenChanges} new</span>}
            </li>
          ))}
        </ul>
      )}
      {changes.length > 0 && (
        <ol class="change-log">
          {changes.map((c) => (
            <li key={c.id} data-change={c.kind} data-host={c.host}>
              <strong>{c.host}</strong>: {c.message}
            </li>
          ))}
        </ol>
      )}
      <p class="actions">
        <button type="button" disabled={view.rows.length === 0} onClick={() => void check()}>
          Check now
        </button>{' '}
        <a href="/watchlist.html" target="_blank" rel="noopener">
          Open the full watchlist
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
      Watchlist
      {unseen > 0 && (
        <>
          {' '}
          <span class="badge">
            {unseen}
            <span class="visually-hidden"> unseen {unseen === 1 ? 'change' : 'changes'}</span>
          </span>
        </>
      )}
    </>
  );
}
