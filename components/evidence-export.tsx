// "Export evidence" for the page in this tab: JSON and Markdown a fact-checker can attach to a
// story. Nothing is looked up before the click; the click looks up live DNS for every host.
// Files are saved through a Blob and `<a download>`, so no `downloads` permission is needed.
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/messages';
import { sendMessage, type EvidenceExport as Exported } from '@/utils/messages/protocol';
import { downloadText } from './download-text';

export function EvidenceExport({ tabId }: { tabId: number }) {
  const [state, setState] = useState<'idle' | 'busy' | Exported>('idle');
  const [copied, setCopied] = useState<string | null>(null);
  const run = async () => {
    setState('busy');
    setCopied(null);
    setState(
      await sendMessage('exportEvidence', { tabId }).catch(() => ({
        ok: false as const,
        message: t('evidence.noAnswer'),
      })),
    );
  };
  const copy = async (markdown: string) => {
    const done = await navigator.clipboard.writeText(markdown).then(
      () => t('evidence.copied'),
      () => t('evidence.copyRefused'),
    );
    setCopied(done);
  };
  return (
    <section class="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence.heading')}</h2>
      <p class="meta">{t('evidence.about')}</p>
      <p class="actions">
        <button type="button" disabled={state === 'busy'} onClick={() => void run()}>
          {t('evidence.export')}
        </button>{' '}
        {state === 'busy' && <span role="status">{t('evidence.busy')}</span>}
      </p>
      {typeof state === 'object' && !state.ok && (
        <p class="input-error" role="alert">
          {state.message}
        </p>
      )}
      {typeof state === 'object' && state.ok && (
        <>
          <p class="actions" role="status">
            {t('evidence.ready')}{' '}
            <button
              type="button"
              onClick={() => downloadText(`${state.filename}.json`, state.json, 'application/json')}
            >
              {t('evidence.downloadJson')}
            </button>{' '}
            <button
              type="button"
              onClick={() => downloadText(`${state.filename}.md`, state.markdown, 'text/markdown')}
            >
              {t('evidence.downloadMarkdown')}
            </button>{' '}
            <button type="button" onClick={() => void copy(state.markdown)}>
              {t('evidence.copyMarkdown')}
            </button>
          </p>
          {copied && (
            <p class="meta" role="status">
              {copied}
            </p>
          )}
        </>
      )}
    </section>
  );
}
