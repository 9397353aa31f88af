import { areaCounts, catalogueSummary } from '../queries/readers/catalogue-summary';
import { coverageMatrix } from '../queries/readers/coverage-matrix';
import { declareLoadedDescription } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { useLoadedRowsSource } from './loaded-rows-source';

const summaryLoaded = declareLoadedDescription('catalogue-summary', async (ctx, rows: { sql: string }) => ({
  indicators: await catalogueSummary(ctx.engine, rows.sql),
  areas: await areaCounts(ctx.engine),
}));

const coverageLoaded = declareLoadedDescription('coverage-matrix', (ctx, rows: { sql: string }) =>
  coverageMatrix(ctx.engine, rows.sql),
);

/** Area-months, areas and periods covered per indicator. */
export function useCatalogueSummary() {
  return useFigure(summaryLoaded, useLoadedRowsSource());
}

export function useCoverageMatrix() {
  return useFigure(coverageLoaded, useLoadedRowsSource());
}
