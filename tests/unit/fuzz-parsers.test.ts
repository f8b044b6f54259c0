// A seeded, small run of the parser fuzzing (`npm run fuzz` runs 10,000 cases per parser).
import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, fuzzTarget } from '../fuzz/parsers';

describe('parsers of outside data never throw or hang', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s', (_name, target) => {
    expect(fuzzTarget(target, 150, 20261127).slowest).toBeLessThan(1000);
  });
});
