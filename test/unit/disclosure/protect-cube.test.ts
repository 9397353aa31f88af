import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AgeBand, type Sex } from '../../../src/contract';
import {
  applyPrimaryPolicy,
  auditProtection,
  cellKey,
  protectCube,
  type CubeCell,
  type ProtectedCell,
} from '../../../src/disclosure';
import { areaTree, cell, hierarchyOf, makeCube, randomCube, shuffled } from './fixtures';
import { byKey, expectFixedPoint, get, isHidden } from './helpers';

const analyst = DEFAULT_POLICIES.analyst;
const K = (area: string, over: Partial<CubeCell> = {}) => cellKey({ ...cell(area, 'lsoa', 0), ...over });

/** A district D with LSOAs L1..Ln (one month, all ages, all sexes). */
function row(counts: number[]): { cells: CubeCell[]; hierarchy: ReturnType<typeof hierarchyOf> } {
  const parts = counts.map((n, i) => cell(`L${i + 1}`, 'lsoa', n));
  const total = cell(
    'D',
    'district',
    counts.reduce((a, b) => a + b, 0),
  );
  return { cells: [total, ...parts], hierarchy: hierarchyOf(Object.fromEntries(parts.map((p) => [p.areaCode, 'D']))) };
}

/** Area x sex: LSOAs L1, L2 in district D, female/male/all. counts[lsoa][sex]. */
function areaBySex(counts: [number, number][]): { cells: CubeCell[]; hierarchy: ReturnType<typeof hierarchyOf> } {
  const cells: CubeCell[] = [];
  const sexes: Sex[] = ['female', 'male'];
  const colTotals = [0, 0];
  counts.forEach((pair, i) => {
    pair.forEach((n, s) => {
      cells.push(cell(`L${i + 1}`, 'lsoa', n, { sex: sexes[s]! }));
      colTotals[s]! += n;
    });
    cells.push(cell(`L${i + 1}`, 'lsoa', pair[0] + pair[1]));
  });
  cells.push(cell('D', 'district', colTotals[0]!, { sex: 'female' }));
  cells.push(cell('D', 'district', colTotals[1]!, { sex: 'male' }));
  cells.push(cell('D', 'district', colTotals[0]! + colTotals[1]!));
  return { cells, hierarchy: hierarchyOf(Object.fromEntries(counts.map((_, i) => [`L${i + 1}`, 'D']))) };
}

