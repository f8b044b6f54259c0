// Gzip size of each built entrypoint (the JS and CSS a context loads), from `.output/chrome-mv3`.
// Run after `npm run build`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

/** Files an HTML entrypoint loads: its module scripts and stylesheets, and what they import. */
function htmlAssets(html: string): string[] {
  const text = readFileSync(join(OUT, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

export function bundleSizes(): Array<{ entry: string; raw: number; gzip: number }> {
  if (!existsSync(OUT)) throw new Error(`${OUT} is missing: run \`npm run build\` first.`);
  const rows: Array<{ entry: string; raw: number; gzip: number }> = [];
  const add = (entry: string, files: string[]) =>
    rows.push({
      entry,
      raw: files.reduce((s, f) => s + statSync(join(OUT, f)).size / 1024, 0),
      gzip: files.reduce((s, f) => s + gzipKb(join(OUT, f)), 0),
    });
  add('background', ['background.js']);
  // Injected into a tab on the first card request only.
  if (existsSync(join(OUT, 'card.js'))) add('card (on first hover)', ['card.js']);
  for (const html of readdirSync(OUT).filter((f) => f.endsWith('.html')))
    add(html.replace('.html', ''), htmlAssets(html));
  const contentDir = join(OUT, 'content-scripts');
  if (existsSync(contentDir)) {
    for (const f of readdirSync(contentDir)) add(`content-scripts/${f}`, [`content-scripts/${f}`]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of bundleSizes()) {
    console.log(
      `bundle: ${row.entry.padEnd(28)} ${row.raw.toFixed(1).padStart(7)} kB raw ${row.gzip.toFixed(1).padStart(6)} kB gzip`,
    );
  }
}
