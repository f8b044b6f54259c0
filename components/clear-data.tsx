// "Clear all data", with a second step: it deletes the watchlist on every synced browser.
import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messages/protocol';

export function ClearData({ onCleared }: { onCleared: () => void }) {
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState('');
  const clear = async () => {
    const done = await sendMessage('clearAllData', undefined);
    setAsking(false);
    setResult(done.ok ? 'Everything was deleted; settings are back to their defaults.' : done.message);
    if (done.ok) onCleared();
  };
  return (
    <fieldset>
      <legend>Your data</legend>
      <p class="meta">
        Deletes the watchlist (on all your synced browsers), snapshots, the change log, kept answers, API
        keys, and resets these settings.
      </p>
      {asking ? (
        <p>
          <button type="button" class="danger" onClick={() => void clear()}>
            Yes, delete everything
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </p>
      ) : (
        <p>
          <button type="button" onClick={() => setAsking(true)}>
            Clear all data
          </button>
        </p>
      )}
      {result && <p role="status">{result}</p>}
    </fieldset>
  );
}
