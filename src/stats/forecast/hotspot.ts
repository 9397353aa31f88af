// Emerging hotspot: are the last few months' counts significantly above what the seasonal
// model, fitted on the earlier months only, expected? One-sided test at 5% using the
// moment-matched negative-binomial predictive distribution of the total (predictive.ts), so
// both over-dispersion and the uncertainty of the extrapolated trend widen what counts as usual.
import { fitSeasonalModel, prepareSeries } from './fit';
import { indexToPeriod } from './periods';
import { totalPredictive, predictiveUpperTail } from './predictive';
import type { NotEnoughData, SeriesPoint } from './types';

export const HOTSPOT_SIGNIFICANCE = 0.05;

export interface HotspotResult {
  kind: 'hotspot-test';
  /** The recent months tested (those with a count). */
  periods: string[];
  observed: number;
  expected: number;
  /** observed / expected. */
  ratio: number;
  /** P(total >= observed) under the model: small = unusually high. */
  pValue: number;
  emerging: boolean;
}

export function emergingHotspot(series: readonly SeriesPoint[], recentMonths: number = 3): HotspotResult | NotEnoughData {
  if (!Number.isInteger(recentMonths) || recentMonths < 1) {
    throw new RangeError(`recentMonths must be a positive whole number, got ${recentMonths}`);
  }
  const { indices, counts } = prepareSeries(series);
  const split = Math.max(0, indices.length - recentMonths);
  const history = indices.slice(0, split).map((i, k) => ({ period: indexToPeriod(i), count: counts[k] ?? null }));
  const recent = indices
    .slice(split)
    .map((i, k) => ({ index: i, count: counts[split + k] ?? null }))
    .filter((r): r is { index: number; count: number } => r.count !== null);

  const model = fitSeasonalModel(history);
  if (model.kind === 'not-enough-data') {
    return { ...model, reason: `Before the last ${recentMonths} months: ${model.reason}` };
  }
  if (recent.length === 0) {
    return {
      kind: 'not-enough-data',
      reason: `None of the last ${recentMonths} months has a count to test.`,
      observedMonths: 0,
      requiredMonths: 1,
    };
  }
  const dist = totalPredictive(
    model,
    recent.map((r) => r.index),
  );
  const observed = recent.reduce((s, r) => s + r.count, 0);
  const pValue = predictiveUpperTail(observed, dist);
  return {
    kind: 'hotspot-test',
    periods: recent.map((r) => indexToPeriod(r.index)),
    observed,
    expected: dist.mean,
    ratio: observed / dist.mean,
    pValue,
    emerging: pValue < HOTSPOT_SIGNIFICANCE,
  };
}
