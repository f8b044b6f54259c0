// Export and import of the watchlist (JSON, CSV) and export of the change log (CSV). Import
// adds and updates hosts, never removes one, and lists the rows it could not take, by line.
import { useState } from 'preact/hooks';
import { formatNumber } from '@/utils/i18n/format';
import { t } from '@/utils/i18n/messages';
import { sendMessage, type ExportFormat, type ImportReport } from '@/utils/messages/protocol';
import { downloadText } from './download-text';

const stamp = () => new Date().toISOString().slice(0, 10);

function importedText(report: ImportReport): string {
  const counts = {
    added: formatNumber(report.added),
    updated: formatNumber(report.updated),
    unchanged: formatNumber(report.unchanged),
  };
  return report.rejected.length > 0
    ? t('watchIo.importedWithRejected', { ...counts, rejected: formatNumber(report.rejected.length) })
    : t('watchIo.imported', counts);
}

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
  const failedExport = () => setProblem(t('watchIo.exportFailed'));
  const importFile = async (file: File | undefined) => {
    setReport(null);
    setProblem('');
    if (!file) return;
    if (file.size > 5_000_000) return setProblem(t('watchIo.tooLarge'));
    const text = await file.text();
    // By name or type, else by content: a download may have lost its extension.
    const json = /\.json$/i.test(file.name) || file.type.includes('json') || /^\uFEFF?\s*[[{]/.test(text);
    setReport(await sendMessage('importWatchlist', { format: json ? 'json' : 'csv', text }));
  };
  return (
    <section aria-labelledby="io-heading">
      <h2 id="io-heading">{t('watchIo.heading')}</h2>
      <p class="actions">
        <button type="button" onClick={() => void exportList('json').catch(failedExport)}>
          {t('watchIo.exportJson')}
        </button>{' '}
        <button type="button" onClick={() => void exportList('csv').catch(failedExport)}>
          {t('watchIo.exportCsv')}
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            void sendMessage('exportChangeLog', undefined)
              .then((csv) => downloadText(`hostlens-changes-${stamp()}.csv`, csv, 'text/csv'))
              .catch(failedExport)
          }
        >
          {t('watchIo.exportChanges')}
        </button>
      </p>
      <div class="field">
        <label for="watch-import">{t('watchIo.importLabel')}</label>
        <input
          id="watch-import"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0])
              .catch(() => setProblem(t('watchIo.unreadable')))
              // Cleared, so choosing the same file again (after fixing it) imports it again.
              .finally(() => {
                input.value = '';
              });
          }}
        />
        <p class="meta">{t('watchIo.importNote')}</p>
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
          {report.problem ? null : <p>{importedText(report)}</p>}
          {report.rejected.length > 0 && (
            <ul>
              {report.rejected.slice(0, 100).map((r) => (
                <li key={r.line}>{t('watchIo.rejectedLine', { line: r.line, reason: r.reason })}</li>
              ))}
              {report.rejected.length > 100 && (
                <li>{t('watchIo.more', { count: formatNumber(report.rejected.length - 100) })}</li>
              )}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
