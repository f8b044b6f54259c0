// History, registration and certificate sources on the options page: a switch per source with
// who receives what, an API key field where the source takes one (kept on this computer only),
// and under "Advanced" each base URL (a proxy, a self-hosted server, tests). Labels follow
// DESIGN.md's contract: "<name>", "<name> API key", "<name> base URL".
import { t } from '@/utils/i18n/messages';
import type { Settings, SourceSwitch } from '@/utils/settings/settings';
import type { KeyedSource } from '@/utils/settings/keyed-sources';
import { SOURCE_ROWS, type SourceRow } from './source-rows';

export type SourceSettings = Pick<Settings, SourceRow['id']>;

/** What each key field shows, and a line under it when the stored key is for another server. */
export interface KeyFields {
  text: Partial<Record<KeyedSource, string>>;
  notes: Partial<Record<KeyedSource, string>>;
}

function KeyField({
  row,
  keys,
  onKeyInput,
}: {
  row: SourceRow & { key: KeyedSource };
  keys: KeyFields;
  onKeyInput: (source: KeyedSource, text: string) => void;
}) {
  const id = `source-${row.id}-key`;
  const note = keys.notes[row.key];
  return (
    <div class="field indent">
      <label for={id}>{t('sources.keyLabel', { source: row.label })}</label>
      <input
        id={id}
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={keys.text[row.key] ?? ''}
        placeholder={row.keyHint}
        aria-describedby={note ? `${id}-note` : undefined}
        onInput={(event) => onKeyInput(row.key, event.currentTarget.value.trim())}
      />
      {note && (
        <p id={`${id}-note`} class="input-error" data-key-moved={row.key}>
          {note}
        </p>
      )}
    </div>
  );
}

export function HistorySources({
  value,
  keys,
  onChange,
  onKeyInput,
}: {
  value: SourceSettings;
  keys: KeyFields;
  onChange: (next: SourceSettings) => void;
  onKeyInput: (source: KeyedSource, text: string) => void;
}) {
  const set = (id: SourceRow['id'], next: Partial<SourceSwitch & Settings['rdap']>) =>
    onChange({ ...value, [id]: { ...value[id], ...next } });
  return (
    <fieldset>
      <legend>{t('sources.heading')}</legend>
      <p class="meta">{t('sources.privacy')}</p>
      {SOURCE_ROWS.map((row) => (
        <div key={row.id} class="source-row">
          <div class="choice">
            <input
              type="checkbox"
              id={`source-${row.id}`}
              checked={value[row.id].enabled}
              onChange={(event) => set(row.id, { enabled: event.currentTarget.checked })}
            />
            <label for={`source-${row.id}`}>{row.label}</label>
            <span class="meta"> — {row.about}</span>
          </div>
          {row.key && (
            <KeyField row={row as SourceRow & { key: KeyedSource }} keys={keys} onKeyInput={onKeyInput} />
          )}
        </div>
      ))}
      <details>
        <summary>{t('sources.advanced')}</summary>
        {SOURCE_ROWS.map((row) => (
          <div class="field" key={row.id}>
            <label for={`source-${row.id}-base`}>{t('sources.baseUrlLabel', { source: row.label })}</label>
            <input
              id={`source-${row.id}-base`}
              type="url"
              spellcheck={false}
              placeholder={row.id === 'rdap' ? t('sources.rdapBasePlaceholder') : undefined}
              value={value[row.id].baseUrl}
              onInput={(event) => set(row.id, { baseUrl: event.currentTarget.value })}
            />
          </div>
        ))}
        <div class="field">
          <label for="source-rdap-bootstrap">{t('sources.rdapBootstrapUrl')}</label>
          <input
            id="source-rdap-bootstrap"
            type="url"
            spellcheck={false}
            value={value.rdap.bootstrapUrl}
            onInput={(event) => set('rdap', { bootstrapUrl: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="source-rdap-fallback">{t('sources.rdapFallbackUrl')}</label>
          <input
            id="source-rdap-fallback"
            type="url"
            spellcheck={false}
            value={value.rdap.fallbackUrl}
            onInput={(event) => set('rdap', { fallbackUrl: event.currentTarget.value })}
          />
        </div>
      </details>
    </fieldset>
  );
}
