import { makeVector, Table } from 'apache-arrow';
import type { Audience, DisclosurePolicy } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import type { ProtectionSummary } from './protect-cube';
import { CUBE_COLUMNS_SQL, FLAG_CODES, type ProtectedColumns } from './protect-columns';
import { protectedTable } from './protected-tables';

/**
 * Runs protectCubeColumns somewhere: inline in Node, in a Web Worker in the browser. Takes the cube's columns as
 * Arrow IPC bytes and the area hierarchy as (child, parent) pairs, so both cross to a worker cheaply.
 */
export type ProtectRunner = (
  cube: Uint8Array,
  policy: DisclosurePolicy,
  parents: [string, string][],
  onProgress: (done: number, total: number) => void,
) => Promise<ProtectedColumns>;

/**
 * Protects the whole `cube` for one audience and stores the result as that audience's protected table.
 * Everything an audience sees is read from that table, so every view, export and link agrees. The cube leaves
 * the engine as IPC bytes and comes back as a flag code and a value per cell, joined to the cube by cell_id in
 * SQL: no cell objects are made or copied on the page's main thread.
 */
export async function protectCubeTable(
  engine: Engine,
  audience: Audience,
  policy: DisclosurePolicy,
  run: ProtectRunner,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ProtectionSummary> {
  const cube = await engine.queryIpc(CUBE_COLUMNS_SQL);
  const parents = await engine.query<{ code: string; parent_code: string }>(
    'SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL',
  );
  const result = await run(
    cube,
    policy,
    parents.map((p) => [p.code, p.parent_code]),
    onProgress,
  );
  const n = result.flag.length;
  const cellId = new Int32Array(n);
  for (let i = 0; i < n; i++) cellId[i] = i;
  const table = new Table({
    cell_id: makeVector(cellId),
    value: makeVector(result.value),
    flag_code: makeVector(result.flag),
  });
  const name = protectedTable(audience);
  const staging = `${name}_new`;
  await engine.exec(`DROP TABLE IF EXISTS ${ident(staging)}`);
  await engine.insertArrow(table, staging, 'create');
  const flag = `CASE p.flag_code ${FLAG_CODES.map((f, i) => `WHEN ${i} THEN '${f}'`).join(' ')} END`;
  // Ordered like the extracts so that filters on indicator, area and period skip blocks.
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(name)} AS
     SELECT c.indicator_id, c.area_code, c.level, c.period, c.period_type, c.age_band, c.sex,
            CASE WHEN p.flag_code = 2 THEN NULL ELSE p.value END AS value, ${flag} AS flag
     FROM cube c JOIN ${ident(staging)} p USING (cell_id)
     ORDER BY c.indicator_id, c.level, c.area_code, c.period_type, c.period;
     DROP TABLE ${ident(staging)}`,
  );
  return result.summary;
}
