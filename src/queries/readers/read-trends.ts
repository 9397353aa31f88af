// Reads what each figure of the Trends view needs from a TrendSource (the protected tables, through
// readers/trend-slice.ts or test/fixtures/sql-trend-source.ts) and hands it to its builder in ../figures.
import type { AgeBand, Sex } from '../../contract';
import { denominatorOf } from '../../indicator-kinds';
import { DENOMINATOR_SUFFIX } from '../../disclosure/protected-tables';
import { buildTrendSeries } from '../figures/build-trend-series';
import { indexSeries, type TrendIndexComparison } from '../figures/trend-compare';
import { buildHotspots, type TrendHotspots } from '../figures/trend-hotspots';
import { monthRange } from '../figures/trend-parts';
import { buildProjection, type TrendProjection } from '../figures/trend-projection';
import type { TrendIndicator, TrendSeries, TrendSeriesInput } from '../figures/trend-series';
import { noPopulationReason } from '../wording/population-words';
import { populationForIndicator, type ProtectedFigure, type TrendArea, type TrendSlice } from './trend-cells';
import type { TrendSource } from './trend-source';

export interface TrendSeriesRequest extends TrendSlice {
  indicator: TrendIndicator;
  lowCountBelow: number;
}

/** Reads the protected cells for one indicator, area and breakdown and builds the series. */
export async function trendSeries(source: TrendSource, request: TrendSeriesRequest): Promise<TrendSeries | null> {
  const area = await source.area(request.areaCode);
  if (!area) return null;
  const [input] = await trendSeriesInputs(source, area, [request.indicator], request);
  return input ? buildTrendSeries(input) : null;
}

/** What buildTrendSeries needs for each indicator, read from the source for one area and breakdown. */
export async function trendSeriesInputs(
  source: TrendSource,
  area: TrendArea,
  indicators: readonly TrendIndicator[],
  request: TrendSlice & { lowCountBelow: number },
): Promise<TrendSeriesInput[]> {
  const ids = indicators.map((i) => i.id);
  const needsPopulation = indicators.some((i) => denominatorOf(i).startsWith('population'));
  const [cells, ranges, bands, population, gaps, partial, reported] = await Promise.all([
    source.cells(ids, area.code, request),
    source.monthRange(ids, request.lastPeriod),
    source.ageBands(ids, area.code),
    needsPopulation ? source.population(area.code, request.sex) : Promise.resolve([]),
    needsPopulation ? source.populationGaps(area.code, request.sex) : Promise.resolve([]),
    source.partialMonths(ids, area.code),
    source.reportedMonths(ids, area.code),
  ]);
  // A standardised rate reads each age band's cells as well (one more read per band, for those indicators only).
  const standardised = indicators.filter((i) => denominatorOf(i) === 'population-by-age').map((i) => i.id);
  const bandYears =
    standardised.length > 0 && request.age === 'all'
      ? await source.ageBandYears(standardised, area.code, request.sex, request.lastPeriod)
      : new Map<string, Map<string, Map<string, ProtectedFigure>>>();
  return indicators.map((indicator) => {
    const id = indicator.id;
    const indicatorBands = bands.get(id) ?? [];
    const wantedBands = request.age !== 'all' ? [request.age] : indicatorBands.length > 0 ? indicatorBands : ['all'];
    const byAge: Pick<TrendSeriesInput, 'ageBandYears' | 'standardBands'> = standardised.includes(id)
      ? {
          standardBands: wantedBands.filter((b) => b !== 'all'),
          ageBandYears: {
            cells:
              request.age === 'all'
                ? (bandYears.get(id) ?? new Map())
                : new Map([[request.age, cells.years.get(id) ?? new Map()]]),
            population,
          },
        }
      : {};
    const lastYear = Number((request.lastPeriod ?? ranges.get(id)?.last ?? '0').slice(0, 4));
    return {
      indicator,
      area,
      age: request.age,
      sex: request.sex,
      range: ranges.get(id) ?? null,
      months: cells.months.get(id) ?? new Map(),
      years: cells.years.get(id) ?? new Map(),
      denominatorMonths: cells.months.get(`${id}${DENOMINATOR_SUFFIX}`) ?? new Map(),
      denominatorYears: cells.years.get(`${id}${DENOMINATOR_SUFFIX}`) ?? new Map(),
      population: populationForIndicator(population, request.age, indicatorBands),
      populationReason: noPopulationReason(area.name, lastYear, gaps, { ageBands: wantedBands, sex: request.sex }),
      partialMonths: partial.get(id) ?? new Map(),
      reportedMonths: reported.get(id) ?? new Set(),
      lowCountBelow: request.lowCountBelow,
      ...byAge,
    };
  });
}

export interface CompareRequest extends TrendSlice {
  indicators: readonly TrendIndicator[];
  lowCountBelow: number;
}

export async function trendIndexComparison(source: TrendSource, request: CompareRequest): Promise<TrendIndexComparison | null> {
  const area = await source.area(request.areaCode);
  if (!area) return null;
  const inputs = await trendSeriesInputs(source, area, request.indicators, request);
  const series = inputs.map((input) => buildTrendSeries(input, 'years'));
  return indexSeries(area, request.indicators, series);
}

export interface HotspotRequest {
  indicator: TrendIndicator;
  age: AgeBand;
  sex: Sex;
  lastPeriod: string | null;
  /** The audience's suppression threshold (see judgeHiddenMonths). */
  suppressBelowOrEqual: number;
}

export async function trendHotspots(source: TrendSource, request: HotspotRequest): Promise<TrendHotspots> {
  const id = request.indicator.id;
  const [ranges, districts] = await Promise.all([
    source.monthRange([id], request.lastPeriod),
    source.districtMonths(id, request.age, request.sex, request.lastPeriod),
  ]);
  const range = ranges.get(id);
  // A month in which some of a district's parts sent no data is missing to its model, as a gap is.
  const partial = await Promise.all(districts.map((d) => source.partialMonths([id], d.code)));
  return buildHotspots(
    request.indicator,
    range ? monthRange(range.first, range.last) : [],
    districts.map((d, i) => ({ ...d, partial: new Set(partial[i]?.get(id)?.keys() ?? []) })),
    request.suppressBelowOrEqual,
  );
}

export interface ProjectionRequest extends TrendSlice {
  indicator: TrendIndicator;
  /** The audience's suppression threshold: counts from 1 to this are hidden. */
  suppressBelowOrEqual: number;
}

export async function trendProjection(source: TrendSource, request: ProjectionRequest): Promise<TrendProjection | null> {
  const area = await source.area(request.areaCode);
  if (!area) return null;
  const id = request.indicator.id;
  const [cells, ranges, partial] = await Promise.all([
    source.cells([id], area.code, request),
    source.monthRange([id], request.lastPeriod),
    source.partialMonths([id], area.code),
  ]);
  const range = ranges.get(id);
  const months = cells.months.get(id) ?? new Map<string, ProtectedFigure>();
  const periods = range ? monthRange(range.first, range.last) : [];
  return buildProjection(
    request.indicator,
    area,
    periods,
    months,
    request.suppressBelowOrEqual,
    cells.years.get(id) ?? new Map(),
    new Set(partial.get(id)?.keys() ?? []),
  );
}
