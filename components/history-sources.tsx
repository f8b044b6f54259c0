// History sources on the options page: on/off per source, and under "Advanced" its base URL
// (for a proxy, a self-hosted mirror or tests). Labels follow DESIGN.md's contract.
import type { Settings } from '@/utils/settings/settings';

type Sources = Pick<Settings, 'mnemonic' | 'rdap' | 'certspotter'>;

export function HistorySources({ value, onChange }: { value: Sources; onChange: (next: Sources) => void }) {
  const { mnemonic, rdap, certspotter } = value;
  const setCertspotter = (next: Settings['certspotter']) => onChange({ ...value, certspotter: next });
  const setMnemonic = (next: Settings['mnemonic']) => onChange({ ...value, mnemonic: next });
  const setRdap = (next: Settings['rdap']) => onChange({ ...value, rdap: next });
  return (
    <fieldset>
      <legend>History and registration sources</legend>
      <p class="meta">
        Passive DNS records what a name resolved to and when — never who looked it up. When a card or the
        details view opens, the host name (and the addresses it was seen on) is sent to each source that is
        on.
      </p>
      <div class="choice">
        <input
          type="checkbox"
          id="source-mnemonic"
          checked={mnemonic.enabled}
          onChange={(event) => setMnemonic({ ...mnemonic, enabled: event.currentTarget.checked })}
        />
        <label for="source-mnemonic">Mnemonic</label>
        <span class="meta">
          {' '}
          — public passive DNS by mnemonic.no, no key needed; receives the host names you open.
        </span>
      </div>
      <div class="choice">
        <input
          type="checkbox"
          id="source-certspotter"
          checked={certspotter.enabled}
          onChange={(event) => setCertspotter({ ...certspotter, enabled: event.currentTarget.checked })}
        />
        <label for="source-certspotter">Cert Spotter</label>
        <span class="meta">
          {' '}
          — certificate transparency by SSLMate (api.certspotter.com), no key needed; receives the registered
          domain.
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
            value={mnemonic.baseUrl}
            onInput={(event) => setMnemonic({ ...mnemonic, baseUrl: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="source-rdap-base">RDAP base URL</label>
          <input
            id="source-rdap-base"
            type="url"
            spellcheck={false}
            placeholder="empty: ask each domain’s registry (IANA bootstrap)"
            value={rdap.baseUrl}
            onInput={(event) => setRdap({ ...rdap, baseUrl: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="source-certspotter-base">Cert Spotter base URL</label>
          <input
            id="source-certspotter-base"
            type="url"
            spellcheck={false}
            value={certspotter.baseUrl}
            onInput={(event) => setCertspotter({ ...certspotter, baseUrl: event.currentTarget.value })}
          />
        </div>
      </details>
    </fieldset>
  );
}
