import type { Basis, Highs, Model } from 'highs';
import { RELATION_KINDS, type CubeRelations } from './relations';

/*
 * One attacker LP held in HiGHS, solved again and again with different objectives and bounds: building the model
 * once per component and changing only its costs keeps each solve warm-started from the last basis.
 */

/** Tolerance when comparing an LP solution with an integer target. */
export const EPS = 1e-6;

/** One row of an LP: sum(coef * x[cell]) within [lower, upper]. */
export interface Row {
  cells: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

/**
 * The rows of an LP over the cells `inLp` among the given relations: each relation, total - sum(parts), with the
 * members outside the LP moved to the right-hand side at `constant` (an inequality where the data's total is not
 * exactly the sum).
 */
export function rowsOver(
  rel: CubeRelations,
  relations: Iterable<number>,
  inLp: (cell: number) => boolean,
  constant: (cell: number) => number,
): Row[] {
  const { start, members, kind } = rel;
  const rows: Row[] = [];
  for (const r of relations) {
    let rhs = 0;
    const cells: number[] = [];
    const coefs: number[] = [];
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const m = members[j]!;
      const a = j === start[r] ? 1 : -1;
      if (inLp(m)) {
        cells.push(m);
        coefs.push(a);
      } else rhs -= a * constant(m);
    }
    const k = kind[r]!;
    rows.push({
      cells,
      coefs,
      lower: k === RELATION_KINDS.partsExceed ? -Infinity : rhs,
      upper: k === RELATION_KINDS.totalExceeds ? Infinity : rhs,
    });
  }
  return rows;
}

/** An LP over some cells with the given rows and bounds, solved repeatedly with different objectives. */
export class CellLp {
  private readonly local = new Map<number, number>();
  private readonly model: Model;
  private readonly n: number;
  private readonly colLower: Float64Array;
  private readonly colUpper: Float64Array;
  solves = 0;
  private lastBasis: Basis | null = null;

