// TEMPORARY (for the i18n work only): builds locales/<lang>.yml from locales/parts/<area>.<lang>.yml.
// Each part owns distinct top-level keys. Run: node scripts/merge-locales.mjs && npx wxt prepare
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
const dir = new URL('../locales/parts/', import.meta.url);
for (const lang of ['en', 'ru']) {
  const files = readdirSync(dir).filter((f) => f.endsWith(`.${lang}.yml`)).sort((a, b) => (a.startsWith('core') ? -1 : b.startsWith('core') ? 1 : a.localeCompare(b)));
  const seen = new Map();
  let out = '';
  for (const f of files) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    for (const m of text.matchAll(/^([A-Za-z0-9_]+):/gm)) {
      if (seen.has(m[1])) throw new Error(`top-level key ${m[1]} in both ${seen.get(m[1])} and ${f}`);
      seen.set(m[1], f);
    }
    out += (out ? '\n' : '') + text.trimEnd() + '\n';
  }
  writeFileSync(new URL(`../locales/${lang}.yml`, import.meta.url), out);
}
