// "Sites where Hostlens stays off": one site per line; a site covers its subdomains.
import { parseLookupInput } from '@/utils/hosts/parse-input';
import { formatNumber } from '@/utils/i18n/format';
import { t } from '@/utils/i18n/messages';

/** Parses the field's lines into host names, or says which line is wrong. */
export function parseExcludedSites(
  text: string,
): { ok: true; sites: string[] } | { ok: false; message: string } {
  const sites: string[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const parsed = parseLookupInput(line);
    if (!parsed.ok || parsed.host.kind === 'ipv6') {
      return {
        ok: false,
        message: t('options.excluded.notASite', {
          line: formatNumber(index + 1),
          text: line.trim().slice(0, 60),
        }),
      };
    }
    if (!sites.includes(parsed.host.name)) sites.push(parsed.host.name);
  }
  return { ok: true, sites };
}

export function ExcludedSitesField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  return (
    <fieldset>
      <legend>{t('options.excluded.legend')}</legend>
      <div class="field">
        <label for="excluded-sites">{t('options.excluded.label')}</label>
        <textarea
          id="excluded-sites"
          rows={4}
          spellcheck={false}
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
        <p class="meta">{t('options.excluded.help')}</p>
      </div>
    </fieldset>
  );
}
