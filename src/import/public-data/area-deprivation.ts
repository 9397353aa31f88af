import { Float64, Int32, makeData, makeVector, Table, type Vector } from 'apache-arrow';
import type { Engine } from '../../engine/engine-types';
import { columnsToArrow } from '../columns-to-arrow';
import type { DeprivationRow } from './deprivation-files';

/**
 * `area_deprivation`: the national IMD rank and decile (1 = most deprived) of each LSOA, and its score where the
 * file gives one. Reference data about places, not counts of people; the inequality view reads it. Column names
 * are an interface other parts rely on: keep them. The table exists only once an IMD file has been loaded (an
 * empty table would be one more for every snapshot and workspace to carry).
 */
export const DEPRIVATION_TABLE = 'area_deprivation';

export async function ensureDeprivationTable(engine: Engine): Promise<void> {
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${DEPRIVATION_TABLE} (area_code VARCHAR, imd_rank INTEGER, imd_decile INTEGER, imd_score DOUBLE, source VARCHAR)`,
  );
}

/** Adds an IMD file's rows; an area already given (by this file or another) takes the new file's values. */
export async function writeDeprivation(engine: Engine, rows: readonly DeprivationRow[]): Promise<void> {
  await ensureDeprivationTable(engine);
  if (rows.length === 0) return;
  const text = columnsToArrow({ area_code: rows.map((r) => r.area_code), source: rows.map((r) => r.source) });
  const int = (values: number[]): Vector<Int32> => makeVector(Int32Array.from(values));
  const score = makeVector(
    makeData({
      type: new Float64(),
      length: rows.length,
      data: Float64Array.from(rows, (r) => r.imd_score ?? 0),
      nullBitmap: bitmap(rows.map((r) => r.imd_score !== null)),
    }),
  );
  const table = new Table({
    area_code: text.getChild('area_code') as Vector,
    imd_rank: int(rows.map((r) => r.imd_rank)),
    imd_decile: int(rows.map((r) => r.imd_decile)),
    imd_score: score,
    source: text.getChild('source') as Vector,
  });
  const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${DEPRIVATION_TABLE}`);
  if (n === 0) {
    // The usual case, a first IMD file: its rows go straight in.
    await engine.exec(`DROP TABLE ${DEPRIVATION_TABLE}`);
    await engine.insertArrow(table, DEPRIVATION_TABLE, 'create');
    return;
  }
  const staging = 'stg_area_deprivation';
  await engine.insertArrow(table, staging, 'create');
  try {
    await engine.exec(
      `DELETE FROM ${DEPRIVATION_TABLE} WHERE area_code IN (SELECT area_code FROM ${staging});
       INSERT INTO ${DEPRIVATION_TABLE} SELECT area_code, imd_rank, imd_decile, imd_score, source FROM ${staging}`,
    );
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${staging}`);
  }
}

function bitmap(valid: readonly boolean[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(valid.length / 8));
  valid.forEach((v, i) => {
    if (v) out[i >> 3] = (out[i >> 3] as number) | (1 << (i & 7));
  });
  return out;
}
