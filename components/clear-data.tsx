// "Clear all data", with a second step: it deletes the watchlist on every synced browser.
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messages/protocol';

export function ClearData({ onCleared }: { onCleared: () => void }) {
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState('');
  const clear = async () => {
    const done = await sendMessage('clearAllData', undefined);
    setAsking(false);
    setResult(done.ok ? t('options.clear.done') : done.message);
    if (done.ok) onCleared();
  };
  return (
    <fieldset>
      <legend>{t('options.clear.legend')}</legend>
      <p class="meta">{t('options.clear.what')}</p>
      {asking ? (
        <p>
          <button type="button" class="danger" onClick={() => void clear()}>
            {t('options.clear.confirm')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {t('options.clear.cancel')}
          </button>
        </p>
      ) : (
        <p>
          <button type="button" onClick={() => setAsking(true)}>
            {t('options.clear.clearAll')}
          </button>
        </p>
      )}
      {result && <p role="status">{result}</p>}
    </fieldset>
  );
}
