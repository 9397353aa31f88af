import { areaList, loadedPeriods } from '../queries/readers/area-list';
import { declareLoadedDescription } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { useLoadedRowsSource } from './loaded-rows-source';

/** Every loaded area with its level and name (a description of what is loaded, read by other declarations too). */
export const areasLoaded = declareLoadedDescription('areas', (ctx) => areaList(ctx.engine));

const periodsLoaded = declareLoadedDescription('periods', (ctx, rows: { sql: string }) => loadedPeriods(ctx.engine, rows.sql));

export function useAreas() {
  return useFigure(areasLoaded, {});
}

export function usePeriods() {
  return useFigure(periodsLoaded, useLoadedRowsSource());
}
