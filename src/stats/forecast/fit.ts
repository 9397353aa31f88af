// Seasonal count model: log E[y_t] = trend x (t - centre)/12 + level of the calendar month,
// fitted by IRLS (iteratively reweighted least squares, McCullagh & Nelder 1989 ch. 2).
// Over-dispersion is handled the negative-binomial way: theta is estimated by the method of
// moments on Pearson residuals (as MASS::theta.mm) and the IRLS weights become
// mu / (1 + mu/theta); the two steps alternate to convergence. With no extra-Poisson variation
// the model is the plain Poisson GLM.
import {
  at,
  choleskyInverse,
  cholesky,
  choleskySolve,
  rowMatrix,
  weightedCrossProduct,
  type RowMatrix,
  type SquareMatrix,
} from './linear-algebra';
import { indexToPeriod, monthOfYear, periodToIndex } from './periods';
import type { NotEnoughData, SeasonalFitResult, SeasonalModel, Seasonality, SeriesPoint } from './types';

/** A seasonal model needs two full years of observed months. */
export const MIN_OBSERVED_MONTHS = 24;

const MAX_ETA = 30; // keeps exp() finite during early IRLS steps
const MIN_ETA = -30;
const MAX_IRLS_ITERATIONS = 100;

export interface PreparedSeries {
  /** Sorted, one entry per month from the first to the last period (gaps filled with null). */
  indices: number[];
  counts: (number | null)[];
}

