import type { AgeBand, DisclosurePolicy, Indicator, Sex } from '../../contract';
import { withSignal } from '../../engine/abort';
import { readTrendLookups, readTrendSlices, sliceTrendSource, type IndicatorSlice } from '../../queries/readers/trend-slice';
import type { TrendSlice } from '../../queries/readers/trend-cells';
import type { TrendSource } from '../../queries/readers/trend-source';
import { declareFigure, type FigureContext } from './figure-declaration';

/** The shared read of one indicator's slice: its derived key adds these inputs to the data version and audience. */
export const TREND_SLICE = 'trend-slice';
export const trendSliceInputs = (table: string, id: string, age: AgeBand, sex: Sex) => ({ table, id, age, sex });

/**
 * The Trends questions for these indicators, answered from their slices in the one cache (read when missing).
 * The first statement for a breakdown reads every loaded indicator's slice at once, not just those asked for:
 * a slice is small (an indicator's protected cells for one age band and sex: hundreds to a few thousand rows),
 * and then changing the indicator, or opening the comparison, needs no statement at all.
 */
export async function trendSourceFor(
  ctx: FigureContext,
  indicatorIds: readonly string[],
  age: AgeBand,
  sex: Sex,
): Promise<TrendSource> {
  const { engine, table, shared } = ctx;
  const allIndicatorIds = ctx.manifest?.indicators.map((i) => i.id) ?? [];
  const inputsOf = (id: string) => trendSliceInputs(table, id, age, sex);
  const uncached = (id: string) => !shared.known(TREND_SLICE, inputsOf(id));
  const missing = indicatorIds.filter(uncached);
  const batchIds = missing.length > 0 ? [...new Set([...missing, ...allIndicatorIds.filter(uncached)])] : [];
  const batch =
    batchIds.length > 0
      ? readTrendSlices(engine, table, batchIds, age, sex, ctx.reporting).then((read) => {
          // The ones nobody asked for yet go straight into the cache, for the next change of indicator.
          for (const id of batchIds) {
            const slice = read.get(id);
            if (slice && !indicatorIds.includes(id) && uncached(id)) shared.keep(TREND_SLICE, inputsOf(id), slice);
          }
          return read;
        })
      : null;
  // Unhandled otherwise when every slice asked for was cached meanwhile and nothing awaits the batch.
  batch?.catch(() => undefined);
  const sliceOf = async (id: string, signal: AbortSignal): Promise<IndicatorSlice> => {
    const read = await (batch && batchIds.includes(id)
      ? batch
      : readTrendSlices(withSignal(engine, signal), table, [id], age, sex, ctx.reporting));
    const slice = read.get(id);
    if (!slice) throw new Error(`no cells read for indicator ${id}`);
    return slice;
  };
  const [lookups, slices] = await Promise.all([
    shared.read('trend-lookups', { sex }, () => readTrendLookups(engine, sex)),
    Promise.all(indicatorIds.map((id) => shared.read(TREND_SLICE, inputsOf(id), (signal) => sliceOf(id, signal)))),
  ]);
  return sliceTrendSource(new Map(slices.map((s) => [s.indicatorId, s])), lookups);
}

/** What a Trends figure of one indicator is asked for: the indicator, the area, breakdown and latest month. */
export type IndicatorTrendInputs = TrendSlice & { indicator: Indicator };

/** Declares a Trends figure of one indicator, built from its slice's source under the audience's policy. */
export function declareIndicatorTrendFigure<T>(
  name: string,
  build: (source: TrendSource, inputs: IndicatorTrendInputs, policy: DisclosurePolicy) => Promise<T>,
) {
  return declareFigure(name, async (ctx, inputs: IndicatorTrendInputs) =>
    build(await trendSourceFor(ctx, [inputs.indicator.id], inputs.age, inputs.sex), inputs, ctx.policy),
  );
}
