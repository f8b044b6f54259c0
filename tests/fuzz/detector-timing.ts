// Times findHosts on the adversarial families (detector-families.ts) and checks the two rules
// issue 13 asked for: time per character stays flat as the text grows (the largest size costs
// at most FLAT_FACTOR times the smallest per character, both measured in the same run after a
// warm-up), and a megabyte of any shape takes at most MAX_MS_PER_MB.
//
// Time is the process's CPU time, not the wall clock: on a busy machine (CI's two cores shared
// with browsers and servers) other processes stretch the wall clock several times over, while
// the work findHosts does stays the same. On an idle machine the two agree. Even CPU time
// wobbles there (a shared virtual machine charges us for waits), and noise only ever adds time:
// so each size counts its fastest run, and a shape that breaks a rule is timed again before the
// break counts (a real super-linear cost breaks it every time).
import { findHosts } from '@/utils/detect/find-hosts';
import { DETECTOR_FAMILIES, seededRandom, type Shape } from './detector-families';

export const SIZES = [10_000, 100_000, 1_000_000];
export const FLAT_FACTOR = 3;
export const MAX_MS_PER_MB = 200;

export interface ShapeTiming {
  family: string;
  shape: string;
  sizes: number[];
  /** CPU milliseconds per million characters, one per size (its fastest run). */
  msPerMb: number[];
}

export interface TimingOptions {
  seed: number;
  /** Each size but the largest runs at least 3 times and until this much CPU time is spent. */
  smallBudgetMs: number;
  /** How many times the largest size runs. */
  largeRuns: number;
}

/** How many more times a shape that breaks a rule is timed before the break counts. */
const RETRIES = 2;

/** CPU milliseconds `run` took in this process. */
export function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Past this much CPU time a text is timed no more: a scan that slow breaks the rules anyway. */
const ENOUGH_MS = 1000;

/**
 * The fastest of at least `runs` calls that also spend at least `budgetMs` between them, in CPU
 * ms; fewer when they pass ENOUGH_MS (a quadratic scan spends a minute on 100 kB).
 */
function timeFindHosts(text: string, runs: number, budgetMs = 0): number {
  let fastest = Infinity;
  let spent = 0;
  for (let n = 0; (n < runs || spent < budgetMs) && (n === 0 || spent < ENOUGH_MS); n++) {
    const ms = cpuMs(() => findHosts(text));
    fastest = Math.min(fastest, ms);
    spent += ms;
  }
  return fastest;
}

/**
 * CPU ms per million characters of findHosts on each text (smallest first), after a warm-up.
 * Stops after a size that already costs more than FLAT_FACTOR times the first per character: a
 * quadratic scan would take minutes on the next size (issue 13's shape: hours on a megabyte).
 */
function measure(texts: string[], options: TimingOptions): number[] {
  // Warm-up on the smallest text: compiled code and a grown heap, as on a page after its first scan.
  timeFindHosts(texts[0]!, 3, options.smallBudgetMs);
  const msPerMb: number[] = [];
  for (const [i, text] of texts.entries()) {
    const largest = i === texts.length - 1;
    const ms = largest
      ? timeFindHosts(text, options.largeRuns)
      : timeFindHosts(text, 3, options.smallBudgetMs);
    msPerMb.push((ms * 1_000_000) / text.length);
    if (msPerMb[i]! > FLAT_FACTOR * msPerMb[0]!) break;
  }
  return msPerMb;
}

