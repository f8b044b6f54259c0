// One watched host in the watchlist view: its state in plain words, its note and tags (edited
// in place; written only on "Save note"), and its own "Check now" and "Unpin".
import { useState } from 'preact/hooks';
import { plural, t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messages/protocol';
import { visibleText } from '@/utils/text/visible-text';
import type { WatchRow as Row } from '@/utils/watchlist/model';
import { RecordValue } from './record-value';
import { hostDisplay, nextCheckText, parseTags, statusText, when } from './watch-text';

export function WatchRowView({
  row,
  onCheck,
  busy,
  now,
}: {
  row: Row;
  onCheck: (host: string) => void;
  busy: boolean;
  /** When the list was fetched: "next check" says "due now" for times before it. */
  now: number;
}) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(row.note);
  const [tags, setTags] = useState(row.tags.join(', '));
  const [problem, setProblem] = useState('');
  const name = hostDisplay(row.host);
  // Buttons name the host as the reader sees it (an IDN in Unicode, invisible characters shown).
  const label = visibleText(name.display);
  // The editor starts from what is stored now: another browser may have changed it since.
  const edit = () => {
    setNote(row.note);
    setTags(row.tags.join(', '));
    setProblem('');
    setEditing(true);
  };
  const save = async () => {
    const result = await sendMessage('watchHost', { host: row.host, note, tags: parseTags(tags) });
    if (result.ok) {
      setEditing(false);
      setProblem('');
    } else setProblem(result.message);
  };
  const unpin = async () => {
    setProblem('');
    await sendMessage('unpinHost', row.host);
  };
  return (
    <li class="watch-row" data-host={row.host}>
      <div class="watch-head">
        <strong>
          <RecordValue text={name.display} />
        </strong>
        {name.ascii && <span class="meta"> · {t('watchlist.row.ascii', { ascii: name.ascii })}</span>}{' '}
        {row.unseenChanges > 0 && (
          <span class="badge" title={t('watchlist.row.unseenTitle')}>
            {plural('watchlist.row.unseen', row.unseenChanges)}
          </span>
        )}
      </div>
      <p class="meta">
        {t('watchlist.row.meta', {
          status: statusText(row),
          checked: when(row.lastCheckedAt),
          next: nextCheckText(row.nextCheckAt, now),
          changed: when(row.lastChangeAt),
        })}
      </p>
      {row.lastProblem && (
        <p class="status-error">{t('watchlist.row.lastProblem', { problem: row.lastProblem })}</p>
      )}
      {!editing && (row.note || row.tags.length > 0) && (
        <p class="note">
          {row.note && <RecordValue text={row.note} />}
          {row.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
        </p>
      )}
      {editing && (
        <div class="note-editor">
          <div class="field">
            <label for={`note-${row.host}`}>{t('watchlist.row.note')}</label>
            <textarea
              id={`note-${row.host}`}
              maxLength={1000}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`tags-${row.host}`}>{t('watchlist.row.tags')}</label>
            <input id={`tags-${row.host}`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </div>
          <p class="actions">
            <button
              type="button"
              onClick={() => void save().catch(() => setProblem(t('watchlist.row.couldNotSave')))}
            >
              {t('watchlist.row.saveNote')}
            </button>{' '}
            <button type="button" class="link-button" onClick={() => setEditing(false)}>
              {t('watchlist.row.cancel')}
            </button>
          </p>
        </div>
      )}
      {problem && (
        <p class="input-error" role="alert">
          {problem}
        </p>
      )}
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => onCheck(row.host)}>
          {t('watchlist.row.checkHost', { host: label })}
        </button>{' '}
        {!editing && (
          <button type="button" onClick={edit}>
            {t('watchlist.row.edit')}
            <span class="visually-hidden"> {t('watchlist.row.editOf', { host: label })}</span>
          </button>
        )}{' '}
        <button
          type="button"
          onClick={() => void unpin().catch(() => setProblem(t('common.couldNotChangeWatchlist')))}
        >
          {t('watchlist.row.unpin', { host: label })}
        </button>
      </p>
    </li>
  );
}
