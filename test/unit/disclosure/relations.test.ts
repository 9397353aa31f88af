import { describe, expect, it } from 'vitest';
import { cellKey, deriveRelations, RELATION_KINDS, relationMembers } from '../../../src/disclosure';
import { cell, hierarchyOf, makeCube, shuffled } from './fixtures';
import { relationCountByDimension } from './helpers';

describe('deriveRelations', () => {
  it('relates a district to its LSOAs (through MSOAs) and to its wards, each level separately', () => {
    const cells = [
      cell('D', 'district', 10),
      cell('M1', 'msoa', 6),
      cell('M2', 'msoa', 4),
      cell('L1', 'lsoa', 5),
      cell('L2', 'lsoa', 1),
      cell('L3', 'lsoa', 4),
      cell('W1', 'ward', 7),
      cell('W2', 'ward', 3),
    ];
    const h = hierarchyOf({ M1: 'D', M2: 'D', L1: 'M1', L2: 'M1', L3: 'M2', W1: 'D', W2: 'D' });
    const rel = deriveRelations(cells, h);
    const described = Array.from({ length: rel.count }, (_, r) =>
      relationMembers(rel, r)
        .map((m) => cells[m]!.areaCode)
        .join(' '),
    ).sort();
    expect(described).toEqual(['D L1 L2 L3', 'D M1 M2', 'D W1 W2', 'M1 L1 L2', 'M2 L3']);
    expect(Array.from(rel.kind).every((k) => k === RELATION_KINDS.exact)).toBe(true);
  });

  it('relates quarters to months, years to quarters and years to months, for the periods present', () => {
    const p = (period: string, periodType: 'month' | 'quarter' | 'year', n: number) =>
      cell('D', 'district', n, { period, periodType });
    const cells = [
      p('2024-01', 'month', 1),
      p('2024-02', 'month', 2),
      p('2024-03', 'month', 3),
      p('2024-04', 'month', 4),
      p('2024-Q1', 'quarter', 6),
      p('2024-Q2', 'quarter', 4),
      p('2024', 'year', 10),
    ];
    const rel = deriveRelations(cells, hierarchyOf({}));
    const described = Array.from({ length: rel.count }, (_, r) =>
      relationMembers(rel, r)
        .map((m) => cells[m]!.period)
        .join(' '),
    ).sort();
    expect(described).toEqual([
      '2024 2024-01 2024-02 2024-03 2024-04',
      '2024 2024-Q1 2024-Q2',
      '2024-Q1 2024-01 2024-02 2024-03',
      '2024-Q2 2024-04',
    ]);
  });

  it('relates only cells that agree on every other dimension, across age and sex too', () => {
    const { cells, hierarchy } = makeCube({
      areas: [
        { code: 'D', level: 'district' },
        { code: 'L1', level: 'lsoa', parent: 'D' },
        { code: 'L2', level: 'lsoa', parent: 'D' },
      ],
      months: ['2024-01', '2024-02'],
      ages: ['0-9', '10-14'],
      sexes: ['female', 'male'],
      leaf: (a, m, g, s) => a.length + m.length + g.length + s.length,
    });
    // 3 areas x (2 months + 1 quarter + 1 year) x 3 ages x 3 sexes
    expect(cells).toHaveLength(3 * 4 * 3 * 3);
    const rel = deriveRelations(cells, hierarchy);
    // area: one per non-area cell combination of D (4 * 3 * 3); period: per area, age, sex: Q = months,
    // year = quarters, year = months (3 * 3 * 3 * 3); age: per area, period, sex (3 * 4 * 3); sex: (3 * 4 * 3).
    expect(relationCountByDimension(rel)).toEqual([36, 81, 36, 36]);
    for (let r = 0; r < rel.count; r++) {
      const ms = relationMembers(rel, r).map((m) => cells[m]!);
      const total = ms[0]!;
      const parts = ms.slice(1);
      expect(parts.reduce((s, c) => s + c.count, 0)).toBe(total.count);
      const dim = rel.dimension[r]!;
      for (const c of parts) {
        expect(c.indicatorId).toBe(total.indicatorId);
        if (dim !== 0) expect(c.areaCode).toBe(total.areaCode);
        if (dim !== 1) expect(c.period).toBe(total.period);
        if (dim !== 2) expect(c.ageBand).toBe(total.ageBand);
        if (dim !== 3) expect(c.sex).toBe(total.sex);
      }
    }
  });

  it('flags totals that are not the sum of their parts (e.g. records with no sex recorded)', () => {
    const cells = [
      cell('D', 'district', 12),
      cell('D', 'district', 5, { sex: 'female' }),
      cell('D', 'district', 6, { sex: 'male' }),
    ];
    const rel = deriveRelations(cells, hierarchyOf({}));
    expect(rel.count).toBe(1);
    expect(rel.kind[0]).toBe(RELATION_KINDS.totalExceeds);
  });

  it('derives the same relations whatever the order of the cells', () => {
    const { cells, hierarchy } = makeCube({
      areas: [
        { code: 'D', level: 'district' },
        { code: 'L1', level: 'lsoa', parent: 'D' },
        { code: 'L2', level: 'lsoa', parent: 'D' },
      ],
      months: ['2024-01', '2024-02', '2024-04'],
      ages: ['0-9', '65+'],
      sexes: ['female', 'male'],
      leaf: () => 3,
    });
    const describe = (cs: typeof cells) => {
      const rel = deriveRelations(cs, hierarchy);
      return Array.from({ length: rel.count }, (_, r) =>
        relationMembers(rel, r)
          .map((m) => cellKey(cs[m]!))
          .join(' = '),
      );
    };
    expect(describe(shuffled(cells, 3))).toEqual(describe(cells));
  });

  it('rejects duplicate cells and mislabelled periods', () => {
    expect(() => deriveRelations([cell('D', 'district', 1), cell('D', 'district', 2)], hierarchyOf({}))).toThrow(/twice/);
    expect(() => deriveRelations([cell('D', 'district', 1, { period: '2024-Q1' })], hierarchyOf({}))).toThrow(/labelled/);
  });
});
