// What the detector costs the content script: utils/detect/find-hosts.ts bundled alone with
// esbuild (installed with WXT), minified, then gzipped with node:zlib — and how much of that is
// the IANA TLD list, measured by bundling once more with `tlds` left out.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const ENTRY = 'utils/detect/find-hosts.ts';

async function bundledSize(external: string[]): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export async function detectBundleLines(): Promise<string[]> {
  const whole = await bundledSize([]);
  const withoutTlds = await bundledSize(['tlds']);
  return [
    `bundle: ${ENTRY} alone ${kB(whole.raw)} min, ${kB(whole.gzip)} min+gzip ` +
      `(the tlds list ${kB(whole.gzip - withoutTlds.gzip)} of it)`,
  ];
}
