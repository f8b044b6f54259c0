// A seeded, small run of the detector's adversarial families (`npm run fuzz` runs them on a new
// seed each time, with more runs per size): each shape at 10 kB, 100 kB and 1 MB, the megabyte
// once. Per character, 1 MB may cost at most 3x what 10 kB costs: a ratio within one run, not a
// time (tests/fuzz/detector-timing.ts says how time is counted on a busy machine). The 200 ms per
// megabyte budget is checked by `npm run fuzz` and reported by `npm run bench`.
import { describe, expect, it } from 'vitest';
import { DETECTOR_FAMILIES } from '../fuzz/detector-families';
import { ruleBreaks, SIZES, timeShape } from '../fuzz/detector-timing';

describe('findHosts takes time in proportion to the text, on any text', () => {
  it.each(DETECTOR_FAMILIES.map((family) => [family.name, family] as const))(
    '%s',
    (_name, family) => {
      const breaks = family.shapes.flatMap((shape) =>
        ruleBreaks(timeShape(family.name, shape, SIZES, { seed: 20260413, smallBudgetMs: 5, largeRuns: 1 }), {
          budget: false,
        }),
      );
      expect(breaks).toEqual([]);
    },
    // A family is a few shapes of a megabyte each: well under a second on an idle machine.
    30_000,
  );
});
