// "Sites where Hostlens stays off": one site per line; a site covers its subdomains.
import { parseLookupInput } from '@/utils/hosts/parse-input';

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
        message: `Sites where Hostlens stays off, line ${index + 1}: “${line.trim().slice(0, 60)}” is not a site name.`,
      };
    }
    if (!sites.includes(parsed.host.name)) sites.push(parsed.host.name);
  }
  return { ok: true, sites };
}

export function ExcludedSitesField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  return (
    <fieldset>
      <legend>Where Hostlens works</legend>
      <div class="field">
        <label for="excluded-sites">Sites where Hostlens stays off</label>
        <textarea
          id="excluded-sites"
          rows={4}
          spellcheck={false}
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
        <p class="meta">
          One site per line, such as mail.example.com; subdomains are included. On these sites Hostlens does
          not read the page, mark anything or count hosts.
        </p>
      </div>
    </fieldset>
  );
}
