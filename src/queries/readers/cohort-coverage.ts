import { AGE_BANDS } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { DENOMINATOR_SUFFIX } from '../../disclosure/protected-tables';
import type { IndicatorBreakdown } from '../figures/cohort-figures';
import { shortMonths, type ReportingSource } from './parts-reporting';

export interface CohortCoverage {
  vruCode: string | null;
  districtCodes: string[];
  indicators: IndicatorBreakdown[];
}

/** Years with all 12 months, and quarters with all 3, among the months given. */
export function completePeriods(months: Iterable<string>): { years: string[]; quarters: string[] } {
  const perYear = new Map<string, number>();
  const perQuarter = new Map<string, number>();
  for (const m of new Set(months)) {
    const y = m.slice(0, 4);
    const q = `${y}-Q${Math.floor((Number(m.slice(5, 7)) + 2) / 3)}`;
    perYear.set(y, (perYear.get(y) ?? 0) + 1);
    perQuarter.set(q, (perQuarter.get(q) ?? 0) + 1);
  }
  return {
    years: [...perYear]
      .filter(([, n]) => n === 12)
      .map(([y]) => y)
      .sort(),
    quarters: [...perQuarter]
      .filter(([, n]) => n === 3)
      .map(([q]) => q)
      .sort(),
  };
}

/**
 * What each indicator records by age and sex, and which years and quarters are complete in each district
 * and the VRU area. This describes the shape of what is loaded (which months exist), not how many people
 * are in any cell, so it reads cell keys only.
 */
export async function cohortCoverage(
  engine: Engine,
  table: string,
  /** Which parts of each area reported each month (see parts-reporting.ts); the protected cells by default. */
  reporting: ReportingSource = { table, declaredFor: [] },
): Promise<CohortCoverage> {
  const notDenominator = `NOT ends_with(indicator_id, ${str(DENOMINATOR_SUFFIX)})`;
  const breakdowns = await engine.query<{ indicatorId: string; bands: string | null; bySex: boolean }>(`
    SELECT indicator_id AS "indicatorId",
           string_agg(DISTINCT age_band, ',') FILTER (WHERE age_band IN ${strList(AGE_BANDS)}) AS bands,
           bool_or(sex <> 'all') AS "bySex"
    FROM ${ident(table)}
    WHERE level = 'vru' AND period_type = 'year' AND ${notDenominator}
    GROUP BY 1 ORDER BY 1`);
  const months = await engine.query<{ indicatorId: string; areaCode: string; period: string }>(`
    SELECT DISTINCT indicator_id AS "indicatorId", area_code AS "areaCode", period
    FROM ${ident(table)}
    WHERE period_type = 'month' AND level IN ('district', 'vru') AND age_band = 'all' AND sex = 'all' AND ${notDenominator}`);
  const areas = await engine.query<{ code: string; level: string }>(
    `SELECT code, level FROM areas WHERE level IN ('district', 'vru') ORDER BY name`,
  );

  // Like with like: an area's month in which some of its parts sent no data is not a whole month, so a year or
  // quarter holding one is not complete.
  const ids = breakdowns.map((b) => b.indicatorId);
  const short = await shortMonths(engine, reporting, ids, { levels: ['district', 'vru'] });
  const incomplete = new Set(short.map((m) => `${m.indicatorId}|${m.areaCode}|${m.period}`));
  const partial = (m: { indicatorId: string; areaCode: string; period: string }) =>
    incomplete.has(`${m.indicatorId}|${m.areaCode}|${m.period}`);

  const monthsBy = new Map<string, Map<string, string[]>>();
  for (const m of months) {
    if (partial(m)) continue;
    const byArea = monthsBy.get(m.indicatorId) ?? new Map<string, string[]>();
    const list = byArea.get(m.areaCode) ?? [];
    list.push(m.period);
    byArea.set(m.areaCode, list);
    monthsBy.set(m.indicatorId, byArea);
  }
  const indicators = breakdowns.map((b): IndicatorBreakdown => {
    const bands = new Set((b.bands ?? '').split(','));
    const fullYears: Record<string, string[]> = {};
    const fullQuarters: Record<string, string[]> = {};
    for (const [area, list] of monthsBy.get(b.indicatorId) ?? []) {
      const full = completePeriods(list);
      fullYears[area] = full.years;
      fullQuarters[area] = full.quarters;
    }
    return {
      indicatorId: b.indicatorId,
      ageBands: AGE_BANDS.filter((a) => bands.has(a)),
      bySex: Boolean(b.bySex),
      fullYears,
      fullQuarters,
    };
  });
  return {
    vruCode: areas.find((a) => a.level === 'vru')?.code ?? null,
    districtCodes: areas.filter((a) => a.level === 'district').map((a) => a.code),
    indicators,
  };
}

/** The last calendar year that ends by `notAfter` (a year, or a month YYYY-MM); null for no limit. */
export function yearLimit(notAfter: string | null): string | null {
  if (notAfter === null) return null;
  return notAfter.length === 4 || notAfter.endsWith('-12') ? notAfter.slice(0, 4) : String(Number(notAfter.slice(0, 4)) - 1);
}

/** The latest year complete for the area and ending by `notAfter`, or null. */
export function latestFullYear(breakdown: IndicatorBreakdown | undefined, area: string, notAfter: string | null): string | null {
  const years = breakdown?.fullYears[area] ?? [];
  const limit = yearLimit(notAfter);
  return (limit === null ? years : years.filter((y) => y <= limit)).at(-1) ?? null;
}
