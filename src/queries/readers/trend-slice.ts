// Pre-aggregation for the Trends view (mosaic's idea; docs/performance.md proposal 6). One statement reads
// an indicator's protected cells for one breakdown (age band and sex) in every area and month, with the
// months it has and the age bands each area records; the areas and the population are public lookups read
// once. Every question trend-source.ts asks is then answered in JavaScript, so a change of area or latest
// month sends no statement. Figures still come only from the protected table passed in: this module
// filters protected cells, it never adds them up (partial months count areas, not people).
import { AGE_BANDS, type AgeBand, type Sex } from '../../contract';
import { DENOMINATOR_SUFFIX } from '../../disclosure/protected-tables';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { areaList, type AreaOption } from './area-list';
import type { PopulationGap } from './population-gaps';
import { figureOfRow, type DistrictMonths, type PopulationRow, type ProtectedFigure, type TrendCells } from './trend-cells';
import type { TrendSource } from './trend-source';
import { partialMonthsSql, type ReportingSource } from './parts-reporting';

type ByPeriod = Map<string, ProtectedFigure>;

/** One indicator's protected cells for one breakdown, in every area. */
export interface IndicatorSlice {
  indicatorId: string;
  age: AgeBand;
  sex: Sex;
  /** The indicator and its denominator (`<id>::denominator`) -> area -> month -> cell. */
  months: Map<string, Map<string, ByPeriod>>;
  /** The indicator and its denominator -> area -> year 'YYYY' -> cell. */
  years: Map<string, Map<string, ByPeriod>>;
  /** Area -> months with a cell for all ages and persons (whatever its flag): the months it has data for. */
  reporting: Map<string, Set<string>>;
  /** Area -> months in which some but not all of its parts reported -> how many did not (parts-reporting.ts). */
  partial: Map<string, Map<string, number>>;
  /** Every month the indicator has, in any area and breakdown, in order. */
  monthsLoaded: string[];
  /** Area -> the age bands (not 'all') its calendar years are recorded in, in order. */
  bands: Map<string, string[]>;
  /** Read for all ages only: area -> age band -> year -> cell, what a standardised rate is worked out from. */
  bandYears: Map<string, Map<string, ByPeriod>>;
}

/** The public lookups beside the protected cells: areas, and the population of one sex. */
export interface TrendLookups {
  areas: AreaOption[];
  sex: Sex;
  /** Area -> population rows by year and age band (ordered as readPopulation orders them). */
  population: Map<string, PopulationRow[]>;
  /** Area -> why it has no population for some years and age bands (population_parts). */
  populationGaps: Map<string, PopulationGap[]>;
}

type SliceRow = {
  part: 'cell' | 'reporting' | 'partial' | 'month' | 'band' | 'bandyear';
  indicator_id: string;
  area_code: string | null;
  period: string;
  period_type: string;
  value: number | null;
  flag: string | null;
};

function emptySlice(indicatorId: string, age: AgeBand, sex: Sex): IndicatorSlice {
  return {
    indicatorId,
    age,
    sex,
    months: new Map(),
    years: new Map(),
    reporting: new Map(),
    partial: new Map(),
    monthsLoaded: [],
    bands: new Map(),
    bandYears: new Map(),
  };
}

function cellsOf(target: Map<string, Map<string, ByPeriod>>, key: string, area: string): ByPeriod {
  let byArea = target.get(key);
  if (!byArea) target.set(key, (byArea = new Map()));
  let byPeriod = byArea.get(area);
  if (!byPeriod) byArea.set(area, (byPeriod = new Map()));
  return byPeriod;
}

function baseId(id: string): string {
  return id.endsWith(DENOMINATOR_SUFFIX) ? id.slice(0, -DENOMINATOR_SUFFIX.length) : id;
}