export function timeShape(
  family: string,
  shape: Shape,
  sizes: number[],
  options: TimingOptions,
): ShapeTiming {
  // The same seed gives the same text of each size (for generated shapes, each a prefix of the next).
  const texts = sizes.map((size) => shape.make(size, seededRandom(options.seed)));
  let msPerMb = measure(texts, options);
  const timing = (): ShapeTiming => ({
    family,
    shape: shape.name,
    sizes: sizes.slice(0, msPerMb.length),
    msPerMb,
  });
  // A break may be noise (a busy machine, code not yet optimized): time the shape again, unless
  // a run took so long that it can't be (a quadratic scan: a minute per run, not milliseconds).
  const slow = () => msPerMb.some((ms, i) => (ms * sizes[i]!) / 1_000_000 >= ENOUGH_MS);
  const noisyBreak = () => ruleBreaks(timing()).length > 0 && !slow();
  for (let retry = 0; retry < RETRIES && noisyBreak(); retry++) {
    const again = measure(texts, options);
    const [longer, shorter] = again.length > msPerMb.length ? [again, msPerMb] : [msPerMb, again];
    msPerMb = longer.map((ms, i) => Math.min(ms, shorter[i] ?? ms));
  }
  return timing();
}

export function timeFamilies(sizes: number[], options: TimingOptions): ShapeTiming[] {
  return DETECTOR_FAMILIES.flatMap((family) =>
    family.shapes.map((shape) => timeShape(family.name, shape, sizes, options)),
  );
}

/** How many times the smallest size's cost per character the largest timed size's is. */
export function growth(timing: ShapeTiming): number {
  return timing.msPerMb.at(-1)! / timing.msPerMb[0]!;
}

/** `10 kB`, `1 MB`: sizes in thousands and millions of characters. */
const size = (characters: number) =>
  characters >= 1_000_000 ? `${characters / 1_000_000} MB` : `${characters / 1000} kB`;

/** What breaks the rules, in words; empty when the shape is fine. */
/**
 * The rules a timing breaks. `budget: false` checks only the ratio, measured within one run:
 * `npm test` holds the detector to that (a quadratic shape fails it on any machine), while the
 * 200 ms budget, a wall-clock figure, belongs to `npm run fuzz` and `npm run bench`.
 */
export function ruleBreaks(timing: ShapeTiming, { budget = true }: { budget?: boolean } = {}): string[] {
  const name = `${timing.family} / ${timing.shape}`;
  const breaks: string[] = [];
  const last = size(timing.sizes.at(-1)!);
  if (growth(timing) > FLAT_FACTOR) {
    breaks.push(
      `${name}: a character costs ${growth(timing).toFixed(1)}x as much at ${last} as at ` +
        `${size(timing.sizes[0]!)} (at most ${FLAT_FACTOR}x)`,
    );
  }
  if (budget && timing.msPerMb.at(-1)! > MAX_MS_PER_MB) {
    breaks.push(
      `${name}: ${timing.msPerMb.at(-1)!.toFixed(0)} ms per MB at ${last} (at most ${MAX_MS_PER_MB})`,
    );
  }
  return breaks;
}

/** Cost per million characters at the largest size timed. */
const largestCost = (timing: ShapeTiming) => timing.msPerMb.at(-1)!;

/** The slowest of some timings at the largest size. */
export function slowest(timings: ShapeTiming[]): ShapeTiming {
  return timings.reduce((worst, timing) => (largestCost(timing) > largestCost(worst) ? timing : worst));
}

/**
 * One line per family, in family order: its slowest shape at the largest size, in CPU ms per
 * million characters, and how much more a character costs there than at the smallest size.
 */
export function familyLines(timings: ShapeTiming[]): string[] {
  const families = [...new Set(timings.map((timing) => timing.family))];
  return families.map((family) => {
    const own = timings.filter((timing) => timing.family === family);
    const worst = slowest(own);
    const steepest = Math.max(...own.map(growth));
    return (
      `${family.padEnd(16)} worst ${largestCost(worst).toFixed(1).padStart(5)} ms/MB (${worst.shape}); ` +
      `a character at ${size(worst.sizes.at(-1)!)} costs at most ${steepest.toFixed(2)}x ` +
      `as much as at ${size(worst.sizes[0]!)} (${own.length} shape${own.length === 1 ? '' : 's'})`
    );
  });
}
