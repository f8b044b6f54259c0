// Export and import of the watchlist (JSON, CSV) and export of the change log (CSV). Import
// adds and updates hosts, never removes one, and lists the rows it could not take, by line.
import { useState } from 'preact/hooks';
import { sendMessage, type ExportFormat, type ImportReport } from '@/utils/messages/protocol';
import { downloadText } from './download-text';

const stamp = () => new Date().toISOString().slice(0, 10);

export function WatchIo() {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState('');
  const exportList = async (format: ExportFormat) => {
    const text = await sendMessage('exportWatchlist', format);
    downloadText(
      `hostlens-watchlist-${stamp()}.${format}`,
      text,
      format === 'json' ? 'application/json' : 'text/csv',
    );
  };
  const failedExport = () => setProblem('Hostlens’s background did not answer; nothing was exported.');
  const importFile = async (file: File | undefined) => {
    setReport(null);
    setProblem('');
    if (!file) return;
    if (file.size > 5_000_000)
      return setProblem('That file is larger than 5 MB; Hostlens reads watchlists up to 5 MB.');
    const text = await file.text();
    // By name or type, else by content: a download may have lost its extension.
    const json = /\.json$/i.test(file.name) || file.type.includes('json') || /^\uFEFF?\s*[[{]/.test(text);
    setReport(await sendMessage('importWatchlist', { format: json ? 'json' : 'csv', text }));
  };
  return (
    <section aria-labelledby="io-heading">
      <h2 id="io-heading">Export and import</h2>
      <p class="actions">
        <button type="button" onClick={() => void exportList('json').catch(failedExport)}>
          Export watchlist (JSON)
        </button>{' '}
        <button type="button" onClick={() => void exportList('csv').catch(failedExport)}>
          Export watchlist (CSV)
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            void sendMessage('exportChangeLog', undefined)
              .then((csv) => downloadText(`hostlens-changes-${stamp()}.csv`, csv, 'text/csv'))
              .catch(failedExport)
          }
        >
          Export change log (CSV)
        </button>
      </p>
      <div class="field">
        <label for="watch-import">Import watchlist file</label>
        <input
          id="watch-import"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0])
              .catch(() => setProblem('The file could not be read.'))
              // Cleared, so choosing the same file again (after fixing it) imports it again.
              .finally(() => {
                input.value = '';
              });
          }}
        />
        <p class="meta">Hosts in the file are added (or their note and tags updated); none are removed.</p>
      </div>
      {problem && (
        <p class="input-error" role="alert">
          {problem}
        </p>
      )}
      {report?.problem && (
        <p class="input-error" role="alert">
          {report.problem}
        </p>
      )}
      {report && (
        <div role="status" class="import-report">
          {report.problem ? null : (
            <p>
              Imported: {report.added} added, {report.updated} updated, {report.unchanged} unchanged
              {report.rejected.length > 0 && `, ${report.rejected.length} not imported`}.
            </p>
          )}
          {report.rejected.length > 0 && (
            <ul>
              {report.rejected.slice(0, 100).map((r) => (
                <li key={r.line}>
                  Line {r.line}: {r.reason}
                </li>
              ))}
              {report.rejected.length > 100 && <li>…and {report.rejected.length - 100} more.</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