describe('protectCube: hand-made adversarial tables', () => {
  it('one small cell beside a visible total: hides the complement, keeps the total, and the audit is safe', () => {
    const { cells, hierarchy } = row([3, 30]);
    const res = protectCube(cells, analyst, hierarchy);
    expect(get(res, K('L1')).status).toBe('primary');
    expect(get(res, K('L2'))).toMatchObject({ value: null, status: 'secondary' });
    expect(get(res, K('D'))).toMatchObject({ value: 33, status: 'shown' });
    expectFixedPoint(res);
    const audit = auditProtection(res.cells, res.relations, analyst);
    expect(audit.pass).toBe(true);
    expect(audit.cells).toEqual([expect.objectContaining({ key: K('L1'), lower: 1, upper: 4, safe: true })]);
  });

  it('chooses the smallest non-zero visible cell as complement, never a shown zero while another is left', () => {
    const { cells, hierarchy } = row([3, 0, 25, 12]);
    const res = protectCube(cells, analyst, hierarchy);
    expect(get(res, K('L4')).status).toBe('secondary');
    expect(get(res, K('L2'))).toMatchObject({ value: 0, status: 'shown' });
    expect(get(res, K('L3'))).toMatchObject({ value: 25, status: 'shown' });
    expect(res.summary.audit.pass).toBe(true);
  });

  it('two small cells in a row: their published sum would pin both, so a third cell is hidden', () => {
    const { cells, hierarchy } = row([3, 4, 30]);
    // The plain rule is met by the two primaries alone, yet 37 - 30 = 7 = L1 + L2 with each in 1..4 gives L1 >= 3.
    const naive: ProtectedCell[] = cells.map((c) => ({ ...c, ...applyPrimaryPolicy(c.count, analyst) }));
    const res = protectCube(cells, analyst, hierarchy);
    const naiveAudit = auditProtection(naive, res.relations, analyst);
    expect(naiveAudit.pass).toBe(false);
    expect(naiveAudit.cells.find((c) => c.key === K('L1'))).toMatchObject({ lower: 3, upper: 4, safe: false });

    expect(get(res, K('L3')).status).toBe('secondary');
    expect(get(res, K('D')).value).toBe(37);
    const audit = auditProtection(res.cells, res.relations, analyst);
    expect(audit.pass).toBe(true);
    expect(audit.cells.map((c) => [c.lower, c.upper])).toEqual([
      [1, 4],
      [1, 4],
    ]);
  });

  it('2x2 with small cells on a diagonal: complements are chosen so they do not chain the two together', () => {
    // Hiding L2 female and L1 male (the smallest complements) would satisfy ">= 2 per relation" with a
    // rectangle that publishes L1f - L2m = (L1 total) - (D male) = -1, pinning both. The greedy avoids
    // complements that would be the only non-primary hidden cell beside another primary.
    const { cells, hierarchy } = areaBySex([
      [3, 20],
      [20, 4],
    ]);
    const greedyOnly = protectCube(cells, analyst, hierarchy, { auditRepair: false });
    expectFixedPoint(greedyOnly);
    expect(auditProtection(greedyOnly.cells, greedyOnly.relations, analyst).pass).toBe(true);

    // The same table protected the naive way (smallest complements only) is caught by the audit.
    const complements = new Set([K('L1', { sex: 'male' }), K('L2', { sex: 'female' })]);
    const naive: ProtectedCell[] = cells.map((c) =>
      complements.has(cellKey(c))
        ? { ...c, value: null, status: 'secondary' }
        : { ...c, ...applyPrimaryPolicy(c.count, analyst) },
    );
    expect(naive.filter(isHidden)).toHaveLength(4);
    const audit = auditProtection(naive, greedyOnly.relations, analyst);
    expect(audit.pass).toBe(false);
    expect(audit.cells.find((c) => c.key === K('L1', { sex: 'female' }))).toMatchObject({ lower: 1, upper: 3, safe: false });
    expect(audit.cells.find((c) => c.key === K('L2', { sex: 'male' }))).toMatchObject({ lower: 2, upper: 4, safe: false });
  });

  it('3x2 where ">= 2 per relation" is not enough: the audit finds the pinned cell and the repair fixes it', () => {
    // Greedy: L2 (3 + 1 = 4) is all primary; L3 female (8) complements L2 female in the female column. Then the
    // female column gives L2f + L3f = 11 and L3's row L3f + L3m = 12, so L3m = L2f + 1 >= 2.
    const { cells, hierarchy } = areaBySex([
      [10, 6],
      [3, 1],
      [8, 4],
    ]);
    const greedyOnly = protectCube(cells, analyst, hierarchy, { auditRepair: false });
    expectFixedPoint(greedyOnly);
    expect(greedyOnly.summary.audit.pass).toBe(false);
    const before = auditProtection(greedyOnly.cells, greedyOnly.relations, analyst);
    expect(before.pass).toBe(false);
    expect(before.cells.filter((c) => !c.safe)).toEqual([
      expect.objectContaining({ key: K('L3', { sex: 'male' }), lower: 2, upper: 4 }),
    ]);

    const res = protectCube(cells, analyst, hierarchy);
    expect(res.summary.secondaryFromAudit).toBeGreaterThan(0);
    expect(res.summary.audit.pass).toBe(true);
    expectFixedPoint(res);
    const after = auditProtection(res.cells, res.relations, analyst);
    expect(after.pass).toBe(true);
    expect(after.unsafe).toBe(0);
  });

  it('a small cell repeated across hierarchies: secondary suppression chases it through area, age and sex at once', () => {
    const ages: AgeBand[] = ['0-9', '10-14'];
    let k = 0;
    const { cells, hierarchy } = makeCube({
      areas: areaTree(2, 0, 2),
      months: ['2024-01'],
      ages,
      sexes: ['female', 'male'],
      leaf: (a, _m, g, s) => (a === 'D00L00' && g === '0-9' && s === 'female' ? 2 : 20 + (k++ % 7)),
    });
    const res = protectCube(cells, analyst, hierarchy);
    expectFixedPoint(res);
    expect(res.summary.audit.pass).toBe(true);
    expect(auditProtection(res.cells, res.relations, analyst).pass).toBe(true);
    const primaries = res.cells.filter((c) => c.status === 'primary');
    // The small leaf shows up as the same 2 in its month, quarter and year cells.
    expect(primaries.map((c) => c.period).sort()).toEqual(['2024', '2024-01', '2024-Q1']);
    const p = { areaCode: 'D00L00', ageBand: '0-9', sex: 'female' };
    const hidden = res.cells.filter((c) => c.status === 'secondary' && c.period === '2024-01');
    const differsOnlyIn = (c: ProtectedCell, field: keyof typeof p) =>
      (Object.keys(p) as (keyof typeof p)[]).every((f) => (f === field ? c[f] !== p[f] : c[f] === p[f]));
    expect(hidden.some((c) => differsOnlyIn(c, 'areaCode'))).toBe(true);
    expect(hidden.some((c) => differsOnlyIn(c, 'ageBand'))).toBe(true);
    expect(hidden.some((c) => differsOnlyIn(c, 'sex'))).toBe(true);
  });

  it('hides a zero only as a last resort, e.g. under a total that also counts records with no sex', () => {
    const cells = [cell('L1', 'lsoa', 3), cell('L1', 'lsoa', 0, { sex: 'female' }), cell('L1', 'lsoa', 0, { sex: 'male' })];
    const res = protectCube(cells, analyst, hierarchyOf({}));
    expect(res.summary.inexactRelations).toBe(1);
    expect(get(res, K('L1')).status).toBe('primary');
    expect(get(res, K('L1', { sex: 'female' }))).toMatchObject({ value: null, status: 'secondary' });
    expect(get(res, K('L1', { sex: 'male' }))).toMatchObject({ value: 0, status: 'shown' });
    expect(res.summary.audit.pass).toBe(true);
  });

  it('hides zeros as primary cells when the policy does not show zeros, and audits them as 0..threshold', () => {
    const policy = { ...analyst, showZeros: false };
    const { cells, hierarchy } = row([0, 12, 30]);
    const res = protectCube(cells, policy, hierarchy);
    expect(get(res, K('L1')).status).toBe('primary');
    expect(get(res, K('L2')).status).toBe('secondary');
    const audit = auditProtection(res.cells, res.relations, policy);
    expect(audit.cells).toEqual([expect.objectContaining({ key: K('L1'), lower: 0, upper: 4, safe: true })]);
  });
});

