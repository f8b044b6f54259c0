// `npm run fuzz`: 10,000 generated cases for every parser of outside data (tests/fuzz/parsers.ts),
// and the slowest case of each; then the detector's adversarial families (tests/fuzz/detector-*.ts)
// at 10 kB, 100 kB and 1 MB, on a new seed each run (FUZZ_SEED=n repeats one). `npm test` runs
// a smaller seeded set of both.
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

const { DETECTOR_FAMILIES } = await import('../tests/fuzz/detector-families');
const { SIZES, familyLines, ruleBreaks, timeShape } = await import('../tests/fuzz/detector-timing');
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const breaks: string[] = [];
for (const family of DETECTOR_FAMILIES) {
  const started = performance.now();
  const timings = family.shapes.map((shape) =>
    timeShape(family.name, shape, SIZES, { seed, smallBudgetMs: 30, largeRuns: 3 }),
  );
  breaks.push(...timings.flatMap((timing) => ruleBreaks(timing)));
  console.log(`findHosts ${familyLines(timings)[0]}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(
  `findHosts seed ${seed}: ${breaks.length ? breaks.join('; ') : 'every shape flat and under 200 ms per MB'}`,
);
if (breaks.length) process.exitCode = 1;
