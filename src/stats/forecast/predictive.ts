// Predictive distributions for future counts.
//
// Given the fitted model, a future month's mean is mu = exp(x'b) with b ~ N(b_hat, V)
// (approximate parameter uncertainty), so mu is log-normal with log-variance v = x'Vx; the count
// given mu is negative binomial with the fitted theta (Poisson when theta = Infinity). The
// mixture's moments are exact: E[Y] = m = exp(x'b_hat + v/2) and
// Var[Y] = m + m^2 (e^v (1 + 1/theta) - 1). We use a negative binomial with those two moments
// (a gamma-Poisson with the combined heterogeneity) as the predictive distribution; its
// quantiles give intervals that widen with both over-dispersion and extrapolation error.
// For a sum over months the same moment matching uses the covariances
// Cov(mu_i, mu_j) = m_i m_j (e^{v_ij} - 1).
import { discreteQuantile, negativeBinomialCdf } from '../distributions';
import { designRow } from './fit';
import { at, bilinear, dot } from './linear-algebra';
import type { SeasonalModel } from './types';

export interface PredictiveDistribution {
  mean: number;
  variance: number;
  /** Negative binomial size matching the variance; Infinity = Poisson. */
  theta: number;
}

/** Negative binomial (or Poisson) with the given mean and variance (variance >= mean). */
export function fromMoments(mean: number, variance: number): PredictiveDistribution {
  const extra = variance - mean;
  const theta = extra > 0 && mean > 0 ? (mean * mean) / extra : Infinity;
  return { mean, variance: Math.max(variance, mean), theta };
}

export function predictiveCdf(k: number, d: PredictiveDistribution): number {
  return negativeBinomialCdf(k, d.mean, d.theta);
}

/** Smallest count k with P(Y <= k) >= p. */
export function predictiveQuantile(p: number, d: PredictiveDistribution): number {
  return discreteQuantile(p, (k) => predictiveCdf(k, d), d.mean, Math.sqrt(d.variance));
}

/** P(Y >= k): the one-sided upper-tail p-value of an observed total k. */
export function predictiveUpperTail(k: number, d: PredictiveDistribution): number {
  if (k <= 0) return 1;
  return Math.max(0, 1 - predictiveCdf(Math.ceil(k) - 1, d));
}

interface LinearPredictions {
  eta: number[];
  /** Log-scale covariance of the month means: rows x_i V x_j. */
  cov: number[][];
}

function linearPredictions(model: SeasonalModel, indices: readonly number[]): LinearPredictions {
  const rows = indices.map((i) => designRow(i, model.seasonality, model.trendCentre));
  return {
    eta: rows.map((x) => dot(x, model.coefficients)),
    cov: rows.map((xi) => rows.map((xj) => bilinear(xi, model.covariance, xj))),
  };
}

/** Predictive distribution of each month separately. */
export function monthlyPredictive(model: SeasonalModel, indices: readonly number[]): PredictiveDistribution[] {
  const { eta, cov } = linearPredictions(model, indices);
  const invTheta = Number.isFinite(model.theta) ? 1 / model.theta : 0;
  return eta.map((e, i) => {
    const v = at(cov[i] ?? [], i);
    const m = Math.exp(e + v / 2);
    return fromMoments(m, m + m * m * (Math.exp(v) * (1 + invTheta) - 1));
  });
}

/** Predictive distribution of the total over several months (moment-matched). */
export function totalPredictive(model: SeasonalModel, indices: readonly number[]): PredictiveDistribution {
  const { eta, cov } = linearPredictions(model, indices);
  const invTheta = Number.isFinite(model.theta) ? 1 / model.theta : 0;
  const m = eta.map((e, i) => Math.exp(e + at(cov[i] ?? [], i) / 2));
  const mean = m.reduce((a, b) => a + b, 0);
  let variance = mean;
  m.forEach((mi, i) => {
    const row = cov[i] ?? [];
    variance += mi * mi * Math.exp(at(row, i)) * invTheta; // NB noise given the means
    m.forEach((mj, j) => {
      variance += mi * mj * Math.expm1(at(row, j)); // uncertainty in the means
    });
  });
  return fromMoments(mean, variance);
}