/** One statement for the indicators' slices (each with its denominator, and which parts reported), split per indicator. */
export async function readTrendSlices(
  engine: Engine,
  table: string,
  indicatorIds: readonly string[],
  age: AgeBand,
  sex: Sex,
  /** Which parts of each area reported each month (see parts-reporting.ts); the protected cells by default. */
  reporting: ReportingSource = { table, declaredFor: [] },
): Promise<Map<string, IndicatorSlice>> {
  const t = ident(table);
  const ids = strList(indicatorIds);
  const withDenominators = strList(indicatorIds.flatMap((id) => [id, `${id}${DENOMINATOR_SUFFIX}`]));
  const allBreakdowns = age === 'all' && sex === 'all';
  const rows = await engine.query<SliceRow>(`
    SELECT 'cell' AS part, indicator_id, area_code, period, period_type, CAST(value AS DOUBLE) AS value, flag
    FROM ${t} WHERE indicator_id IN ${withDenominators} AND period_type IN ('month', 'year')
      AND age_band = ${str(age)} AND sex = ${str(sex)}
    ${
      allBreakdowns
        ? ''
        : `UNION ALL SELECT 'reporting', indicator_id, area_code, period, period_type, NULL, NULL
    FROM ${t} WHERE indicator_id IN ${ids} AND period_type = 'month' AND age_band = 'all' AND sex = 'all'`
    }
    UNION ALL SELECT DISTINCT 'month', indicator_id, NULL, period, period_type, NULL, NULL
    FROM ${t} WHERE indicator_id IN ${ids} AND period_type = 'month'
    UNION ALL SELECT DISTINCT 'band', indicator_id, area_code, age_band, period_type, NULL, NULL
    FROM ${t} WHERE indicator_id IN ${ids} AND period_type = 'year' AND age_band IN ${strList(AGE_BANDS)}
    ${
      age === 'all'
        ? `UNION ALL SELECT 'bandyear', indicator_id, area_code, age_band || '|' || period, period_type, CAST(value AS DOUBLE), flag
    FROM ${t} WHERE indicator_id IN ${ids} AND period_type = 'year' AND age_band IN ${strList(AGE_BANDS)} AND sex = ${str(sex)}`
        : ''
    }
    UNION ALL SELECT 'partial', "indicatorId", "areaCode", period, 'month', CAST(missing AS DOUBLE), NULL
    FROM (${partialMonthsSql(reporting, indicatorIds, 'every')})`);
  const out = new Map(indicatorIds.map((id) => [id, emptySlice(id, age, sex)]));
  for (const r of rows) {
    const slice = out.get(baseId(r.indicator_id));
    if (!slice) continue;
    const area = r.area_code ?? '';
    if (r.part === 'month') slice.monthsLoaded.push(r.period);
    else if (r.part === 'band') slice.bands.set(area, [...(slice.bands.get(area) ?? []), r.period]);
    else if (r.part === 'reporting') addReporting(slice, area, r.period);
    else if (r.part === 'partial') {
      // Parts that did not report, counted over areas, not people (parts-reporting.ts).
      const byMonth = slice.partial.get(area) ?? new Map<string, number>();
      slice.partial.set(area, byMonth);
      byMonth.set(r.period, r.value ?? 0);
    } else if (r.part === 'bandyear') {
      const [band = '', year = ''] = r.period.split('|');
      const byBand = slice.bandYears.get(area) ?? new Map<string, ByPeriod>();
      slice.bandYears.set(area, byBand);
      const byYear = byBand.get(band) ?? new Map<string, ProtectedFigure>();
      byBand.set(band, byYear);
      byYear.set(year, figureOfRow(r));
    } else {
      const isMonth = r.period_type === 'month';
      const figure = figureOfRow(r);
      cellsOf(isMonth ? slice.months : slice.years, r.indicator_id, area).set(r.period, figure);
      if (allBreakdowns && isMonth && r.indicator_id === slice.indicatorId) addReporting(slice, area, r.period);
    }
  }
  for (const slice of out.values()) {
    slice.monthsLoaded.sort();
    for (const bands of slice.bands.values()) bands.sort();
    for (const target of [slice.months, slice.years])
      for (const byArea of target.values())
        for (const [area, byPeriod] of byArea) byArea.set(area, new Map([...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1))));
  }
  return out;
}

function addReporting(slice: IndicatorSlice, area: string, period: string): void {
  let periods = slice.reporting.get(area);
  if (!periods) slice.reporting.set(area, (periods = new Set()));
  periods.add(period);
}

/** The areas and one sex's population, read once per data version. */
export async function readTrendLookups(engine: Engine, sex: Sex): Promise<TrendLookups> {
  // The population and why some areas have none, in one statement beside the areas.
  const [areas, rows] = await Promise.all([
    areaList(engine),
    engine.query<{
      part: 'population' | 'gap';
      area_code: string;
      year: number;
      ageBand: string;
      population: number | null;
      parts: number | null;
      missing: number | null;
      partLevel: string | null;
    }>(`
      SELECT 'population' AS part, area_code, CAST(year AS INTEGER) AS year, age_band AS "ageBand",
             CAST(population AS DOUBLE) AS population, NULL::INTEGER AS parts, NULL::INTEGER AS missing, NULL AS "partLevel"
      FROM population_cube WHERE sex = ${str(sex)}
      UNION ALL
      SELECT 'gap', area_code, CAST(year AS INTEGER), age_band, NULL, CAST(parts AS INTEGER), CAST(missing AS INTEGER), part_level
      FROM population_parts WHERE sex = ${str(sex)} AND missing > 0
      ORDER BY part DESC, area_code, year, "ageBand"`),
  ]);
  const population = new Map<string, PopulationRow[]>();
  const populationGaps = new Map<string, PopulationGap[]>();
  for (const r of rows) {
    if (r.part === 'gap') {
      const gap: PopulationGap = {
        areaCode: r.area_code,
        year: r.year,
        ageBand: r.ageBand,
        sex,
        parts: r.parts ?? 0,
        missing: r.missing ?? 0,
        partLevel: r.partLevel ?? '',
      };
      populationGaps.set(r.area_code, [...(populationGaps.get(r.area_code) ?? []), gap]);
      continue;
    }
    const list = population.get(r.area_code);
    const row = { year: r.year, ageBand: r.ageBand, population: r.population ?? 0 };
    if (list) list.push(row);
    else population.set(r.area_code, [row]);
  }
  return { areas, sex, population, populationGaps };
}

