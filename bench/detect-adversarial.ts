// findHosts on adversarial text (tests/fuzz/detector-families.ts): per family, the slowest shape
// at 1 MB in CPU ms per million characters, then the worst across all families, the figure to
// quote. Same seed every run, so runs compare; `npm run fuzz` tries new seeds and checks the rules.
import { familyLines, SIZES, slowest, timeFamilies } from '../tests/fuzz/detector-timing';

const SEED = 20260413;

export function benchDetectAdversarial(): string[] {
  const timings = timeFamilies(SIZES, { seed: SEED, smallBudgetMs: 30, largeRuns: 3 });
  const worst = slowest(timings);
  return [
    ...familyLines(timings).map((line) => `detect adversarial: ${line}`),
    `detect adversarial: worst case across families ${worst.msPerMb.at(-1)!.toFixed(1)} ms CPU per MB (${worst.family}: ${worst.shape})`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of benchDetectAdversarial()) console.log(line);
}
