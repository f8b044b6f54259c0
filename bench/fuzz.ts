// `npm run fuzz`: 10,000 generated cases for every parser of outside data (tests/fuzz/parsers.ts),
// and the slowest case of each. `npm test` runs a smaller seeded set of the same table.
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Some parsers' modules define storage items at import; they need a browser object to exist.
(globalThis as Record<string, unknown>).chrome = fakeBrowser;
(globalThis as Record<string, unknown>).browser = fakeBrowser;
// Parsers word their errors through browser.i18n: give the fake browser the English messages.
const { useLanguage } = await import('../tests/unit/support/i18n-messages');
await useLanguage('en');
const { FUZZ_TARGETS, fuzzTarget } = await import('../tests/fuzz/parsers');

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
for (const target of FUZZ_TARGETS) {
  const started = performance.now();
  const { slowest } = fuzzTarget(target, RUNS);
  console.log(
    `${target.name.padEnd(34)} ${RUNS} cases, 0 throws, slowest ${slowest.toFixed(1)} ms, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
