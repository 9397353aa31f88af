import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/contract';
import {
  applyPrimaryPolicy,
  auditProtection,
  cellKey,
  deriveRelations,
  type CubeCell,
  type ProtectedCell,
  type SuppressionPolicy,
} from '../../../src/disclosure';
import { cell, hierarchyOf, randomCube } from './fixtures';

const analyst = DEFAULT_POLICIES.analyst;
const primaryOnly = (cells: readonly CubeCell[], policy: SuppressionPolicy = analyst): ProtectedCell[] =>
  cells.map((c) => ({ ...c, ...applyPrimaryPolicy(c.count, policy) }));

describe('auditProtection (interval attack)', () => {
  it('finds a small cell exactly when only primary suppression is applied', () => {
    const cells = [cell('D', 'district', 33), cell('L1', 'lsoa', 3), cell('L2', 'lsoa', 30)];
    const rel = deriveRelations(cells, hierarchyOf({ L1: 'D', L2: 'D' }));
    const report = auditProtection(primaryOnly(cells), rel, analyst);
    expect(report.pass).toBe(false);
    expect(report.checked).toBe(1);
    expect(report.cells).toEqual([{ index: 1, key: cellKey(cells[1]!), lower: 3, upper: 3, safe: false, limitedByRule: false }]);
  });

  it('reports unsafe cells in an unprotected random cube (so a broken suppression would fail the tests)', () => {
    const cube = randomCube(5, { districts: 2, msoas: 0, lsoas: 2, months: 3, ages: ['0-9', '10-14'] });
    const rel = deriveRelations(cube.cells, cube.hierarchy);
    for (const policy of Object.values(DEFAULT_POLICIES)) {
      const report = auditProtection(primaryOnly(cube.cells, policy), rel, policy);
      expect(report.pass).toBe(false);
      expect(report.unsafe).toBeGreaterThan(0);
      expect(report.cells.filter((c) => !c.safe).length).toBe(report.unsafe);
    }
  });

  it('uses rounded figures only as intervals', () => {
    // Public: D = 73 shows as 75 (73..77), L2 as 40 (38..42), L3 as 30 (28..32): L1 = D - L2 - L3 lies in -1..11.
    const cells = [cell('D', 'district', 73), cell('L1', 'lsoa', 3), cell('L2', 'lsoa', 40), cell('L3', 'lsoa', 30)];
    const rel = deriveRelations(cells, hierarchyOf({ L1: 'D', L2: 'D', L3: 'D' }));
    const policy = DEFAULT_POLICIES.public;
    const report = auditProtection(primaryOnly(cells, policy), rel, policy);
    expect(report.cells[0]).toMatchObject({ lower: 1, upper: 9, safe: true });
    // Without rounding the same table gives the cell away.
    expect(auditProtection(primaryOnly(cells), rel, analyst).cells[0]).toMatchObject({ lower: 3, upper: 3, safe: false });
  });

  it('judges cells that the suppression marks alone narrow against what the marks reveal', () => {
    // A hidden total of 2 with two hidden parts of 1: each part is at most 3 from the marks alone.
    const cells = [cell('D', 'district', 2), cell('L1', 'lsoa', 1), cell('L2', 'lsoa', 1)];
    const rel = deriveRelations(cells, hierarchyOf({ L1: 'D', L2: 'D' }));
    const report = auditProtection(primaryOnly(cells), rel, analyst);
    expect(report.pass).toBe(true);
    expect(report.limitedByRule).toBe(3);
    expect(report.cells.map((c) => [c.lower, c.upper, c.safe, c.limitedByRule])).toEqual([
      [2, 4, true, true],
      [1, 3, true, true],
      [1, 3, true, true],
    ]);
  });

  it('treats a total that exceeds its parts as an inequality', () => {
    // 12 people: 5 female, 3 male, 4 with no sex recorded. With the total shown, male <= 12 - 5 is all that follows.
    const cells = [
      cell('D', 'district', 12),
      cell('D', 'district', 5, { sex: 'female' }),
      cell('D', 'district', 3, { sex: 'male' }),
    ];
    const rel = deriveRelations(cells, hierarchyOf({}));
    const report = auditProtection(primaryOnly(cells), rel, analyst);
    expect(report.cells).toEqual([expect.objectContaining({ lower: 1, upper: 4, safe: true })]);
  });

  it('rejects cells that do not match the relations', () => {
    const cells = [cell('D', 'district', 3)];
    const rel = deriveRelations(cells, hierarchyOf({}));
    expect(() => auditProtection([], rel, analyst)).toThrow();
    expect(() => auditProtection([{ ...cells[0]!, value: null, status: 'shown' }], rel, analyst)).toThrow(/no value/);
  });
});
