// "Pin" / "Unpin" for the detail view (an extension page): pins go through `watchHost`, which
// reports a full sync storage in words instead of failing silently.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messages/protocol';

export function PinButton({ host }: { host: string }) {
  const [pinned, setPinned] = useState<boolean | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let current = true;
    setPinned(null);
    void sendMessage('isPinned', host).then(
      (p) => current && setPinned(p),
      () => current && setPinned(false),
    );
    return () => {
      current = false;
    };
  }, [host]);
  const toggle = async () => {
    setProblem('');
    if (pinned) {
      setPinned(await sendMessage('unpinHost', host));
      return;
    }
    const result = await sendMessage('watchHost', { host });
    if (result.ok) setPinned(true);
    else setProblem(result.message);
  };
  return (
    <>
      <button
        type="button"
        disabled={pinned === null}
        onClick={() => void toggle().catch(() => setProblem(t('common.couldNotChangeWatchlist')))}
      >
        {pinned ? t('card.unpin') : t('card.pin')}
      </button>
      {problem && (
        <span class="input-error" role="alert">
          {' '}
          {problem}
        </span>
      )}
    </>
  );
}
