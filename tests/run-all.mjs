// `npm test`: `npm run check` (types, lint, format) first, then every unit test, then every
// end-to-end test (Chromium, then Firefox ESR), then `web-ext lint`, then one plain summary line
// that CI reads: `N passed, N failed`. A suite that crashes before reporting counts as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const suites = [
  { name: 'unit', args: [] },
  { name: 'e2e', args: ['-c', 'vitest.e2e.config.ts'] },
  // The main journeys again in Debian's Firefox ESR, on the Firefox build (tests/e2e-firefox).
  { name: 'e2e-firefox', args: ['-c', 'vitest.firefox.config.ts'] },
];
mkdirSync('tests/.tmp', { recursive: true });
let passed = 0;
let failed = 0;

// What CI accepts is what `npm run check` accepts: a type error, a lint error or an unformatted
// file fails the run (counted as one failed check; the suites still run, to show the rest).
{
  const started = Date.now();
  const check = spawnSync('npm', ['run', '--silent', 'check'], { stdio: 'inherit' });
  const ok = check.status === 0;
  console.log(
    `check: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (ok) passed++;
  else failed++;
}
for (const suite of suites) {
  const report = `tests/.tmp/${suite.name}-report.json`;
  rmSync(report, { force: true });
  const started = Date.now();
  const run = spawnSync(
    'npx',
    ['vitest', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit' },
  );
  let p = 0;
  let f = 0;
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    p = result.numPassedTests;
    f = result.numFailedTests;
    // A file that broke without a failing test (an import error, a hook) counts once.
    if (f === 0) f = result.numFailedTestSuites ?? 0;
  }
  // Non-zero exit with no failure recorded: the run itself broke (global setup, a crash).
  if (run.status !== 0 && f === 0) f = 1;
  console.log(`${suite.name}: ${p} passed, ${f} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  passed += p;
  failed += f;
}
// `web-ext lint` on the Firefox release build: one check that fails on any error. Warnings are
// listed; each is explained in README ("Firefox: web-ext lint").
{
  const started = Date.now();
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // --no-config-discovery: a web-ext config in the home directory must not change what CI checks.
  const lint = spawnSync(
    'npx',
    ['web-ext', 'lint', '-s', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', maxBuffer: 20_000_000 },
  );
  let ok = false;
  try {
    // The report is one JSON object; anything npx prints around it is not part of it.
    const stdout = lint.stdout ?? '';
    const result = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1));
    const { errors, warnings, notices } = result.summary;
    for (const kind of ['errors', 'warnings'])
      for (const m of result[kind])
        console.log(`  ${kind.slice(0, -1)}: ${m.code} in ${m.file ?? '-'}: ${m.message}`);
    console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
    if (build.status !== 0) console.log('web-ext lint: the Firefox build failed; that fails the check');
    ok = build.status === 0 && errors === 0;
  } catch {
    console.log(`web-ext lint did not run: ${(lint.stderr || String(lint.error ?? '')).slice(0, 500)}`);
  }
  console.log(
    `lint: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (ok) passed++;
  else failed++;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
