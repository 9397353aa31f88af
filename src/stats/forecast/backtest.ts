// Back-test: refit without the last `holdout` observed months, forecast them, and score the
// forecasts against what happened.
import { fitSeasonalModel, notEnoughData, prepareSeries, MIN_OBSERVED_MONTHS } from './fit';
import { forecast } from './forecast';
import { at } from './linear-algebra';
import { indexToPeriod, periodToIndex } from './periods';
import type { ForecastPoint, NotEnoughData, SeriesPoint } from './types';

export interface BacktestPoint extends ForecastPoint {
  observed: number;
}

export interface BacktestResult {
  kind: 'backtest';
  points: BacktestPoint[];
  /** Mean absolute error (counts). */
  mae: number;
  /** Mean absolute percentage error over months with a non-zero count; null if there are none. */
  mape: number | null;
  mapeMonths: number;
  /** Mean of forecast minus observed (positive = over-forecast). */
  bias: number;
  /** Share of held-out months inside the 80% / 95% intervals. */
  coverage80: number;
  coverage95: number;
}

export function backtest(series: readonly SeriesPoint[], holdout: number = 12): BacktestResult | NotEnoughData {
  if (!Number.isInteger(holdout) || holdout < 1) throw new RangeError(`holdout must be a positive whole number, got ${holdout}`);
  const { indices, counts } = prepareSeries(series);
  const observedPositions = counts.flatMap((c, i) => (c === null ? [] : [i]));
  const total = observedPositions.length;
  if (total < MIN_OBSERVED_MONTHS + holdout) {
    return notEnoughData(
      total,
      `A back-test over ${holdout} months needs at least ${MIN_OBSERVED_MONTHS + holdout} months with a count (${MIN_OBSERVED_MONTHS} to fit, ${holdout} to test); this series has ${total}.`,
    );
  }
  const firstHoldout = at(observedPositions, total - holdout);
  const training = indices.slice(0, firstHoldout).map((i, k) => ({ period: indexToPeriod(i), count: counts[k] ?? null }));
  const model = fitSeasonalModel(training);
  if (model.kind === 'not-enough-data') return model;

  const lastIndex = at(indices, indices.length - 1);
  const fc = forecast(model, lastIndex - periodToIndex(model.lastPeriod));
  const byPeriod = new Map(fc.map((f) => [f.period, f]));
  const points: BacktestPoint[] = [];
  for (const pos of observedPositions.slice(total - holdout)) {
    const f = byPeriod.get(indexToPeriod(at(indices, pos)));
    const observed = counts[pos];
    if (f && observed !== null && observed !== undefined) points.push({ ...f, observed });
  }
  const n = points.length;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const positive = points.filter((p) => p.observed > 0);
  return {
    kind: 'backtest',
    points,
    mae: mean(points.map((p) => Math.abs(p.mean - p.observed))),
    mape: positive.length > 0 ? 100 * mean(positive.map((p) => Math.abs(p.mean - p.observed) / p.observed)) : null,
    mapeMonths: positive.length,
    bias: mean(points.map((p) => p.mean - p.observed)),
    coverage80: points.filter((p) => p.observed >= p.lower80 && p.observed <= p.upper80).length / n,
    coverage95: points.filter((p) => p.observed >= p.lower95 && p.observed <= p.upper95).length / n,
  };
}
