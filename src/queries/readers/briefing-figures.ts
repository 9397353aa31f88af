import type { GeographyLevel } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { DENOMINATOR_SUFFIX } from '../../disclosure/protected-tables';
import { briefingMeasure, type Briefing, type BriefingCells, type BriefingRequest } from '../figures/briefing-measure';
import { readPopulationGaps } from './population-gaps';
import { figureOfRow, type PopulationRow } from './trend-cells';
import { partialMonths, type ReportingSource } from './parts-reporting';

interface CellRow {
  indicator_id: string;
  period: string;
  period_type: string;
  age_band: string;
  value: number | null;
  flag: string;
}

/**
 * Everything the Overview shows: for each indicator, the latest full year and the year before at the chosen
 * area (the whole VRU area by default), the change between them with its exact test, the last 24 months, and
 * a plain-English summary (figures/briefing-measure.ts builds them). Reads only the audience's protected table
 * and the public lookups.
 */
export async function briefingFigures(
  engine: Engine,
  table: string,
  req: BriefingRequest,
  /** Which parts of the area reported each month (see parts-reporting.ts); the protected cells by default. */
  reporting: ReportingSource = { table, declaredFor: [] },
): Promise<Briefing> {
  const wanted = req.area
    ? await engine.query<{ code: string; name: string; level: string }>(
        `SELECT code, name, level FROM areas WHERE code = ${str(req.area)} LIMIT 1`,
      )
    : [];
  const [vru] = await engine.query<{ code: string; name: string; level: string }>(
    "SELECT code, name, level FROM areas WHERE level = 'vru' ORDER BY code LIMIT 1",
  );
  const area = wanted[0] ?? vru;
  if (!area) return { areaCode: '', areaName: '', level: 'vru', areaNotFound: req.area !== null, endMonth: null, measures: [] };

  const ids = req.indicators.map((i) => i.id);
  const rows = await engine.query<CellRow & Record<string, string | number | null>>(`
    SELECT indicator_id, period, period_type, age_band, CAST(value AS DOUBLE) AS value, flag
    FROM ${ident(table)}
    WHERE area_code = ${str(area.code)} AND sex = 'all' AND period_type IN ('month', 'year')
      AND indicator_id IN ${strList([...ids, ...ids.map((id) => id + DENOMINATOR_SUFFIX)])}`);
  const popRows = await engine.query<{ year: string; age_band: string; population: number }>(`
    SELECT CAST(year AS VARCHAR) AS year, age_band, CAST(population AS DOUBLE) AS population
    FROM population_cube WHERE area_code = ${str(area.code)} AND sex = 'all'`);
  const population = new Map(popRows.map((r) => [`${r.year}|${r.age_band}`, r.population]));
  const populationRows: PopulationRow[] = popRows.map((r) => ({
    year: Number(r.year),
    ageBand: r.age_band,
    population: r.population,
  }));
  const gaps = await readPopulationGaps(engine, { areaCodes: [area.code], sex: 'all' });
  // Months in which some parts of the area sent no data: a year with one is not a whole year.
  const partial = await partialMonths(engine, reporting, ids, area.code);

  const byIndicator = new Map<string, BriefingCells>();
  let latestMonth = '';
  for (const r of rows) {
    let m = byIndicator.get(r.indicator_id);
    if (!m) byIndicator.set(r.indicator_id, (m = new Map()));
    m.set(`${r.period}|${r.age_band}`, { period: r.period, periodType: r.period_type, ageBand: r.age_band, ...figureOfRow(r) });
    if (r.period_type === 'month' && r.period > latestMonth) latestMonth = r.period;
  }
  const endMonth = req.endMonth ?? (latestMonth || null);
  const shared = { name: area.name, population, populationRows, gaps, endMonth, lowCountBelow: req.policy.lowCountBelow };
  const measures = req.indicators.map((ind) =>
    briefingMeasure(
      ind,
      {
        cells: byIndicator.get(ind.id) ?? new Map(),
        denominators: byIndicator.get(ind.id + DENOMINATOR_SUFFIX) ?? new Map(),
        partial: partial.get(ind.id) ?? new Map<string, number>(),
      },
      shared,
    ),
  );

  return {
    areaCode: area.code,
    areaName: area.name,
    level: area.level as GeographyLevel,
    areaNotFound: req.area !== null && wanted.length === 0,
    endMonth,
    measures,
  };
}
