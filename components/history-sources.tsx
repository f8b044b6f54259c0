// History sources on the options page: on/off per source, and under "Advanced" its base URL
// (for a proxy, a self-hosted mirror or tests). Labels follow DESIGN.md's contract.
import type { Settings } from '@/utils/settings/settings';

export function HistorySources({
  value,
  onChange,
}: {
  value: Settings['mnemonic'];
  onChange: (next: Settings['mnemonic']) => void;
}) {
  return (
    <fieldset>
      <legend>History sources (passive DNS)</legend>
      <p class="meta">
        Passive DNS records what a name resolved to and when — never who looked it up. When a card or the
        details view opens, the host name (and the addresses it was seen on) is sent to each source that is
        on.
      </p>
      <div class="choice">
        <input
          type="checkbox"
          id="source-mnemonic"
          checked={value.enabled}
          onChange={(event) => onChange({ ...value, enabled: event.currentTarget.checked })}
        />
        <label for="source-mnemonic">Mnemonic</label>
        <span class="meta">
          {' '}
          — public passive DNS by mnemonic.no, no key needed; receives the host names you open.
        </span>
      </div>
      <details>
        <summary>Advanced</summary>
        <div class="field">
          <label for="source-mnemonic-base">Mnemonic base URL</label>
          <input
            id="source-mnemonic-base"
            type="url"
            spellcheck={false}
            value={value.baseUrl}
            onInput={(event) => onChange({ ...value, baseUrl: event.currentTarget.value })}
          />
        </div>
      </details>
    </fieldset>
  );
}
