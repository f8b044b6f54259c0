// Resolver choice on the options page: presets, or any RFC 8484 URL.
import { RESOLVER_PRESETS } from '@/utils/dns/resolver-presets';
import { t } from '@/utils/i18n/messages';

export function ResolverSettings({ url, onChange }: { url: string; onChange: (url: string) => void }) {
  const selected = RESOLVER_PRESETS.find((p) => p.url === url)?.id ?? 'custom';
  return (
    <fieldset class="resolver-settings">
      <legend>{t('options.resolver.legend')}</legend>
      <p class="meta">{t('options.resolver.privacy')}</p>
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
            {preset.labelKey ? t(preset.labelKey) : preset.label}
            {preset.filtering && <strong class="warning"> {t('options.resolver.filtering')}</strong>}
            <span class="meta"> — {t(preset.note)}</span>
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
        <label for="preset-custom">{t('options.resolver.custom')}</label>
      </div>
      <div class="field">
        <label for="resolver-url">{t('options.resolver.urlLabel')}</label>
        <input
          id="resolver-url"
          type="url"
          value={url}
          spellcheck={false}
          onInput={(event) => onChange(event.currentTarget.value)}
        />
        <p class="meta">{t('options.resolver.urlHelp')}</p>
      </div>
    </fieldset>
  );
}
