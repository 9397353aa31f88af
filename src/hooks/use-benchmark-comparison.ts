import { benchmarkComparison, benchmarkValues, type BenchmarkComparisonParams } from '../queries/readers/benchmark-comparison';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';

const comparisonFigure = declareFigure('benchmark-comparison', (ctx, params: BenchmarkComparisonParams) =>
  benchmarkComparison(ctx.engine, ctx.table, params, ctx.reporting),
);

const valuesFigure = declareFigure('benchmark-values', (ctx, { indicatorId }: { indicatorId: string }) =>
  benchmarkValues(ctx.engine, indicatorId),
);

/** An area's yearly figure against every loaded benchmark value (none until a benchmark file is loaded). */
export function useBenchmarkComparison(params: BenchmarkComparisonParams | null) {
  return useFigure(comparisonFigure, params);
}

/** The loaded benchmark values of an indicator, for a view's "compare with" choice. */
export function useBenchmarkValues(indicatorId: string | null) {
  return useFigure(valuesFigure, indicatorId === null ? null : { indicatorId });
}
