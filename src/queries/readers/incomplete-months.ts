import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { loadedRows } from './loaded-rows';

/**
 * Where the parts that reported each month are read from: the declared coverage when the session holds the
 * extracts (every area at the extract's own level, so an LSOA declared not reported shows in its district's and
 * the VRU area's months), else the protected monthly cells (the demo restored from its snapshot, an open bundle:
 * districts and the VRU area, the finest level months are published for).
 */
export type ReportingSource = { declared: true } | { declared: false; table: string };

/**
 * For each area at the given levels, how many of `months` it is incomplete in: months in which some of its parts
 * (areas at the level the data come in, itself included) reported nothing although they report in other months.
 * Such an area's total for a period holding that month is too low, whatever its flag. A month nobody reported
 * anywhere is not among `months` (the period says how many months it holds). Areas complete in every month are
 * left out. Counts areas, never people: nothing here is a figure.
 */
export async function incompleteMonths(
  engine: Engine,
  source: ReportingSource,
  indicatorId: string,
  levels: readonly string[],
  months: readonly string[],
): Promise<Map<string, number>> {
  if (months.length === 0) return new Map();
  const rows = source.declared ? ident('declared_coverage') : loadedRows(source.table);
  const found = await engine.query<{ code: string; incomplete: number }>(`
    WITH reported AS (
      SELECT DISTINCT area_code, period FROM ${rows} r
      WHERE indicator_id = ${str(indicatorId)}
    ),
    parts AS (
      SELECT DISTINCT r.area_code AS part, an.ancestor AS code
      FROM (SELECT DISTINCT area_code FROM reported) r JOIN area_ancestors an ON an.code = r.area_code
      WHERE an.level IN ${strList(levels)}
    ),
    expected AS (SELECT code, count(*) AS parts FROM parts GROUP BY code),
    reporting AS (
      SELECT p.code, count(*) AS parts
      FROM parts p JOIN reported r ON r.area_code = p.part
      WHERE r.period IN ${strList(months)}
      GROUP BY p.code, r.period
    )
    SELECT e.code, (${months.length} - count(*) FILTER (WHERE r.parts = e.parts))::INTEGER AS incomplete
    FROM expected e LEFT JOIN reporting r ON r.code = e.code
    GROUP BY e.code, e.parts
    HAVING count(*) FILTER (WHERE r.parts = e.parts) < ${months.length}`);
  return new Map(found.map((r) => [r.code, r.incomplete]));
}
