import type { Indicator, Polarity } from '../../contract';
import { committedTableExists } from '../../engine/committed-tables';
import type { Engine } from '../../engine/engine-types';
import { str, strList } from '../../engine/sql-literals';
import { DENOMINATOR_SUFFIX, type PublicFlag, type FigureFlag } from '../../disclosure/protected-tables';
import {
  BENCHMARK_METHOD,
  type BenchmarkComparison,
  type BenchmarkOutcome,
  type NotCompared,
  type StatisticWithLimits,
} from '../../stats';
import { figureOf } from '../figures/map-area-figures';
import { nearestYear } from '../figures/population-years';
import { noPopulationFor } from '../wording/population-words';
import { shortMonths, type ReportingSource } from './parts-reporting';

/** One loaded benchmark value. */
export interface BenchmarkValue {
  benchmark: string;
  period: string;
  value: number;
  lower95: number | null;
  upper95: number | null;
}

/** The loaded benchmark values of an indicator (none until a benchmark file is loaded), by name and period. */
export async function benchmarkValues(engine: Engine, indicatorId: string): Promise<BenchmarkValue[]> {
  if (!(await committedTableExists(engine, 'benchmarks'))) return [];
  return engine.query<BenchmarkValue & Record<string, string | number | null>>(`
    SELECT benchmark, period, value::DOUBLE AS value, lower95::DOUBLE AS lower95, upper95::DOUBLE AS upper95
    FROM benchmarks WHERE indicator_id = ${str(indicatorId)} ORDER BY benchmark, period`);
}

export interface BenchmarkComparisonParams {
  indicatorId: string;
  /** The area compared (any level); null for the whole VRU area. */
  areaCode: string | null;
  statistic: Indicator['statistic'];
  denominatorSource: Indicator['denominatorSource'];
  multiplier: number;
  polarity: Polarity;
  lowCountBelow: number;
}

export interface BenchmarkYearComparison {
  year: string;
  benchmark: string;
  benchmarkValue: number | null;
  /** The area's protected figure for the year, and its flag. */
  rate: StatisticWithLimits | null;
  rateFlag: FigureFlag;
  /** Months of the year without data from every part of the area: not compared unless 0. */
  incompleteMonths: number;
  comparison: BenchmarkComparison | NotCompared;
  outcome: BenchmarkOutcome | NotCompared;
}

export interface BenchmarkComparisonResult {
  areaName: string;
  benchmarks: string[];
  rows: BenchmarkYearComparison[];
  /** Benchmark periods that are not calendar years with figures here (e.g. financial years), so not compared. */
  unmatchedPeriods: string[];
  method: string;
}

/**
 * An area's yearly figure (protected cell, rate from population_cube as the map makes it) compared with every
 * loaded benchmark value for the same calendar year, by the area's 95% confidence interval and mapped through the
 * indicator's polarity (better / similar / worse), as Fingertips compares areas with England.
 */
export async function benchmarkComparison(
  engine: Engine,
  table: string,
  p: BenchmarkComparisonParams,
  /** Which parts of the area reported each month (see parts-reporting.ts); the protected cells by default. */
  reporting: ReportingSource = { table, declaredFor: [] },
): Promise<BenchmarkComparisonResult> {
  const values = await benchmarkValues(engine, p.indicatorId);
  const areaRows = await engine.query<{ code: string; name: string; level: string }>(
    p.areaCode === null
      ? `SELECT code, name, level FROM areas WHERE level = 'vru' LIMIT 1`
      : `SELECT code, name, level FROM areas WHERE code = ${str(p.areaCode)}`,
  );
  const area = areaRows[0];
  if (!area || values.length === 0)
    return { areaName: area?.name ?? '', benchmarks: [], rows: [], unmatchedPeriods: [], method: BENCHMARK_METHOD };
  const [cells, popRows, monthRows, short] = await Promise.all([
    engine.query<{ indicator_id: string; period: string; value: number | null; flag: PublicFlag }>(`
      SELECT indicator_id, period, value::DOUBLE AS value, flag FROM ${table}
      WHERE indicator_id IN ${strList([p.indicatorId, p.indicatorId + DENOMINATOR_SUFFIX])} AND area_code = ${str(area.code)}
        AND period_type = 'year' AND age_band = 'all' AND sex = 'all'`),
    engine.query<{ year: number; population: number }>(`
      SELECT year, population::DOUBLE AS population FROM population_cube
      WHERE area_code = ${str(area.code)} AND age_band = 'all' AND sex = 'all'`),
    // A year is compared with a benchmark's year only whole: every month with data, from every part of the area.
    engine.query<{ period: string }>(`
      SELECT DISTINCT period FROM ${table}
      WHERE indicator_id = ${str(p.indicatorId)} AND level = 'vru' AND period_type = 'month'`),
    shortMonths(engine, reporting, [p.indicatorId], { code: area.code }),
  ]);
  const incompleteIn = (year: string): number =>
    12 -
    monthRows.filter((m) => m.period.startsWith(`${year}-`)).length +
    short.filter((m) => m.period.startsWith(`${year}-`)).length;
  const popYears = popRows.map((r) => r.year).sort((a, b) => a - b);
  const popOf = new Map(popRows.map((r) => [r.year, r.population]));
  const years = [...new Set(cells.filter((c) => c.indicator_id === p.indicatorId).map((c) => c.period))].sort();
  const benchmarks = [...new Set(values.map((v) => v.benchmark))];
  const rows: BenchmarkYearComparison[] = [];
  for (const year of years) {
    const cell = cells.find((c) => c.indicator_id === p.indicatorId && c.period === year);
    const den = cells.find((c) => c.indicator_id !== p.indicatorId && c.period === year);
    const popYear = nearestYear(popYears, Number(year));
    for (const benchmark of benchmarks) {
      const b = values.find((v) => v.benchmark === benchmark && v.period === year) ?? null;
      const figure = figureOf(
        {
          code: area.code,
          name: area.name,
          level: area.level,
          districtCode: null,
          value: cell?.value ?? null,
          flag: cell?.flag ?? null,
          den: den?.value ?? null,
          denFlag: den?.flag ?? null,
          population: popYear === null ? null : (popOf.get(popYear) ?? null),
          populationReason: popYear === null ? noPopulationFor('the area') : null,
          incompleteMonths: incompleteIn(year),
        },
        { ...p, level: 'vru', month: null, age: 'all', sex: 'all' },
        b?.value ?? null,
      );
      rows.push({
        year,
        benchmark,
        benchmarkValue: b?.value ?? null,
        rate: figure.rate,
        rateFlag: figure.rateFlag,
        incompleteMonths: figure.incompleteMonths,
        comparison: figure.comparison,
        outcome: figure.outcome,
      });
    }
  }
  const unmatchedPeriods = [...new Set(values.map((v) => v.period).filter((period) => !years.includes(period)))].sort();
  return { areaName: area.name, benchmarks, rows, unmatchedPeriods, method: BENCHMARK_METHOD };
}
