// The watchlist as the background reports it, refreshed whenever a check, a pin or another
// browser's sync changes it (the background bumps `watchlistRevision` after each check).
// `changeLimit` 0 skips the change log (the popup's tab label needs only the unseen count).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/messages';
import { sendMessage, type WatchlistView } from '@/utils/messages/protocol';
import type { Change } from '@/utils/watchlist/model';

export function useWatchlist(changeLimit = 500) {
  const [view, setView] = useState<WatchlistView | null>(null);
  const [changes, setChanges] = useState<Change[]>([]);
  const [failed, setFailed] = useState('');
  const refresh = useCallback(async () => {
    try {
      const [next, log] = await Promise.all([
        sendMessage('getWatchlist', undefined),
        changeLimit > 0 ? sendMessage('getChangeLog', { limit: changeLimit }) : [],
      ]);
      setView(next);
      setChanges(log);
      setFailed('');
    } catch {
      setFailed(t('watchlist.backgroundSilentRetry'));
    }
  }, [changeLimit]);
  useEffect(() => {
    void refresh();
    const listener = (changed: Record<string, unknown>, area: string) => {
      const keys = Object.keys(changed);
      if (
        (area === 'local' && keys.includes('watchlistRevision')) ||
        (area === 'sync' && keys.some((k) => k.startsWith('watch:')))
      )
        void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);
  return { view, changes, failed, refresh };
}
