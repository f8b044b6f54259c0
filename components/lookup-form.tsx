// "Look up": any host name, URL, e-mail address or IP, defanged or not (DESIGN.md contract).
import { useState } from 'preact/hooks';
import { parseLookupInput } from '@/utils/hosts/parse-input';
import { t } from '@/utils/i18n/messages';

export function LookupForm({
  initial = '',
  onLookup,
}: {
  initial?: string;
  onLookup: (input: string) => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="lookup-form"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseLookupInput(value);
        if (!parsed.ok) return setError(parsed.message);
        setError(null);
        onLookup(value);
      }}
    >
      <label for="lookup-input">{t('popup.lookUp')}</label>
      <input
        id="lookup-input"
        type="search"
        value={value}
        placeholder={t('popup.lookUpPlaceholder')}
        autoComplete="off"
        spellcheck={false}
        aria-describedby={error ? 'lookup-error' : undefined}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
      {error && (
        <p id="lookup-error" class="input-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
