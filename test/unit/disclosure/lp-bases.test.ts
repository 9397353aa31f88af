import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellLp, type Row } from '../../../src/disclosure/cell-lp';
import { BasisStore } from '../../../src/disclosure/lp-bases';

/*
 * A component the repair rounds bring back, grown, starts from the bases its pieces last ended with. The start must
 * be a basis (one basic entry per row) and must not change what the LP finds, only where the simplex begins.
 */
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const row = (cells: number[], coefs: number[], rhs: number): Row => ({ cells, coefs, lower: rhs, upper: rhs });
// Two components: x0 - x1 = 3 (relation 0) and x2 - x3 = 0 (relation 1); a later round hides cell 4 and links them
// by x1 - x2 - x4 = 0 (relation 2). Every cell lies in 0..10.
const rows = [row([0, 1], [1, -1], 3), row([2, 3], [1, -1], 0), row([1, 2, 4], [1, -1, -1], 0)];
const lo = new Float64Array(5);
const hi = new Float64Array(5).fill(10);
const basics = (b: { colStatus: ArrayLike<number>; rowStatus: ArrayLike<number> }): number =>
  [...Array.from(b.colStatus), ...Array.from(b.rowStatus)].filter((s) => s === 1).length;

describe('BasisStore', () => {
  it('starts a merged, grown component from its pieces with one basic entry per row and the same optimum', () => {
    const store = new BasisStore(5, 3);
    expect(store.start([0, 1, 2, 3, 4], [0, 1, 2], hi)).toBeNull();
    for (const [cells, rel] of [
      [[0, 1], 0],
      [[2, 3], 1],
    ] as const) {
      const lp = new CellLp(highs, cells, [rows[rel]!], lo, hi);
      const x = lp.solve([lp.col(cells[1])], true);
      expect(x).not.toBeNull();
      store.keep(cells, [rel], lp.basis()!);
      lp.dispose();
    }
    const cells = [0, 1, 2, 3, 4];
    const start = store.start(cells, [0, 1, 2], hi)!;
    expect(start.colStatus[4]).toBe(0); // the new column at its lower bound
    expect(start.rowStatus[2]).toBe(1); // the new row's slack basic
    expect(basics(start)).toBe(3);
    const results = [null, start].map((s) => {
      const lp = new CellLp(highs, cells, rows, lo, hi, s);
      // max x4 = x1 - x2 with x1 <= 7 (x0 = x1 + 3 <= 10) and x2 >= 0.
      const x = lp.solve([lp.col(4)], true) as Float64Array;
      lp.dispose();
      return x[4];
    });
    expect(results[0]).toBeCloseTo(7, 9);
    expect(results[1]).toBeCloseTo(7, 9);
  });

  it('starts a column whose upper bound has gone (a rounded figure hidden since) at its lower bound', () => {
    const store = new BasisStore(2, 1);
    store.keep([0, 1], [0], { colStatus: Int32Array.of(2, 1), rowStatus: Int32Array.of(0) });
    const start = store.start([0, 1], [0], Float64Array.of(Infinity, 10))!;
    expect(Array.from(start.colStatus)).toEqual([0, 1]);
    store.clear();
    expect(store.start([0, 1], [0], hi)).toBeNull();
  });
});
