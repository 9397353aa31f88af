// Forecasts from a fitted seasonal model with 80% and 95% prediction intervals taken from the
// negative-binomial predictive distribution (see predictive.ts for its derivation).
import { indexToPeriod, periodToIndex } from './periods';
import { monthlyPredictive, predictiveQuantile } from './predictive';
import type { ForecastPoint, SeasonalModel } from './types';

/** Forecast the `horizon` months after the model's last period. */
export function forecast(model: SeasonalModel, horizon: number = 12): ForecastPoint[] {
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError(`horizon must be a whole number, got ${horizon}`);
  const last = periodToIndex(model.lastPeriod);
  const indices = Array.from({ length: horizon }, (_, h) => last + 1 + h);
  const dists = monthlyPredictive(model, indices);
  return indices.map((index, h) => {
    const d = dists[h];
    if (!d) throw new Error('missing predictive distribution');
    return {
      period: indexToPeriod(index),
      mean: d.mean,
      lower80: predictiveQuantile(0.1, d),
      upper80: predictiveQuantile(0.9, d),
      lower95: predictiveQuantile(0.025, d),
      upper95: predictiveQuantile(0.975, d),
    };
  });
}
