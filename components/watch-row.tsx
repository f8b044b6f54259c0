// One watched host in the watchlist view: its state in plain words, its note and tags (edited
// in place), and its own "Check now" and "Unpin".
import { useState } from 'preact/hooks';
import { describeStatus } from '@/utils/dns/model';
import { sendMessage } from '@/utils/messages/protocol';
import type { WatchRow as Row } from '@/utils/watchlist/model';
import { RecordValue } from './record-value';

export const when = (ms: number | undefined) => (ms === undefined ? '—' : new Date(ms).toLocaleString());

function statusText(row: Row): string {
  if (!row.status) return 'not checked yet';
  if (row.status === 'NOERROR')
    return row.addresses.length
      ? `resolves to ${row.addresses.join(', ')}`
      : 'the name exists but has no address';
  return describeStatus(row.status);
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

export function WatchRowView({
  row,
  onCheck,
  busy,
}: {
  row: Row;
  onCheck: (host: string) => void;
  busy: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(row.note);
  const [tags, setTags] = useState(row.tags.join(', '));
  const [problem, setProblem] = useState('');
  const save = async () => {
    const result = await sendMessage('watchHost', { host: row.host, note, tags: parseTags(tags) });
    if (result.ok) {
      setEditing(false);
      setProblem('');
    } else setProblem(result.message);
  };
  return (
    <li class="watch-row" data-host={row.host}>
      <div class="watch-head">
        <strong>
          <RecordValue text={row.host} />
        </strong>{' '}
        {row.unseenChanges > 0 && (
          <span class="badge" title="changes you have not seen yet">
            {row.unseenChanges} new
          </span>
        )}
      </div>
      <p class="meta">
        {statusText(row)} · last checked {when(row.lastCheckedAt)} · next {when(row.nextCheckAt)} · last
        change {when(row.lastChangeAt)}
      </p>
      {row.lastProblem && <p class="status-error">{row.lastProblem}</p>}
      {!editing && (row.note || row.tags.length > 0) && (
        <p class="note">
          {row.note && <RecordValue text={row.note} />}
          {row.tags.map((t) => (
            <span class="tag" key={t}>
              {t}
            </span>
          ))}
        </p>
      )}
      {editing && (
        <div class="note-editor">
          <div class="field">
            <label for={`note-${row.host}`}>Note</label>
            <textarea
              id={`note-${row.host}`}
              maxLength={1000}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`tags-${row.host}`}>Tags (comma-separated)</label>
            <input id={`tags-${row.host}`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </div>
          <button type="button" onClick={() => void save()}>
            Save note
          </button>{' '}
          <button type="button" class="link-button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      )}
      {problem && (
        <p class="input-error" role="alert">
          {problem}
        </p>
      )}
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => onCheck(row.host)}>
          Check {row.host} now
        </button>{' '}
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit note and tags
          </button>
        )}{' '}
        <button type="button" onClick={() => void sendMessage('unpinHost', row.host)}>
          Unpin {row.host}
        </button>
      </p>
    </li>
  );
}
