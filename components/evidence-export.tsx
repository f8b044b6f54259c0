// "Export evidence" for the page in this tab: JSON and Markdown a fact-checker can attach to a
// story. Nothing is looked up before the click; the click looks up live DNS for every host.
// Files are saved through a Blob and `<a download>`, so no `downloads` permission is needed.
import { useState } from 'preact/hooks';
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
        message: 'Hostlens’s background did not answer; try again.',
      })),
    );
  };
  const copy = async (markdown: string) => {
    const done = await navigator.clipboard.writeText(markdown).then(
      () => 'Markdown copied.',
      () => 'The browser did not allow copying; use "Download Markdown".',
    );
    setCopied(done);
  };
  return (
    <section class="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      <p class="meta">
        A report of this page — its address and title, every host with its live DNS asked now, and the history
        and registration already looked up — to attach to a story.
      </p>
      <p class="actions">
        <button type="button" disabled={state === 'busy'} onClick={() => void run()}>
          Export evidence
        </button>{' '}
        {state === 'busy' && <span role="status">Looking up every host…</span>}
      </p>
      {typeof state === 'object' && !state.ok && (
        <p class="input-error" role="alert">
          {state.message}
        </p>
      )}
      {typeof state === 'object' && state.ok && (
        <>
          <p class="actions" role="status">
            Report ready:{' '}
            <button
              type="button"
              onClick={() => downloadText(`${state.filename}.json`, state.json, 'application/json')}
            >
              Download JSON
            </button>{' '}
            <button
              type="button"
              onClick={() => downloadText(`${state.filename}.md`, state.markdown, 'text/markdown')}
            >
              Download Markdown
            </button>{' '}
            <button type="button" onClick={() => void copy(state.markdown)}>
              Copy Markdown
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
