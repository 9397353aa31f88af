import type { SquareMatrix } from './linear-algebra';

/** One month of a series; null count = missing or suppressed (skipped in the fit). */
export interface SeriesPoint {
  period: string;
  count: number | null;
}

/** Returned instead of a model (or forecast, back-test, hotspot test) when the data cannot support it. */
export interface NotEnoughData {
  kind: 'not-enough-data';
  reason: string;
  observedMonths: number;
  requiredMonths: number;
}

/**
 * How the month-of-year pattern is modelled. 'monthly' (a level per calendar month) is the
 * normal case; sparse series fall back to a single annual harmonic, then to no seasonality,
 * when some calendar month has no recorded event (its effect would be minus infinity).
 */
export type Seasonality = 'monthly' | 'harmonic' | 'none';

export interface SeasonalModel {
  kind: 'seasonal-model';
  seasonality: Seasonality;
  /** Coefficients on the log scale, named in `parameterNames`. */
  coefficients: number[];
  parameterNames: string[];
  /** Covariance of the coefficients, (X'WX)^-1 at convergence. */
  covariance: SquareMatrix;
  /** Log-linear trend per year and its standard error. */
  trendPerYearLog: number;
  trendPerYearLogSE: number;
  /** exp(trend) - 1: proportional change per year, e.g. 0.05 = +5% a year. */
  trendPerYear: number;
  /** Multiplicative month-of-year factors, January first; their geometric mean is 1. */
  seasonalFactors: number[];
  /** Negative binomial size (variance mu + mu^2/theta); Infinity = no extra-Poisson variation. */
  theta: number;
  /** Pearson chi-square / residual df of the Poisson fit: the quasi-Poisson dispersion. */
  quasiPoissonDispersion: number;
  observedMonths: number;
  firstPeriod: string;
  /** Last period of the input series (forecasts start the month after). */
  lastPeriod: string;
  /** Centre of the trend term (period index) - internal, used to build prediction rows. */
  trendCentre: number;
  iterations: number;
  converged: boolean;
  /** Fitted means for the observed months. */
  fitted: { period: string; observed: number; fitted: number }[];
}

export type SeasonalFitResult = SeasonalModel | NotEnoughData;

export interface ForecastPoint {
  period: string;
  /** Predictive mean. */
  mean: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}
