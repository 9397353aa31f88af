// Comparison of an indicator value with a benchmark (e.g. England or the VRU average), the
// Fingertips way: significantly higher when the whole confidence interval lies above the
// benchmark, lower when it lies wholly below, otherwise similar.
import type { Polarity } from '../contract/vocabularies';
import type { ConfidenceLevel, Interval, StatisticWithLimits } from './types';

export type { Polarity };
export type BenchmarkComparison = 'higher' | 'similar' | 'lower';
export type PolarityComparison = 'better' | 'similar' | 'worse';
/** 'better'/'worse' for indicators with a polarity; neutral ones keep 'higher'/'lower'. */
export type BenchmarkOutcome = BenchmarkComparison | PolarityComparison;
/** No comparison is possible when a limit or the benchmark is missing. */
export type NotCompared = 'not-compared';

/** The comparison in words, for a view or an export to name beside its results. */
export const BENCHMARK_METHOD =
  "Compared with the benchmark value by the area's 95% confidence interval, as Fingertips does: higher (or lower) when " +
  "the whole interval lies above (or below) the benchmark, otherwise similar; better or worse by the indicator's polarity.";

/** Interval versus benchmark; a limit equal to the benchmark counts as similar. */
export function compareWithBenchmark(limits: Interval, benchmark: number | null): BenchmarkComparison | NotCompared {
  const { lower, upper } = limits;
  if (lower === null || upper === null || benchmark === null) return 'not-compared';
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || !Number.isFinite(benchmark)) return 'not-compared';
  if (lower > benchmark) return 'higher';
  if (upper < benchmark) return 'lower';
  return 'similar';
}

/** Maps higher/lower to worse/better by the indicator's polarity; neutral keeps higher/lower. */
export function applyPolarity(comparison: BenchmarkComparison, polarity: Polarity): BenchmarkOutcome;
export function applyPolarity(comparison: BenchmarkComparison | NotCompared, polarity: Polarity): BenchmarkOutcome | NotCompared;
export function applyPolarity(comparison: BenchmarkComparison | NotCompared, polarity: Polarity): BenchmarkOutcome | NotCompared {
  if (comparison === 'not-compared' || comparison === 'similar' || polarity === 'neutral') return comparison;
  if (polarity === 'higher-is-worse') return comparison === 'higher' ? 'worse' : 'better';
  return comparison === 'higher' ? 'better' : 'worse';
}

/** Picks the 95% or 99.8% limits of a statistic. */
export function limitsAt(stat: StatisticWithLimits, confidence: ConfidenceLevel): Interval {
  return confidence === 0.95 ? { lower: stat.lower95, upper: stat.upper95 } : { lower: stat.lower998, upper: stat.upper998 };
}

/** Statistic versus benchmark at the chosen confidence, mapped through the polarity. */
export function classifyAgainstBenchmark(
  stat: StatisticWithLimits,
  benchmark: number | null,
  confidence: ConfidenceLevel,
  polarity: Polarity,
): BenchmarkOutcome | NotCompared {
  return applyPolarity(compareWithBenchmark(limitsAt(stat, confidence), benchmark), polarity);
}
