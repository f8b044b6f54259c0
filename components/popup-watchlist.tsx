// The popup's watchlist tab: each watched host's state at a glance, "Check now", and the way to
// the full page (notes, change log, import and export).
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messages/protocol';
import { useWatchlist } from './use-watchlist';
import { summaryText } from './watchlist-page';

export function PopupWatchlist({ onOpen }: { onOpen: (host: string) => void }) {
  const { view, changes } = useWatchlist(5);
  const [status, setStatus] = useState('');
  const check = async () => {
    setStatus('Checking…');
    setStatus(summaryText(await sendMessage('checkNow', null)));
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
                {row.host}
              </button>{' '}
              <span class="meta">
                {row.status
                  ? row.addresses.length
                    ? row.addresses.join(', ')
                    : row.status
                  : 'not checked yet'}
              </span>
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
        <button
          type="button"
          onClick={() =>
            void browser.tabs.create({
              url: (browser.runtime.getURL as (p: string) => string)('/watchlist.html'),
            })
          }
        >
          Open the full watchlist
        </button>{' '}
        <span role="status">{status}</span>
      </p>
    </section>
  );
}
