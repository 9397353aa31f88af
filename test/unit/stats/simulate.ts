// Seeded random numbers for the forecasting tests: mulberry32 uniforms, Poisson by Knuth's
// product method (split into pieces of mean <= 20 to stay exact and fast), gamma by
// Marsaglia-Tsang, so negative binomial = Poisson(gamma-distributed mean).
import type { SeriesPoint } from '../../../src/stats';
import { seededUniform } from '../../../src/stats/seeded-random';

export type Rng = () => number;

/** The product's own mulberry32 (src/stats/seeded-random.ts). */
export const mulberry32: (seed: number) => Rng = seededUniform;

export function poisson(rng: Rng, mean: number): number {
  let total = 0;
  let remaining = mean;
  while (remaining > 0) {
    const piece = Math.min(remaining, 20);
    remaining -= piece;
    const limit = Math.exp(-piece);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    total += k;
  }
  return total;
}

function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang (2000). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Negative binomial with mean mu and size theta (variance mu + mu^2/theta). */
export function negativeBinomial(rng: Rng, mu: number, theta: number): number {
  return poisson(rng, (mu * gamma(rng, theta)) / theta);
}

export interface SeasonalTruth {
  /** Mean count in the middle of the first year. */
  base: number;
  /** Log-linear trend per year. */
  trendPerYear: number;
  /** Seasonal log-amplitude: log mean varies by amplitude x sin(2 pi month / 12). */
  amplitude: number;
  /** Negative binomial size; Infinity for Poisson counts. */
  theta?: number;
}

/** True mean for month t (0 = January of the first year). */
export function trueMean(truth: SeasonalTruth, t: number): number {
  const month = t % 12;
  return truth.base * Math.exp(truth.trendPerYear * (t / 12) + truth.amplitude * Math.sin((2 * Math.PI * month) / 12));
}

export function periodOf(t: number, startYear = 2018): string {
  const year = startYear + Math.floor(t / 12);
  return `${year}-${String((t % 12) + 1).padStart(2, '0')}`;
}

export function drawCount(rng: Rng, truth: SeasonalTruth, t: number): number {
  const mu = trueMean(truth, t);
  const theta = truth.theta ?? Infinity;
  return Number.isFinite(theta) ? negativeBinomial(rng, mu, theta) : poisson(rng, mu);
}

export function simulateSeries(rng: Rng, truth: SeasonalTruth, months: number): SeriesPoint[] {
  return Array.from({ length: months }, (_, t) => ({ period: periodOf(t), count: drawCount(rng, truth, t) }));
}
