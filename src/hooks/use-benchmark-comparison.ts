import { benchmarkComparison, benchmarkValues, type BenchmarkComparisonParams } from '../queries/readers/benchmark-comparison';
import { useProtectedQuery } from './use-protected-query';

/** An area's yearly figure against every loaded benchmark value (none until a benchmark file is loaded). */
export function useBenchmarkComparison(params: BenchmarkComparisonParams | null) {
  return useProtectedQuery(
    'benchmark-comparison',
    [params],
    (engine, table) => benchmarkComparison(engine, table, params!),
    params !== null,
  );
}

/** The loaded benchmark values of an indicator, for a view's "compare with" choice. */
export function useBenchmarkValues(indicatorId: string | null) {
  return useProtectedQuery(
    'benchmark-values',
    [indicatorId],
    (engine) => benchmarkValues(engine, indicatorId!),
    indicatorId !== null,
  );
}
