// `npm run bench`: performance as ratios against baselines measured in the same run — never as
// pass/fail timings. Needs the DoH test servers (dnsdist, knot) and a build (`npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bundleSizes } from './bundle-sizes';
import { benchCard } from './card';
import { benchChromiumScan } from './chromium-scan';
import { benchDetect } from './detect';
import { benchDetectAdversarial } from './detect-adversarial';
import { benchLiveBlog } from './live-blog';
import { benchLookup } from './lookup';
import { benchTextBlocksDepth } from './text-blocks-depth';

for (const line of await benchDetect()) console.log(line);
for (const line of benchDetectAdversarial()) console.log(line);
for (const line of await benchLookup()) console.log(line);
for (const line of await benchChromiumScan()) console.log(line);
for (const line of await benchTextBlocksDepth()) console.log(line);
for (const line of await benchCard()) console.log(line);
for (const line of await benchLiveBlog()) console.log(line);
// The release build, which the Chromium benches above also ran.
execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
if (existsSync('.output/chrome-mv3')) {
  for (const row of bundleSizes()) {
    console.log(
      `bundle: ${row.entry.padEnd(28)} ${row.raw.toFixed(1).padStart(7)} kB raw ${row.gzip.toFixed(1).padStart(6)} kB gzip`,
    );
  }
} else console.log('bundle: run `npm run build` first to measure bundle sizes');
