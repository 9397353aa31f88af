import { Table } from 'apache-arrow';
import { float64Vector, utf8Vector } from '../engine/arrow-vectors';
import type { Audience, DisclosurePolicy, GeographyLevel, AgeBand, Sex } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import type { AreaHierarchy, CubeCell, PeriodType, ProtectedCell } from './cube-types';
import type { ProtectionSummary } from './protect-cube';
import { protectedTable, publicFlag } from './protected-tables';

/** Runs protectCube somewhere: inline in Node, in a Web Worker in the browser. */
export type ProtectRunner = (
  cells: CubeCell[],
  policy: DisclosurePolicy,
  hierarchy: AreaHierarchy,
  onProgress: (done: number, total: number) => void,
) => Promise<{ cells: ProtectedCell[]; summary: ProtectionSummary }>;

/**
 * Protects the whole `cube` for one audience and stores the result as that audience's protected table.
 * Everything an audience sees is read from that table, so every view, export and link agrees.
 */
export async function protectCubeTable(
  engine: Engine,
  audience: Audience,
  policy: DisclosurePolicy,
  run: ProtectRunner,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ProtectionSummary> {
  const rows = await engine.queryArrow(
    'SELECT indicator_id, area_code, level, period, period_type, age_band, sex, count FROM cube',
  );
  const col = (name: string) => rows.getChild(name)!;
  const [ind, area, level, period, ptype, age, sex, count] = [
    col('indicator_id'),
    col('area_code'),
    col('level'),
    col('period'),
    col('period_type'),
    col('age_band'),
    col('sex'),
    col('count'),
  ];
  const cells: CubeCell[] = new Array<CubeCell>(rows.numRows);
  for (let i = 0; i < rows.numRows; i++) {
    cells[i] = {
      indicatorId: ind.get(i) as string,
      areaCode: area.get(i) as string,
      level: level.get(i) as GeographyLevel,
      period: period.get(i) as string,
      periodType: ptype.get(i) as PeriodType,
      ageBand: age.get(i) as AgeBand,
      sex: sex.get(i) as Sex,
      count: Number(count.get(i)),
    };
  }
  const parents = await engine.query<{ code: string; parent_code: string }>(
    'SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL',
  );
  const hierarchy: AreaHierarchy = { parentOf: new Map(parents.map((p) => [p.code, p.parent_code])) };
  const result = await run(cells, policy, hierarchy, onProgress);

  const strings = (pick: (c: ProtectedCell) => string) => utf8Vector(result.cells.map(pick));
  const table = new Table({
    indicator_id: strings((c) => c.indicatorId),
    area_code: strings((c) => c.areaCode),
    level: strings((c) => c.level),
    period: strings((c) => c.period),
    period_type: strings((c) => c.periodType),
    age_band: strings((c) => c.ageBand),
    sex: strings((c) => c.sex),
    value: float64Vector(result.cells.map((c) => c.value)),
    flag: strings((c) => publicFlag(c.status)),
  });
  const name = protectedTable(audience);
  const staging = `${name}_new`;
  await engine.exec(`DROP TABLE IF EXISTS ${ident(staging)}`);
  await engine.insertArrow(table, staging, 'create');
  // Ordered like the extracts so that filters on indicator, area and period skip blocks.
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM ${ident(staging)} ORDER BY indicator_id, level, area_code, period_type, period; DROP TABLE ${ident(staging)}`,
  );
  return result.summary;
}
