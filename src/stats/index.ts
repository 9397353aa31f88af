// Public API of the statistics module: pure functions, no React, no database engine.
export type { ConfidenceLevel, Interval, LimitsMethod, StatisticWithLimits } from './types';
export { crudeRate, rateLimits, rateLimitsMethod, EXACT_LIMITS_BELOW, type CrudeRateOptions } from './crude-rate';
export { byarsLower, byarsUpper, byarsLimits, zForConfidence } from './byars';
export { exactPoissonLimits } from './poisson-limits';
export { proportion, wilsonLimits, type ProportionOptions } from './proportion';
export { directlyStandardisedRate, DSR_MIN_TOTAL_COUNT, type DsrOptions, type DsrResult } from './dsr';
export {
  ESP2013,
  ESP2013_BANDS,
  ESP2013_VRU_BANDS,
  VRU_AGE_BANDS,
  parseAgeBand,
  rebandStandardPopulation,
  type VruAgeBand,
} from './standard-population';
export {
  compareWithBenchmark,
  applyPolarity,
  BENCHMARK_METHOD,
  classifyAgainstBenchmark,
  limitsAt,
  type BenchmarkComparison,
  type BenchmarkOutcome,
  type NotCompared,
  type Polarity,
  type PolarityComparison,
} from './benchmark';
export {
  rateChange,
  wholePercent,
  type PeriodCount,
  type RateChangeResult,
  type RateChangeTested,
  type RateChangeNotTested,
} from './rate-change';
export { proportionChange, type PeriodProportion } from './proportion-change';
export {
  normalQuantile,
  normalCdf,
  gammaQuantile,
  chiSquareQuantile,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedBeta,
  betaQuantile,
  logGamma,
  poissonCdf,
  binomialCdf,
  negativeBinomialCdf,
} from './distributions';
export * from './forecast';
export {
  groupRates,
  slopeIndexOfInequality,
  rateGap,
  SII_METHOD,
  SII_REPETITIONS,
  SII_SEED,
  GAP_METHOD,
  type GroupCount,
  type SiiGroup,
  type SiiOptions,
  type SiiResult,
  type SiiOutcome,
  type GapResult,
} from './inequality';
export {
  lorenzCurve,
  giniCoefficient,
  topShares,
  giniChange,
  persistentlyHighAreas,
  GINI_FORMULA,
  GINI_CHANGE_METHOD,
  TOP_FRACTIONS,
  type LorenzPoint,
  type TopShare,
  type GiniChange,
  type AreaYearCounts,
  type PersistentArea,
} from './concentration';
