// The change log, newest first: what changed on which watched host, and when. Entries the user
// had not seen when the view opened are marked "new".
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/messages';
import { describeChange } from '@/utils/watchlist/diff-snapshots';
import type { Change } from '@/utils/watchlist/model';
import { RecordValue } from './record-value';
import { when } from './watch-text';

export function ChangeLogView({ changes, newSince }: { changes: Change[]; newSince: number }) {
  const [host, setHost] = useState('');
  const hosts = [...new Set(changes.map((c) => c.host))].sort();
  const shown = host ? changes.filter((c) => c.host === host) : changes;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('changes.heading')}</h2>
      {changes.length === 0 ? (
        <p class="meta">{t('changes.none')}</p>
      ) : (
        <>
          <div class="field inline">
            <label for="change-filter">{t('changes.filter')}</label>{' '}
            <select id="change-filter" value={host} onChange={(e) => setHost(e.currentTarget.value)}>
              <option value="">{t('changes.allHosts')}</option>
              {hosts.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
          <ol class="change-log">
            {shown.map((c) => (
              <li
                key={c.id}
                data-change={c.kind}
                data-host={c.host}
                class={(c.id ?? 0) > newSince ? 'unseen' : undefined}
              >
                <time class="meta" dateTime={new Date(c.at).toISOString()}>
                  {when(c.at)}
                </time>{' '}
                <strong>{c.host}</strong>: <RecordValue text={describeChange(c)} />
                {(c.id ?? 0) > newSince && <span class="badge"> {t('changes.new')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
