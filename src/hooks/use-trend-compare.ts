import type { Indicator } from '../contract';
import type { TrendSlice } from '../queries/readers/trend-cells';
import { trendIndexComparison } from '../queries/readers/read-trends';
import { declareFigure } from './coordinator/figure-declaration';
import { trendSourceFor } from './coordinator/trend-slices';
import { useFigure } from './coordinator/use-figure';
import { useTrendViewSlice } from './trend-view-slice';

const trendCompareFigure = declareFigure(
  'trend-compare',
  async (ctx, { indicators, ...slice }: TrendSlice & { indicators: readonly Indicator[] }) =>
    trendIndexComparison(
      await trendSourceFor(
        ctx,
        indicators.map((i) => i.id),
        slice.age,
        slice.sex,
      ),
      { indicators, ...slice, lowCountBelow: ctx.policy.lowCountBelow },
    ),
);

/** Several indicators for the chosen area and breakdown, indexed to their first shared complete year. */
export function useTrendComparison(indicators: readonly Indicator[]) {
  const slice = useTrendViewSlice();
  return useFigure(trendCompareFigure, indicators.length > 0 ? { indicators, ...slice } : null);
}
