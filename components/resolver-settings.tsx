// Resolver choice on the options page: presets, or any RFC 8484 URL.
import { RESOLVER_PRESETS } from '@/utils/dns/resolver-presets';

export function ResolverSettings({ url, onChange }: { url: string; onChange: (url: string) => void }) {
  const selected = RESOLVER_PRESETS.find((p) => p.url === url)?.id ?? 'custom';
  return (
    <fieldset class="resolver-settings">
      <legend>DNS resolver (DNS over HTTPS)</legend>
      <p class="meta">
        Every host name you look up is sent to this resolver, and nothing else: no page address, no page text.
      </p>
      {RESOLVER_PRESETS.map((preset) => (
        <div class="choice" key={preset.id}>
          <input
            type="radio"
            name="resolver-preset"
            id={`preset-${preset.id}`}
            checked={selected === preset.id}
            onChange={() => onChange(preset.url)}
          />
          <label for={`preset-${preset.id}`}>
            {preset.label}
            {preset.filtering && <strong class="warning"> (filtering)</strong>}
            <span class="meta"> — {preset.note}</span>
          </label>
        </div>
      ))}
      <div class="choice">
        <input
          type="radio"
          name="resolver-preset"
          id="preset-custom"
          checked={selected === 'custom'}
          onChange={() => document.getElementById('resolver-url')?.focus()}
        />
        <label for="preset-custom">Another resolver (any RFC 8484 URL)</label>
      </div>
      <div class="field">
        <label for="resolver-url">DoH resolver URL</label>
        <input
          id="resolver-url"
          type="url"
          value={url}
          spellcheck={false}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
        <p class="meta">
          https:// only, except for a resolver on this computer (http://127.0.0.1…). A filtering resolver
          answers “does not exist” for names it blocks, which can look like a real NXDOMAIN.
        </p>
      </div>
    </fieldset>
  );
}
