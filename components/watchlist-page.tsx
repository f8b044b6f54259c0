// watchlist.html: every watched host with its state, "Check now" (all or one), the change log,
// and the watchlist's import and export. The list syncs across the user's browsers; snapshots
// and the change log stay on this computer.
import { useEffect, useState } from 'preact/hooks';
import { parseLookupInput } from '@/utils/hosts/parse-input';
import { t } from '@/utils/i18n/messages';
import { sendMessage, type CheckSummary } from '@/utils/messages/protocol';
import { ChangeLogView } from './change-log-view';
import { useWatchlist } from './use-watchlist';
import { WatchIo } from './watch-io';
import { WatchRowView } from './watch-row';
import { summaryText, unseenAbove } from './watch-text';

export function WatchlistPage() {
  const { view, changes, failed } = useWatchlist();
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<CheckSummary | null>(null);
  const [adding, setAdding] = useState('');
  const [addProblem, setAddProblem] = useState('');
  // Which entries were new when the page opened: they stay marked while it is open.
  const [newSince, setNewSince] = useState<number | null>(null);
  useEffect(() => {
    if (!view || newSince !== null) return;
    setNewSince(unseenAbove(changes, view.unseen));
    if (view.unseen > 0) void sendMessage('markChangesSeen', undefined);
  }, [view, changes, newSince]);

  const check = async (host: string | null) => {
    setBusy(true);
    try {
      setSummary(await sendMessage('checkNow', host));
    } catch {
      setSummary({
        checked: 0,
        postponed: 0,
        changes: [],
        problems: [t('watchlist.backgroundSilent')],
      });
    } finally {
      setBusy(false);
    }
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseLookupInput(adding);
    if (!parsed.ok) return setAddProblem(parsed.message);
    const result = await sendMessage('watchHost', { host: parsed.host.name });
    if (result.ok) {
      setAdding('');
      setAddProblem('');
    } else setAddProblem(result.message);
  };

  const now = Date.now();
  return (
    <main class="watchlist">
      <header class="app-header">
        <h1>{t('watchlist.heading')}</h1>
        <a href="/options.html">{t('watchlist.settingsLink')}</a>
      </header>
      {failed && (
        <p class="input-error" role="alert">
          {failed}
        </p>
      )}
      {view?.problem && (
        <p class="input-error" role="alert">
          {view.problem}
        </p>
      )}
      <form class="field inline" onSubmit={(e) => void add(e)}>
        <label for="watch-add">{t('watchlist.addLabel')}</label>{' '}
        <input
          id="watch-add"
          value={adding}
          spellcheck={false}
          onInput={(e) => setAdding(e.currentTarget.value)}
        />{' '}
        <button type="submit">{t('watchlist.addButton')}</button>
        {addProblem && (
          <span class="input-error" role="alert">
            {' '}
            {addProblem}
          </span>
        )}
      </form>
      <p class="actions">
        <button type="button" disabled={busy || !view?.rows.length} onClick={() => void check(null)}>
          {t('watchlist.checkAll')}
        </button>{' '}
        <span role="status">{busy ? t('watchlist.checking') : summary ? summaryText(summary) : ''}</span>
      </p>
      {summary && summary.problems.length > 0 && (
        <ul class="problems">
          {summary.problems.map((p) => (
            <li key={p} class="status-error">
              {p}
            </li>
          ))}
        </ul>
      )}
      {view && view.rows.length === 0 && <p class="meta">{t('watchlist.empty')}</p>}
      <ul class="watch-rows">
        {view?.rows.map((row) => (
          <WatchRowView key={row.host} row={row} busy={busy} now={now} onCheck={(h) => void check(h)} />
        ))}
      </ul>
      <ChangeLogView changes={changes} newSince={newSince ?? Number.MAX_SAFE_INTEGER} />
      <WatchIo />
      <p class="meta">{t('watchlist.passiveDnsNote')}</p>
    </main>
  );
}
