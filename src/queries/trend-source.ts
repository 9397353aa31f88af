// Where the Trends view's builders get their inputs: either one SQL statement per question, against the
// protected table (sqlTrendSource, the reference), or the indicator's protected cells for every area and
// month read once and answered in JavaScript (trend-slice.ts), so changing the area or the latest month
// needs no engine statement. Both answer every question the same way (test/unit/queries/trend-slice.test.ts).
import type { AgeBand, Sex } from '../contract';
import type { Engine } from '../engine/engine-types';
import { readPopulationGaps, type PopulationGap } from './population-years';
import {
  indicatorAgeBands,
  indicatorMonthRange,
  partialMonths,
  readAgeBandYears,
  readDistrictMonths,
  readPopulation,
  readTrendCells,
  reportedMonths,
  resolveTrendArea,
  type DistrictMonths,
  type PopulationRow,
  type ProtectedFigure,
  type TrendArea,
  type TrendCells,
  type TrendSlice,
} from './trend-cells';

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

/** One statement per question (see trend-cells.ts). */
export function sqlTrendSource(engine: Engine, table: string): TrendSource {
  return {
    area: (areaCode) => resolveTrendArea(engine, areaCode),
    cells: (ids, areaCode, slice) => readTrendCells(engine, table, ids, areaCode, slice),
    ageBandYears: (ids, areaCode, sex, lastPeriod) => readAgeBandYears(engine, table, ids, areaCode, sex, lastPeriod),
    monthRange: (ids, lastPeriod) => indicatorMonthRange(engine, table, ids, lastPeriod),
    ageBands: (ids, areaCode) => indicatorAgeBands(engine, table, ids, areaCode),
    population: (areaCode, sex) => readPopulation(engine, areaCode, sex),
    partialMonths: (ids, areaCode) => partialMonths(engine, table, ids, areaCode),
    reportedMonths: (ids, areaCode) => reportedMonths(engine, table, ids, areaCode),
    populationGaps: (areaCode, sex) => readPopulationGaps(engine, { areaCodes: [areaCode], sex }),
    districtMonths: (id, age, sex, lastPeriod) => readDistrictMonths(engine, table, id, age, sex, lastPeriod),
  };
}