describe('protectCube: rounding audiences', () => {
  it('rounds every shown figure independently and suppresses 1..threshold', () => {
    const { cells, hierarchy } = row([3, 12, 48, 20, 9]);
    for (const audience of ['partner', 'public'] as const) {
      const policy = DEFAULT_POLICIES[audience];
      const res = protectCube(cells, policy, hierarchy);
      const t = policy.suppressBelowOrEqual;
      res.cells.forEach((c, i) => {
        const count = cells[i]!.count;
        if (count >= 1 && count <= t) expect(c.status).toBe('primary');
        if (c.value !== null) {
          expect(c.status).toBe('rounded');
          expect(c.value % 5).toBe(0);
          expect(Math.abs(c.value - count)).toBeLessThanOrEqual(2);
        }
      });
      expect(get(res, K('D'))).toMatchObject({ value: 90, status: 'rounded' }); // 92 rounds to 90
      expectFixedPoint(res);
      expect(auditProtection(res.cells, res.relations, policy).pass).toBe(true);
    }
  });

  it('accepts that rounded parts need not add up to the rounded total', () => {
    const { cells, hierarchy } = row([12, 12, 12]);
    const res = protectCube(cells, DEFAULT_POLICIES.partner, hierarchy);
    const parts = ['L1', 'L2', 'L3'].map((a) => get(res, K(a)).value ?? NaN);
    expect(parts).toEqual([10, 10, 10]);
    expect(get(res, K('D')).value).toBe(35);
  });
});

describe('protectCube: determinism and progress', () => {
  const cube = randomCube(21, { districts: 3, msoas: 0, lsoas: 2, months: 6, ages: ['0-9', '10-14', '15-17'] });

  it('gives identical output for the same input, and identical decisions whatever the input order', () => {
    for (const policy of Object.values(DEFAULT_POLICIES)) {
      const a = protectCube(cube.cells, policy, cube.hierarchy);
      const b = protectCube(cube.cells, policy, cube.hierarchy);
      expect(b.cells).toEqual(a.cells);
      expect(b.summary).toEqual(a.summary);
      const s = protectCube(shuffled(cube.cells, 99), policy, cube.hierarchy);
      expect(s.summary).toEqual(a.summary);
      const sk = byKey(s.cells);
      for (const c of a.cells) expect(sk.get(cellKey(c))).toEqual(c);
    }
  });

  it('reports progress that never goes backwards and ends complete', () => {
    const calls: [number, number][] = [];
    protectCube(cube.cells, DEFAULT_POLICIES.public, cube.hierarchy, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(2);
    const total = calls[0]![1];
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![1]).toBe(total);
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    }
    expect(calls[calls.length - 1]).toEqual([total, total]);
  });
});