function upTo(byPeriod: ByPeriod | undefined, last: string | null): ByPeriod {
  if (!byPeriod) return new Map();
  if (last === null) return new Map(byPeriod);
  return new Map([...byPeriod].filter(([period]) => period <= last));
}

/** Answers trend-source.ts's questions from slices read for one breakdown and the lookups. */
export function sliceTrendSource(slices: ReadonlyMap<string, IndicatorSlice>, lookups: TrendLookups): TrendSource {
  const sliceOf = (id: string, age?: AgeBand, sex?: Sex): IndicatorSlice => {
    const slice = slices.get(id);
    if (!slice) throw new Error(`no cells read for indicator ${id}`);
    if ((age !== undefined && slice.age !== age) || (sex !== undefined && slice.sex !== sex))
      throw new Error(`the cells of ${id} were read for another breakdown`);
    return slice;
  };
  const monthsUpTo = (id: string, last: string | null): string[] => {
    const all = sliceOf(id).monthsLoaded;
    return last === null ? all : all.filter((p) => p <= last);
  };
  return {
    async area(areaCode) {
      const found =
        areaCode === null
          ? lookups.areas.filter((a) => a.level === 'vru').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))[0]
          : lookups.areas.find((a) => a.code === areaCode);
      return found ? { code: found.code, name: found.name, level: found.level } : null;
    },
    async cells(ids, areaCode, slice) {
      const lastYear = slice.lastPeriod === null ? null : slice.lastPeriod.slice(0, 4);
      const cells: TrendCells = { months: new Map(), years: new Map() };
      for (const id of ids) {
        const s = sliceOf(id, slice.age, slice.sex);
        for (const key of [id, `${id}${DENOMINATOR_SUFFIX}`]) {
          const months = upTo(s.months.get(key)?.get(areaCode), slice.lastPeriod);
          const years = upTo(s.years.get(key)?.get(areaCode), lastYear);
          if (months.size > 0) cells.months.set(key, months);
          if (years.size > 0) cells.years.set(key, years);
        }
      }
      return cells;
    },
    async ageBandYears(ids, areaCode, sex, lastPeriod) {
      const lastYear = lastPeriod === null ? null : lastPeriod.slice(0, 4);
      const out = new Map<string, Map<string, ByPeriod>>();
      for (const id of ids) {
        const byBand = sliceOf(id, 'all', sex).bandYears.get(areaCode) ?? new Map<string, ByPeriod>();
        out.set(id, new Map([...byBand].map(([band, years]) => [band, upTo(years, lastYear)])));
      }
      return out;
    },
    async monthRange(ids, lastPeriod) {
      const out = new Map<string, { first: string; last: string }>();
      for (const id of ids) {
        const months = monthsUpTo(id, lastPeriod);
        const [first, last] = [months[0], months.at(-1)];
        if (first !== undefined && last !== undefined) out.set(id, { first, last });
      }
      return out;
    },
    async ageBands(ids, areaCode) {
      const out = new Map<string, string[]>();
      for (const id of ids) {
        const bands = sliceOf(id).bands.get(areaCode);
        if (bands && bands.length > 0) out.set(id, [...bands]);
      }
      return out;
    },
    async population(areaCode, sex) {
      if (sex !== lookups.sex) throw new Error(`the population was read for ${lookups.sex}, not ${sex}`);
      return (lookups.population.get(areaCode) ?? []).map((r) => ({ ...r }));
    },
    async partialMonths(ids, areaCode) {
      return new Map(ids.map((id) => [id, new Map(sliceOf(id).partial.get(areaCode) ?? [])]));
    },
    async reportedMonths(ids, areaCode) {
      return new Map(ids.map((id) => [id, new Set(sliceOf(id).reporting.get(areaCode) ?? [])]));
    },
    async populationGaps(areaCode, sex) {
      if (sex !== lookups.sex) throw new Error(`the population was read for ${lookups.sex}, not ${sex}`);
      return (lookups.populationGaps.get(areaCode) ?? []).map((g) => ({ ...g }));
    },
    async districtMonths(id, age, sex, lastPeriod) {
      const byArea = sliceOf(id, age, sex).months.get(id);
      const out = new Map<string, DistrictMonths>();
      // areaList orders districts by name, as the SQL's ORDER BY a.name does.
      for (const a of lookups.areas)
        if (a.level === 'district' && !out.has(a.code))
          out.set(a.code, { code: a.code, name: a.name, months: upTo(byArea?.get(a.code), lastPeriod) });
      return [...out.values()];
    },
  };
}