/** Sorts a series, checks periods and counts, and fills calendar gaps with nulls. */
export function prepareSeries(series: readonly SeriesPoint[]): PreparedSeries {
  const byIndex = new Map<number, number | null>();
  for (const p of series) {
    const i = periodToIndex(p.period);
    if (byIndex.has(i)) throw new RangeError(`period ${p.period} appears twice`);
    const c = p.count;
    if (c !== null && (!Number.isFinite(c) || c < 0)) {
      throw new RangeError(`count for ${p.period} must be a number of zero or more, or null`);
    }
    byIndex.set(i, c);
  }
  if (byIndex.size === 0) return { indices: [], counts: [] };
  const keys = [...byIndex.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const indices: number[] = [];
  const counts: (number | null)[] = [];
  for (let i = first; i <= last; i++) {
    indices.push(i);
    counts.push(byIndex.get(i) ?? null);
  }
  return { indices, counts };
}

export function countObserved(counts: readonly (number | null)[]): number {
  return counts.filter((c) => c !== null).length;
}

export function notEnoughData(observedMonths: number, reason?: string): NotEnoughData {
  return {
    kind: 'not-enough-data',
    reason:
      reason ?? `A seasonal model needs at least ${MIN_OBSERVED_MONTHS} months with a count; this series has ${observedMonths}.`,
    observedMonths,
    requiredMonths: MIN_OBSERVED_MONTHS,
  };
}

/** Design row for a period index under a seasonality choice. */
export function designRow(index: number, seasonality: Seasonality, trendCentre: number): number[] {
  const t = (index - trendCentre) / 12;
  const m = monthOfYear(index);
  if (seasonality === 'monthly') {
    const row = new Array<number>(13).fill(0);
    row[0] = t;
    row[1 + m] = 1;
    return row;
  }
  if (seasonality === 'harmonic') {
    const angle = (2 * Math.PI * m) / 12;
    return [1, t, Math.sin(angle), Math.cos(angle)];
  }
  return [1, t];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parameterNames(seasonality: Seasonality): string[] {
  if (seasonality === 'monthly') return ['trend', ...MONTH_NAMES.map((m) => `level_${m}`)];
  if (seasonality === 'harmonic') return ['intercept', 'trend', 'sin_annual', 'cos_annual'];
  return ['intercept', 'trend'];
}

/** Index of the trend coefficient for each seasonality. */
export function trendIndex(seasonality: Seasonality): number {
  return seasonality === 'monthly' ? 0 : 1;
}

interface IrlsResult {
  beta: number[];
  mu: number[];
  covariance: SquareMatrix;
  iterations: number;
  converged: boolean;
}

/** The linear predictor x·beta of each row, kept inside [MIN_ETA, MAX_ETA] so exp() stays finite; and its exp. */
function predict(d: RowMatrix, beta: ArrayLike<number>, eta: Float64Array, mu: Float64Array): void {
  const { n, p, x } = d;
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[r * p + j]! * beta[j]!;
    const e = Math.min(MAX_ETA, Math.max(MIN_ETA, s));
    eta[r] = e;
    mu[r] = Math.exp(e);
  }
}

function irls(d: RowMatrix, y: readonly number[], theta: number, start: readonly number[] | null): IrlsResult | null {
  const { n, p, x } = d;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  const w = new Float64Array(n);
  if (start) predict(d, start, eta, mu);
  else {
    for (let r = 0; r < n; r++) {
      mu[r] = at(y, r) + 0.5; // start at the data; + 0.5 keeps log() finite for zero counts
      eta[r] = Math.log(mu[r]!);
    }
  }
  let beta = start ? [...start] : new Array<number>(p).fill(0);
  let converged = false;
  let iterations = MAX_IRLS_ITERATIONS;
  const nb = Number.isFinite(theta);
  const weigh = (): Float64Array => {
    for (let r = 0; r < n; r++) w[r] = nb ? mu[r]! / (1 + mu[r]! / theta) : mu[r]!;
    return w;
  };
  const rhs = new Array<number>(p);
  for (let iter = 1; iter <= MAX_IRLS_ITERATIONS; iter++) {
    weigh();
    const l = cholesky(weightedCrossProduct(d, w));
    if (!l) return null;
    rhs.fill(0);
    for (let r = 0; r < n; r++) {
      const z = eta[r]! + (at(y, r) - mu[r]!) / mu[r]!;
      const wz = w[r]! * z;
      for (let j = 0; j < p; j++) rhs[j] = rhs[j]! + x[r * p + j]! * wz;
    }
    const next = choleskySolve(l, rhs);
    let change = -Infinity;
    for (let j = 0; j < p; j++) change = Math.max(change, Math.abs(next[j]! - at(beta, j)) / (1 + Math.abs(next[j]!)));
    beta = next;
    predict(d, beta, eta, mu);
    if (change < 1e-10) {
      converged = true;
      iterations = iter;
      break;
    }
  }
  const l = cholesky(weightedCrossProduct(d, weigh()));
  if (!l) return null;
  return { beta, mu: Array.from(mu), covariance: choleskyInverse(l), iterations, converged };
}

/**
 * Method-of-moments theta: solves sum (y - mu)^2 / (mu + mu^2/theta) = n - p (as MASS::theta.mm).
 * Infinity when the Pearson statistic is already at or below its df (no over-dispersion).
 */
export function momentTheta(y: readonly number[], mu: readonly number[], df: number): number {
  const pearson = (k: number): number =>
    y.reduce((s, yi, i) => {
      const m = at(mu, i);
      return s + (yi - m) ** 2 / (m + k * m * m);
    }, 0);
  if (df <= 0 || pearson(0) <= df) return Infinity;
  // pearson(k) decreases in k = 1/theta; bracket and bisect.
  let lo = 0;
  let hi = 1;
  while (pearson(hi) > df) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (pearson(mid) > df) lo = mid;
    else hi = mid;
  }
  return 1 / ((lo + hi) / 2);
}

/** True when the rows with a positive count determine every coefficient (no separation). */
function identifiable(rows: readonly number[][], y: readonly number[]): boolean {
  const pos = rows.filter((_, i) => at(y, i) > 0);
  if (pos.length === 0) return false;
  return (
    cholesky(
      weightedCrossProduct(
        rowMatrix(pos),
        pos.map(() => 1),
      ),
      1e-10,
    ) !== null
  );
}

/**
 * Fits the seasonal model. Null counts are skipped. Needs at least 24 observed months;
 * otherwise returns a NotEnoughData result with a plain-English reason.
 */
