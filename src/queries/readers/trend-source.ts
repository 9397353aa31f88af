// What the Trends view's builders ask of the data. The view answers from the indicator's protected cells for
// every area and month, read once (trend-slice.ts), so changing the area or the latest month needs no engine
// statement; test/fixtures/sql-trend-source.ts answers each question with one SQL statement instead, the
// reference both are checked against (test/unit/queries/trend-slice.test.ts).
import type { AgeBand, Sex } from '../../contract';
import type { PopulationGap } from './population-gaps';
import type { DistrictMonths, PopulationRow, ProtectedFigure, TrendArea, TrendCells, TrendSlice } from './trend-cells';

export interface TrendSource {
  area(areaCode: string | null): Promise<TrendArea | null>;
  cells(
    indicatorIds: readonly string[],
    areaCode: string,
    slice: Pick<TrendSlice, 'age' | 'sex' | 'lastPeriod'>,
  ): Promise<TrendCells>;
  /** Each indicator's calendar-year cells by age band (all bands, one sex): indicator -> band -> year -> cell. */
  ageBandYears(
    indicatorIds: readonly string[],
    areaCode: string,
    sex: Sex,
    lastPeriod: string | null,
  ): Promise<Map<string, Map<string, Map<string, ProtectedFigure>>>>;
  monthRange(indicatorIds: readonly string[], lastPeriod: string | null): Promise<Map<string, { first: string; last: string }>>;
  ageBands(indicatorIds: readonly string[], areaCode: string): Promise<Map<string, string[]>>;
  population(areaCode: string, sex: Sex): Promise<PopulationRow[]>;
  partialMonths(indicatorIds: readonly string[], areaCode: string): Promise<Map<string, Map<string, number>>>;
  /** Months the area has a cell for all ages and persons (whatever its flag): the months it has data for. */
  reportedMonths(indicatorIds: readonly string[], areaCode: string): Promise<Map<string, Set<string>>>;
  /** Why the area has no population for some years and breakdowns (population_parts), for one sex. */
  populationGaps(areaCode: string, sex: Sex): Promise<PopulationGap[]>;
  districtMonths(indicatorId: string, age: AgeBand, sex: Sex, lastPeriod: string | null): Promise<DistrictMonths[]>;
}
