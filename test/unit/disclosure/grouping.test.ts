import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../../src/contract';
import { protectCube, protectGrouping } from '../../../src/disclosure';
import { groupFigures, partOfFlag } from '../../../src/disclosure/grouping';
import { cell, hierarchyOf } from './fixtures';

describe('protectGrouping', () => {
  const cells = [
    cell('D', 'district', 105),
    cell('L1', 'lsoa', 3),
    cell('L2', 'lsoa', 12),
    cell('L3', 'lsoa', 40),
    cell('L4', 'lsoa', 50),
  ];
  const hierarchy = hierarchyOf({ L1: 'D', L2: 'D', L3: 'D', L4: 'D' });
  const pick = (cs: ReturnType<typeof protectCube>['cells'], ...areas: string[]) =>
    areas.map((a) => cs.find((c) => c.areaCode === a)!);

  it('suppresses a grouping that differs from a visible total by one suppressed cell', () => {
    const res = protectCube(cells, DEFAULT_POLICIES.analyst, hierarchy);
    const [d, l1, l2] = pick(res.cells, 'D', 'L1', 'L2');
    expect(d!.value).toBe(105);
    expect(l1!.status).toBe('primary');
    expect(l2!.status).toBe('secondary');
    // Summed from true counts, L2 + L3 + L4 = 102 and 105 - 102 = 3 would give L1 away.
    const naive = 12 + 40 + 50;
    expect(d!.value! - naive).toBe(cells[1]!.count);
    expect(protectGrouping(pick(res.cells, 'L2', 'L3', 'L4'))).toEqual({
      value: null,
      status: 'secondary',
      parts: 3,
      suppressedParts: 1,
    });
  });

  it('shows a grouping of visible parts as the sum of what is shown, adding nothing new', () => {
    const res = protectCube(cells, DEFAULT_POLICIES.analyst, hierarchy);
    expect(protectGrouping(pick(res.cells, 'L3', 'L4'))).toEqual({ value: 90, status: 'shown', parts: 2, suppressedParts: 0 });
    const pub = protectCube(cells, DEFAULT_POLICIES.public, hierarchy);
    const g = protectGrouping(pick(pub.cells, 'L3', 'L4'));
    expect(g).toMatchObject({ value: 90, status: 'rounded' });
    expect(protectGrouping([])).toEqual({ value: 0, status: 'shown', parts: 0, suppressedParts: 0 });
  });
});

// The queries read flags from the protected tables, not cell statuses: these group them without making up cells.
describe('groupFigures and partOfFlag', () => {
  it('sums published figures, rounded when a part is, and hides the sum as soon as one part is hidden', () => {
    expect(
      groupFigures([
        { value: 5, flag: 'shown' },
        { value: 10, flag: 'rounded' },
      ]),
    ).toEqual({ value: 15, flag: 'rounded' });
    expect(
      groupFigures([
        { value: 5, flag: 'shown' },
        { value: 7, flag: 'shown' },
      ]),
    ).toEqual({ value: 12, flag: 'shown' });
    // A hidden part wins over a missing one: the sum is hidden, not merely unavailable.
    expect(
      groupFigures([
        { value: null, flag: 'x' },
        { value: null, flag: 'c' },
      ]),
    ).toEqual({ value: null, flag: 'c' });
  });

  it('gives no figure (x), never 0, when a part is missing or does not apply, or there are no parts', () => {
    expect(
      groupFigures([
        { value: 5, flag: 'shown' },
        { value: null, flag: 'x' },
      ]),
    ).toEqual({ value: null, flag: 'x' });
    expect(
      groupFigures([
        { value: 5, flag: 'shown' },
        { value: null, flag: 'z' },
      ]),
    ).toEqual({ value: null, flag: 'x' });
    expect(groupFigures([])).toEqual({ value: null, flag: 'x' });
  });

  it('reads a hidden flag as a suppressed part with no value, whatever value the row carried', () => {
    expect(partOfFlag(3, 'c')).toEqual({ value: null, status: 'secondary' });
    expect(partOfFlag(10, 'rounded')).toEqual({ value: 10, status: 'rounded' });
    expect(protectGrouping([partOfFlag(4, 'shown'), partOfFlag(3, 'c')]).value).toBeNull();
  });
});
