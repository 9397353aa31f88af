import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { loadedRows } from './loaded-rows';

/**
 * Where the parts that reported each month are read from. The declared coverage, when the session holds the
 * extracts, for the indicators whose absent rows read as zero: their coverage is the declaration alone (every area
 * at the extract's own level, less the spans declared not reported), so an LSOA declared not reported shows in its
 * district's and the VRU area's months. Everything else reads the protected monthly cells (districts and the VRU
 * area, the finest level months are published for): the demo restored from its snapshot, an open bundle, and
 * indicators whose absent rows read as not reported. For those the coverage is which rows are present, and an
 * extract that in fact leaves out its zero rows would then tell, area by area and month by month, where somebody
 * was counted: the published cells tell no more than is already published.
 */
export type ReportingSource = { table: string; declaredFor: readonly string[] };

/** The source for a session holding its extracts (`rawData`) or only protected tables, with its readings. */
export function reportingSourceOf(
  rawData: boolean,
  table: string,
  readings: readonly { indicatorId: string; reading: string | null }[],
): ReportingSource {
  return { table, declaredFor: rawData ? readings.filter((r) => r.reading === 'zero').map((r) => r.indicatorId) : [] };
}

/** An area's month in which fewer of its parts reported than report in other months (0 reported: none did). */
export interface ShortMonth {
  indicatorId: string;
  areaCode: string;
  period: string;
  reported: number;
  expected: number;
}

/**
 * The area-months, for the given indicators, in which some of the area's parts (areas at the level the data come
 * in, the area itself included) reported nothing although they report in other months: the area's total for that
 * month is too low, or missing when no part reported. Only months in which the indicator has data somewhere are
 * looked at (a month nobody reported is a gap of the period, not of an area). `areas`: the areas asked about, by
 * level, by code, or every area. Counts areas, never people: nothing here is a figure.
 */
export async function shortMonths(
  engine: Engine,
  source: ReportingSource,
  indicatorIds: readonly string[],
  areas: AreaChoice,
  months?: readonly string[],
): Promise<ShortMonth[]> {
  if (indicatorIds.length === 0 || months?.length === 0) return [];
  return engine.query<ShortMonth & Record<string, string | number>>(
    `${shortMonthsSql(source, indicatorIds, areas, months)} ORDER BY 1, 2, 3`,
  );
}

type AreaChoice = { levels: readonly string[] } | { code: string } | 'every';

/** The statement behind shortMonths (its columns named as ShortMonth's fields), for a reader to embed. */
export function shortMonthsSql(
  source: ReportingSource,
  indicatorIds: readonly string[],
  areas: AreaChoice,
  months?: readonly string[],
): string {
  const declared = indicatorIds.filter((id) => source.declaredFor.includes(id));
  const published = indicatorIds.filter((id) => !source.declaredFor.includes(id));
  const rows = `(${[
    ...(declared.length > 0
      ? [`SELECT indicator_id, area_code, period FROM ${ident('declared_coverage')} WHERE indicator_id IN ${strList(declared)}`]
      : []),
    ...(published.length > 0
      ? [`SELECT indicator_id, area_code, period FROM ${loadedRows(source.table)} p WHERE indicator_id IN ${strList(published)}`]
      : []),
    // No indicator asked: nothing, in the same columns.
    ...(indicatorIds.length === 0
      ? ['SELECT NULL::VARCHAR AS indicator_id, NULL::VARCHAR AS area_code, NULL::VARCHAR AS period WHERE false']
      : []),
  ].join(' UNION ALL ')})`;
  const which =
    areas === 'every' ? 'true' : 'code' in areas ? `an.ancestor = ${str(areas.code)}` : `an.level IN ${strList(areas.levels)}`;
  return `
    WITH reported AS (
      SELECT DISTINCT indicator_id, area_code, period FROM ${rows} r ${months ? `WHERE period IN ${strList(months)}` : ''}
    ),
    months AS (SELECT DISTINCT indicator_id, period FROM reported),
    parts AS (
      SELECT DISTINCT r.indicator_id, r.area_code AS part, an.ancestor AS code
      FROM (SELECT DISTINCT indicator_id, area_code FROM ${rows} r) r
      JOIN area_ancestors an ON an.code = r.area_code
      WHERE ${which}
    ),
    expected AS (SELECT indicator_id, code, count(*) AS parts FROM parts GROUP BY ALL),
    reporting AS (
      SELECT p.indicator_id, p.code, r.period, count(*) AS parts
      FROM parts p JOIN reported r ON r.indicator_id = p.indicator_id AND r.area_code = p.part
      GROUP BY ALL
    )
    SELECT e.indicator_id AS "indicatorId", e.code AS "areaCode", m.period,
           coalesce(g.parts, 0)::INTEGER AS reported, e.parts::INTEGER AS expected
    FROM expected e JOIN months m ON m.indicator_id = e.indicator_id
    LEFT JOIN reporting g ON g.indicator_id = e.indicator_id AND g.code = e.code AND g.period = m.period
    WHERE coalesce(g.parts, 0) < e.parts`;
}

/**
 * For each area at the given levels, how many of `months` it is incomplete in (some part reported nothing, or no
 * part did): such an area's total for a period holding that month is too low, whatever its flag. Areas complete in
 * every month are left out.
 */
export async function incompleteMonths(
  engine: Engine,
  source: ReportingSource,
  indicatorId: string,
  levels: readonly string[],
  months: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const s of await shortMonths(engine, source, [indicatorId], { levels }, months)) {
    out.set(s.areaCode, (out.get(s.areaCode) ?? 0) + 1);
  }
  return out;
}

/**
 * Months in which some but not all of an area's parts reported, with how many did not (`missing`): the area's total
 * for that month is incomplete (a partner sent no data for part of the area). A month none reported has no figure
 * (`x`), so it is not among them. Columns "indicatorId", "areaCode", period, missing; for a reader to embed.
 */
export function partialMonthsSql(source: ReportingSource, indicatorIds: readonly string[], areas: AreaChoice): string {
  return `SELECT "indicatorId", "areaCode", period, expected - reported AS missing
    FROM (${shortMonthsSql(source, indicatorIds, areas)}) WHERE reported > 0`;
}

/** partialMonthsSql for one area: indicator -> month -> parts missing, every indicator present (empty when complete). */
export async function partialMonths(
  engine: Engine,
  source: ReportingSource,
  indicatorIds: readonly string[],
  areaCode: string,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map(indicatorIds.map((id) => [id, new Map<string, number>()]));
  if (indicatorIds.length === 0) return out;
  const rows = await engine.query<{ indicatorId: string; period: string; missing: number }>(
    `${partialMonthsSql(source, indicatorIds, { code: areaCode })} ORDER BY 1, 3`,
  );
  for (const r of rows) out.get(r.indicatorId)?.set(r.period, Number(r.missing));
  return out;
}
