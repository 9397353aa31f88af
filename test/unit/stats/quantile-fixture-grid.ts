// The grid behind quantile-fixture.json, shared by its generator and quantile-speed.test.ts so the
// two cannot drift apart.

/** Current count, its denominator, previous count, its denominator (null: compare counts). */
export type RateChangeCase = readonly [number, number | null, number, number | null];

export interface QuantileFixture {
  source: string;
  /** [p, a, b, x] */
  betaQuantile: number[][];
  /** [p, shape, x] */
  gammaQuantile: number[][];
  /** [count, confidence, lower, upper] */
  exactPoissonLimits: (number | null)[][];
  /** [c1, d1, c0, d0, confidence, ratioLower, ratioUpper, pValue, significant]; nulls when not tested. */
  rateChange: (number | boolean | null)[][];
}

const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

// Count pairs like those of rate-change.test.ts: a small-count grid, larger pairs, rates.
const SMALL_PAIRS = range(0, 60, 6).flatMap((c0) => range(0, 60, 5).map((c1): RateChangeCase => [c1, null, c0, null]));
const LARGE_COUNTS = [1, 3, 10, 37, 120, 400, 1000, 2000];
const LARGE_PAIRS = LARGE_COUNTS.flatMap((c0) => LARGE_COUNTS.map((c1): RateChangeCase => [c1, null, c0, null]));
const RATE_PAIRS: RateChangeCase[] = [
  [200, null, 120, null],
  [105, null, 100, null],
  [60, null, 100, null],
  [150, 120_000, 100, 100_000],
  [5, null, 0, null],
  [0, null, 5, null],
  [12, 45_000, 3, 44_000],
  [980, 310_000, 1010, 305_000],
  [100_000, 5_600_000, 102_000, 5_550_000],
  [1_000_000, null, 1_001_500, null],
];

export const FIXTURE_GRID = {
  probabilities: [0.001, 0.005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.995, 0.999],
  shapes: [0.5, 1, 2, 3, 5, 10, 37, 100, 1000, 25000],
  counts: [...range(0, 30, 1), ...range(40, 100, 10), 150, 200, 300, 500, 750, 1000, 1500, 2000, 100_000, 1_000_000],
  confidences: [0.95, 0.998],
  rateChangeCases: [...SMALL_PAIRS, ...LARGE_PAIRS, ...RATE_PAIRS],
} as const;