export function fitSeasonalModel(series: readonly SeriesPoint[]): SeasonalFitResult {
  const { indices, counts } = prepareSeries(series);
  const observed = countObserved(counts);
  if (observed < MIN_OBSERVED_MONTHS) return notEnoughData(observed);

  const obsIdx: number[] = [];
  const y: number[] = [];
  counts.forEach((c, i) => {
    if (c !== null) {
      obsIdx.push(at(indices, i));
      y.push(c);
    }
  });
  if (y.every((v) => v === 0)) {
    return notEnoughData(observed, 'No events were recorded in the months available, so there is no pattern to model.');
  }
  const trendCentre = obsIdx.reduce((a, b) => a + b, 0) / obsIdx.length;

  let seasonality: Seasonality | null = null;
  let rows: number[][] = [];
  for (const s of ['monthly', 'harmonic', 'none'] as const) {
    const candidate = obsIdx.map((i) => designRow(i, s, trendCentre));
    if (identifiable(candidate, y)) {
      seasonality = s;
      rows = candidate;
      break;
    }
  }
  if (seasonality === null) {
    return notEnoughData(observed, 'Events were recorded in too few months to estimate a trend.');
  }
  const p = rows[0]?.length ?? 0;
  const df = y.length - p;

  // Poisson fit first; its Pearson statistic gives the quasi-Poisson dispersion.
  const design = rowMatrix(rows);
  const poissonFit = irls(design, y, Infinity, null);
  if (!poissonFit) return notEnoughData(observed, 'The model could not be fitted to this series.');
  let fit: IrlsResult = poissonFit;
  const pearsonPoisson = y.reduce((s, yi, i) => s + (yi - at(poissonFit.mu, i)) ** 2 / at(poissonFit.mu, i), 0);
  const quasiPoissonDispersion = df > 0 ? pearsonPoisson / df : NaN;

  // Alternate theta (moments) and the NB-weighted IRLS until theta settles.
  let theta = momentTheta(y, fit.mu, df);
  for (let round = 0; round < 25 && Number.isFinite(theta); round++) {
    const refit = irls(design, y, theta, fit.beta);
    if (!refit) break;
    fit = refit;
    const nextTheta = momentTheta(y, fit.mu, df);
    const settled = Math.abs(nextTheta - theta) <= 1e-8 * theta || !Number.isFinite(nextTheta);
    theta = nextTheta;
    if (settled) break;
  }
  if (Number.isFinite(theta)) {
    // Final weights and covariance at the settled theta.
    const refit = irls(design, y, theta, fit.beta);
    if (refit) fit = refit;
  }

  const ti = trendIndex(seasonality);
  const { beta, mu } = fit;
  const trendLog = at(beta, ti);
  const trendSE = Math.sqrt(fit.covariance.data[ti * p + ti] ?? NaN);
  const seasonalFactors = seasonalFactorsFor(seasonality, beta);

  const model: SeasonalModel = {
    kind: 'seasonal-model',
    seasonality,
    coefficients: beta,
    parameterNames: parameterNames(seasonality),
    covariance: fit.covariance,
    trendPerYearLog: trendLog,
    trendPerYearLogSE: trendSE,
    trendPerYear: Math.expm1(trendLog),
    seasonalFactors,
    theta,
    quasiPoissonDispersion,
    observedMonths: observed,
    firstPeriod: indexToPeriod(at(indices, 0)),
    lastPeriod: indexToPeriod(at(indices, indices.length - 1)),
    trendCentre,
    iterations: fit.iterations,
    converged: fit.converged,
    fitted: obsIdx.map((idx, i) => ({ period: indexToPeriod(idx), observed: at(y, i), fitted: at(mu, i) })),
  };
  return model;
}

function seasonalFactorsFor(seasonality: Seasonality, beta: readonly number[]): number[] {
  const months = Array.from({ length: 12 }, (_, m) => m);
  if (seasonality === 'monthly') {
    const levels = months.map((m) => at(beta, 1 + m));
    const mean = levels.reduce((a, b) => a + b, 0) / 12;
    return levels.map((l) => Math.exp(l - mean));
  }
  if (seasonality === 'harmonic') {
    return months.map((m) => {
      const angle = (2 * Math.PI * m) / 12;
      return Math.exp(at(beta, 2) * Math.sin(angle) + at(beta, 3) * Math.cos(angle));
    });
  }
  return months.map(() => 1);
}
