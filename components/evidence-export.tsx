// "Export evidence" for the page in this tab: JSON and Markdown a fact-checker can attach to a
// story. Nothing is looked up before the click; the click looks up live DNS for every host.
import { useState } from 'preact/hooks';
import { sendMessage, type EvidenceExport as Exported } from '@/utils/messages/protocol';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function EvidenceExport({ tabId }: { tabId: number }) {
  const [state, setState] = useState<'idle' | 'busy' | Exported>('idle');
  const run = async () => {
    setState('busy');
    setState(
      await sendMessage('exportEvidence', { tabId }).catch(() => ({
        ok: false as const,
        message: 'Hostlens’s background did not answer; try again.',
      })),
    );
  };
  return (
    <section class="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      <p class="meta">
        A report of this page — its address, every host with its live DNS now, and the history and
        registration already looked up — to attach to a story.
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
        <p class="actions" role="status">
          Ready:{' '}
          <button
            type="button"
            onClick={() => download(`${state.filename}.json`, state.json, 'application/json')}
          >
            Download JSON
          </button>{' '}
          <button
            type="button"
            onClick={() => download(`${state.filename}.md`, state.markdown, 'text/markdown')}
          >
            Download Markdown
          </button>{' '}
          <button type="button" onClick={() => void navigator.clipboard.writeText(state.markdown)}>
            Copy Markdown
          </button>
        </p>
      )}
    </section>
  );
}