  constructor(
    private readonly highs: Highs,
    readonly cells: readonly number[],
    rows: readonly Row[],
    lo: Float64Array,
    hi: Float64Array,
    /** A starting basis (one status per column and per row), e.g. the last one of this component's cells. */
    start: Basis | null = null,
  ) {
    cells.forEach((c, k) => this.local.set(c, k));
    this.n = cells.length;
    const inf = highs.infinity;
    const fin = (v: number): number => (v === Infinity ? inf : v === -Infinity ? -inf : v);
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of rows) {
      for (let i = 0; i < row.cells.length; i++) {
        indices.push(this.local.get(row.cells[i]!)!);
        values.push(row.coefs[i]!);
      }
      starts.push(indices.length);
    }
    this.colLower = Float64Array.from(cells, (c) => lo[c]!);
    this.colUpper = Float64Array.from(cells, (c) => fin(hi[c]!));
    this.model = highs.createModel({
      numCols: this.n,
      numRows: rows.length,
      colCost: new Float64Array(this.n),
      colLower: this.colLower,
      colUpper: this.colUpper,
      rowLower: rows.map((r) => fin(r.lower)),
      rowUpper: rows.map((r) => fin(r.upper)),
      matrix: { format: 'csr', numRows: rows.length, numCols: this.n, starts, indices, values },
    });
    // One sense throughout (maximising is minimising the negation), so each solve starts from the last basis.
    // Dual simplex (HiGHS's default) for the first, cold solve; primal for the rest (see solve).
    this.model.options.set({ output_flag: false, presolve: 'off', simplex_scale_strategy: 0, simplex_strategy: 1 });
    if (start) {
      // A basis from an earlier, smaller version of this LP: its first solve goes on from there with primal
      // simplex like any warm one (see solve), instead of a cold dual solve from the slack basis. Dual simplex from
      // the same start took 54 s of CPU against primal's 45 s on the analyst sharp-object admissions, uncapped.
      this.model.setBasis(start);
      this.model.options.set({ simplex_strategy: 4 });
    }
  }

  /** The basis of the last optimal solve (null before one): the place to start a larger version of this LP. */
  basis(): Basis | null {
    return this.lastBasis;
  }

  dispose(): void {
    this.model.dispose();
  }

  col(cell: number): number {
    return this.local.get(cell)!;
  }

  /**
   * Optimises sum(x) over the given columns (up: maximise), other columns costless; returns the solution, null
   * when infeasible, or 'unbounded'.
   */
  solve(cols: readonly number[], up: boolean): Float64Array | null | 'unbounded' {
    const costs = new Float64Array(this.n);
    for (const k of cols) costs[k] = up ? -1 : 1;
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.n - 1 }, costs);
    // After the first solve only costs and a few bounds change, which leaves the last basis primal feasible (or
    // nearly): primal simplex goes on from it. On the demo's largest analyst component (2,127 cells, 54 solves)
    // that is 4.1 s of CPU against 8.6 s all dual; all primal is 3.6 s but doubles the cold first solve, which
    // is most of the cost of the repair rounds' components with few open cells (docs/performance.md).
    if (this.solves === 1) this.model.options.set({ simplex_strategy: 4 });
    this.solves++;
    this.model.run();
    const st = this.model.getModelStatus();
    if (st === 7) {
      // Taken now: HiGHS reports no basis once a bound changes after the solve (witness restores bounds last).
      this.lastBasis = this.model.getBasis();
      return this.model.getSolution().colValue;
    }
    if (st === 8) return null;
    if (st === 9 || st === 10) return 'unbounded';
    throw new Error(`HiGHS stopped with model status ${st} on an LP of ${this.n} cells`);
  }

  /** Tightens (or restores, with value null) the upper or lower bound of some columns. */
  bound(cols: readonly number[], upper: boolean, value: ((k: number) => number) | null): void {
    if (cols.length === 0) return;
    const inf = this.highs.infinity;
    const fin = (v: number): number => (v === Infinity ? inf : v);
    // HiGHS takes a set of columns in rising order only.
    const ks = [...cols].sort((a, b) => a - b);
    const lower = ks.map((k) => (!upper && value ? value(k) : this.colLower[k]!));
    const upperB = ks.map((k) => (upper && value ? fin(value(k)) : this.colUpper[k]!));
    this.model.changeColsBounds({ kind: 'set', indices: ks }, lower, upperB);
  }

  /**
   * Witness batches: bound every given column at its target (up: x <= target, so maximising stops there; down:
   * x >= target) and optimise their sum; a column at its target in that solution is certified (the solution is
   * feasible for the unbounded LP too, so the column can reach its target). Repeats on the columns left while a
   * batch certifies some. Returns the columns never certified, or null when the LP is infeasible.
   */
  witness(cols: readonly number[], target: (k: number) => number, up: boolean): number[] | null {
    if (cols.length === 0) return [];
    const within = cols.filter((k) => (up ? this.colUpper[k]! > target(k) : this.colLower[k]! < target(k)));
    this.bound(within, up, target);
    let open = [...cols];
    try {
      for (;;) {
        const x = this.solve(open, up);
        if (x === null) return null;
        if (x === 'unbounded') throw new Error('an LP bounded at its targets cannot be unbounded');
        const rest = open.filter((k) => !reaches(x, k, target(k), up));
        const progress = rest.length < open.length;
        open = rest;
        if (!progress || rest.length === 0) return open;
      }
    } finally {
      this.bound(within, up, null);
    }
  }

  /**
   * Whether each column can reach its target (up: x >= target; down: x <= target): witness batches first, then an
   * LP of its own for each column they leave (whose solution may certify others too). Returns the exact extreme of
   * the columns that cannot (Infinity / -Infinity when unbounded), or null when the LP is infeasible.
   */
  reach(cols: readonly number[], target: (k: number) => number, up: boolean): Map<number, number> | null {
    const open = this.witness(cols, target, up);
    if (open === null) return null;
    const left = new Set(open);
    const extreme = new Map<number, number>();
    for (const k of open) {
      if (!left.has(k)) continue;
      const x = this.solve([k], up);
      if (x === null) return null;
      left.delete(k);
      if (x === 'unbounded') continue;
      if (!reaches(x, k, target(k), up)) extreme.set(k, x[k]!);
      for (const q of left) if (reaches(x, q, target(q), up)) left.delete(q);
    }
    return extreme;
  }
}

/** Whether column k of solution x is at or beyond its target (up: at least; down: at most). */
function reaches(x: Float64Array, k: number, target: number, up: boolean): boolean {
  return up ? x[k]! >= target - EPS : x[k]! <= target + EPS;
}
