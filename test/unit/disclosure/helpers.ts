import { expect } from 'vitest';
import { cellKey, relationMembers, type CubeRelations, type ProtectedCell, type ProtectedCube } from '../../../src/disclosure';

export const isHidden = (c: ProtectedCell): boolean => c.value === null;

/** Every relation holds 0 or >= 2 suppressed cells (the secondary-suppression fixed point). */
export function expectFixedPoint(res: ProtectedCube): void {
  const bad: string[] = [];
  for (let r = 0; r < res.relations.count; r++) {
    const ms = relationMembers(res.relations, r);
    const hidden = ms.filter((m) => isHidden(res.cells[m]!)).length;
    if (hidden === 1) bad.push(ms.map((m) => cellKey(res.cells[m]!)).join(' = '));
  }
  expect(bad).toEqual([]);
}

export function byKey(cells: readonly ProtectedCell[]): Map<string, ProtectedCell> {
  return new Map(cells.map((c) => [cellKey(c), c]));
}

/** The protected cell of an area (single-month, all-ages, all-sexes tables unless told). */
export function get(res: ProtectedCube, key: string): ProtectedCell {
  const c = byKey(res.cells).get(key);
  if (!c) throw new Error(`no cell ${key}`);
  return c;
}

export function relationCountByDimension(rel: CubeRelations): number[] {
  const out = [0, 0, 0, 0];
  for (let r = 0; r < rel.count; r++) out[rel.dimension[r]!]!++;
  return out;
}
