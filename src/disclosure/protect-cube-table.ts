import { makeVector, Table } from 'apache-arrow';
import type { Audience, DisclosurePolicy } from '../contract';
import type { Engine } from '../engine/engine-types';
import { ident, strList } from '../engine/sql-literals';
import { LP_COMPONENT_CAPS } from './lp-audit';
import type { ProtectionSummary } from './protect-cube';
import { cubeColumnsSql, FLAG_CODES, type ProtectedColumns, type ProtectRequest } from './protect-columns';
import { protectedTable } from './protected-tables';

/** Runs protectCubeColumns somewhere: inline in Node, in a Web Worker in the browser. */
export type ProtectRunner = (
  request: ProtectRequest,
  onProgress: (done: number, total: number) => void,
) => Promise<ProtectedColumns>;

/**
 * Protects the whole `cube` for one audience and stores the result as that audience's protected table.
 * Everything an audience sees is read from that table, so every view, export and link agrees. The cube leaves
 * the engine as IPC bytes and comes back as a flag code and a value per cell, joined to the cube by cell_id in
 * SQL: no cell objects are made or copied on the page's main thread.
 *
 * `exactIndicators` are indicators of datasets already published as open data (police.uk): every audience sees
 * their exact counts, so they are not protected at all. That gives nothing away about the others: no relation
 * crosses indicators (a total and its parts are always cells of one indicator), so protecting the rest on its
 * own is the same as protecting the whole with these cells shown.
 */
export async function protectCubeTable(
  engine: Engine,
  audience: Audience,
  policy: DisclosurePolicy,
  run: ProtectRunner,
  onProgress: (done: number, total: number) => void = () => {},
  exactIndicators: readonly string[] = [],
): Promise<ProtectionSummary> {
  const protectedOnly = exactIndicators.length > 0 ? `indicator_id NOT IN ${strList(exactIndicators)}` : 'true';
  const cube = await engine.queryIpc(cubeColumnsSql(protectedOnly));
  const parents = await engine.query<{ code: string; parent_code: string }>(
    'SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL',
  );
  const result = await run(
    {
      cube,
      policy,
      parents: parents.map((p) => [p.code, p.parent_code]),
      lpComponentCap: LP_COMPONENT_CAPS[audience],
    },
    onProgress,
  );
  // Position i of the result is the i-th protected cell by cell_id.
  const n = result.flag.length;
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) position[i] = i;
  const table = new Table({
    position: makeVector(position),
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
     WITH c AS (
       SELECT *, CAST(row_number() OVER (ORDER BY cell_id) - 1 AS INTEGER) AS position FROM cube WHERE ${protectedOnly}
     )
     SELECT * FROM (
       SELECT c.indicator_id, c.area_code, c.level, c.period, c.period_type, c.age_band, c.sex,
              CASE WHEN p.flag_code = 2 THEN NULL ELSE p.value END AS value, ${flag} AS flag
       FROM c JOIN ${ident(staging)} p USING (position)
       UNION ALL
       SELECT indicator_id, area_code, level, period, period_type, age_band, sex, CAST(count AS DOUBLE), 'shown'
       FROM cube WHERE NOT (${protectedOnly})
     )
     ORDER BY indicator_id, level, area_code, period_type, period, age_band, sex;
     DROP TABLE ${ident(staging)}`,
  );
  return result.summary;
}
