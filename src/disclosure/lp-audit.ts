import type { Highs, Model } from 'highs';
import { roundedInterval, type SuppressionPolicy } from './primary-policy';
import { IntervalAttack } from './interval-attack';
import type { CubeRelations } from './relations';
import { RELATION_KINDS } from './relations';
import { PRIMARY, ROUNDED, SHOWN } from './status-codes';

/*
 * The exact audit: a linear programme over every relation of an indicator at once (HiGHS), which is what an
 * attacker with an LP solver can derive from the published figures. The interval attack (interval-attack.ts)
 * narrows one relation at a time and so can leave a cell wider than the LP does; the LP is the certificate.
 *
 * Only the LP relaxation is solved (no integer variables): its range contains the integer range, so a cell the
 * LP leaves wide enough may still be narrower over the integers only by rounding its end points, which the
 * safety test below already allows for (it compares against integer thresholds).
 *
 * Speed: exact shown cells are constants, so an indicator falls apart into connected components of uncertain
 * cells (hidden or rounded) and each is a separate, small LP. Within a component, one LP that maximises the sum
 * of the primary cells, each capped at the threshold, certifies at once every cell that reaches the threshold
 * (the capped LP's solution is feasible for the real one); the rest are retried the same way, and only cells
 * left after a round that certifies nothing get an LP of their own. The lower side is the same, minimising.
 */

/** The two attackers audited: one who sees only `c`, and one who also knows which `c` cells are small. */
export const ATTACKER_MODELS = ['sees-c', 'knows-small'] as const;
export type AttackerModel = (typeof ATTACKER_MODELS)[number];

/** What ProtectionSummary.audit.method says when the LP certificate is used. */
export const LP_AUDIT_METHOD =
  'exact LP over all relations of each indicator (HiGHS); attackers who see c and who know which cells are small';

const EPS = 1e-6;

/**
 * Largest component (uncertain cells) the LP certifies. HiGHS in WebAssembly takes ~0.1 s per LP on a
 * 1,000-cell component of the demo and a component needs tens of LPs, so larger components would put protection
 * far above its time budget; they are audited by the interval attack only, and the summary says how many primary
 * cells that leaves without the LP certificate.
 */
export const LP_COMPONENT_CAP = 400;

/**
 * The LP attacker's prior bounds for each cell. Sound for data protected by protectCube: shown figures are exact,
 * rounded ones lie within their rounding and above the threshold. A complement may be a zero (a shown zero is
 * hidden as a last resort, see SuppressionState.pick), so a hidden cell is only known to be >= 0 by an attacker
 * who sees c; `knows-small` adds which hidden cells are primary: those are 1..t (0..t when zeros are hidden). A
 * complement is 0 or above t, which is not convex; the LP uses its hull, >= 0.
 */
export function lpPriors(
  status: Uint8Array,
  shown: Float64Array,
  policy: SuppressionPolicy,
  model: AttackerModel,
): { lo: Float64Array; hi: Float64Array } {
  const n = status.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const t = policy.suppressBelowOrEqual;
  for (let i = 0; i < n; i++) {
    const s = status[i]!;
    if (s === SHOWN) {
      lo[i] = hi[i] = shown[i]!;
    } else if (s === ROUNDED) {
      const [a, b] = roundedInterval(shown[i]!, policy.roundTo);
      lo[i] = Math.max(a, t + 1, 1);
      hi[i] = b;
    } else if (model === 'knows-small' && s === PRIMARY) {
      lo[i] = policy.showZeros ? 1 : 0;
      hi[i] = t;
    } else {
      lo[i] = 0;
      hi[i] = Infinity;
    }
  }
  return { lo, hi };
}

/** One row of an LP: sum(coef * x[cell]) within [lower, upper]. */
interface Row {
  cells: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

/**
 * The rows of the attacker's LP for a component of the published cube: each relation, total - sum(parts), with
 * exact shown members moved to the right-hand side (an inequality where the data's total is not exactly the sum).
 */
function publishedRows(rel: CubeRelations, relations: readonly number[], status: Uint8Array, shown: Float64Array): Row[] {
  const { start, members, kind } = rel;
  return relations.map((r) => {
    let rhs = 0;
    const cells: number[] = [];
    const coefs: number[] = [];
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const m = members[j]!;
      const a = j === start[r] ? 1 : -1;
      if (status[m] === SHOWN) rhs -= a * shown[m]!;
      else {
        cells.push(m);
        coefs.push(a);
      }
    }
    const k = kind[r]!;
    return {
      cells,
      coefs,
      lower: k === RELATION_KINDS.partsExceed ? -Infinity : rhs,
      upper: k === RELATION_KINDS.totalExceeds ? Infinity : rhs,
    };
  });
}

/**
 * The rows of the baseline LP: what the suppression marks alone imply, every visible figure unknown (>= 0).
 * An unknown member is a free non-negative slack: a relation with an unknown total says nothing, one with
 * unknown parts says total >= sum(the other parts) (nothing if parts may exceed the total), one with every
 * member hidden or zero keeps its own form.
 */
function baselineRows(rel: CubeRelations, relations: readonly number[], status: Uint8Array): Row[] {
  const { start, members, kind } = rel;
  const unknown = (m: number): boolean => status[m]! < PRIMARY;
  const rows: Row[] = [];
  for (const r of relations) {
    if (unknown(members[start[r]!]!)) continue;
    const cells: number[] = [];
    const coefs: number[] = [];
    let slack = false;
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const m = members[j]!;
      if (unknown(m)) slack = true;
      else if (status[m]! >= PRIMARY) {
        cells.push(m);
        coefs.push(j === start[r] ? 1 : -1);
      }
    }
    const k = kind[r]!;
    if (slack && k === RELATION_KINDS.partsExceed) continue;
    if (cells.length === 0) continue;
    rows.push({
      cells,
      coefs,
      lower: k === RELATION_KINDS.partsExceed ? -Infinity : 0,
      upper: slack || k === RELATION_KINDS.totalExceeds ? Infinity : 0,
    });
  }
  return rows;
}

/** An LP over some cells with the given rows and bounds, solved repeatedly with different objectives. */
class CellLp {
  private readonly local = new Map<number, number>();
  private readonly model: Model;
  private readonly n: number;
  private readonly colLower: Float64Array;
  private readonly colUpper: Float64Array;
  solves = 0;

  constructor(
    private readonly highs: Highs,
    readonly cells: readonly number[],
    rows: readonly Row[],
    lo: Float64Array,
    hi: Float64Array,
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
    this.model.options.set({ output_flag: false, presolve: 'off', simplex_scale_strategy: 0 });
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
    this.solves++;
    this.model.run();
    const st = this.model.getModelStatus();
    if (st === 7) return this.model.getSolution().colValue;
    if (st === 8) return null;
    if (st === 9 || st === 10) return 'unbounded';
    throw new Error(`HiGHS stopped with model status ${st} on an LP of ${this.n} cells`);
  }

  /** Tightens (or restores, with value null) the upper or lower bound of some columns. */
  bound(cols: readonly number[], upper: boolean, value: ((k: number) => number) | null): void {
    if (cols.length === 0) return;
    const inf = this.highs.infinity;
    const fin = (v: number): number => (v === Infinity ? inf : v);
    const lower = cols.map((k) => (!upper && value ? value(k) : this.colLower[k]!));
    const upperB = cols.map((k) => (upper && value ? fin(value(k)) : this.colUpper[k]!));
    this.model.changeColsBounds({ kind: 'set', indices: cols }, lower, upperB);
  }

  /**
   * Whether each column can reach its target (up: x >= target; down: x <= target), by witness batches: bound every
   * open column at its target and optimise their sum; a column at its target in that solution is certified (the
   * solution is feasible for the unbounded LP too). Columns left after a batch that certifies nothing get an LP
   * of their own; returns their exact extreme (Infinity / -Infinity when unbounded), or null when infeasible.
   */
  reach(cols: readonly number[], target: (k: number) => number, up: boolean): Map<number, number> | null {
    const hits = (x: Float64Array, k: number): boolean => (up ? x[k]! >= target(k) - EPS : x[k]! <= target(k) + EPS);
    const within = cols.filter((k) => (up ? this.colUpper[k]! > target(k) : this.colLower[k]! < target(k)));
    this.bound(within, up, target);
    let open = [...cols];
    for (;;) {
      const x = this.solve(open, up);
      if (x === null) return null;
      if (x === 'unbounded') throw new Error('an LP bounded at its targets cannot be unbounded');
      const rest = open.filter((k) => !hits(x, k));
      const progress = rest.length < open.length;
      open = rest;
      if (!progress || rest.length === 0) break;
    }
    this.bound(within, up, null);
    const left = new Set(open);
    const extreme = new Map<number, number>();
    for (const k of open) {
      if (!left.has(k)) continue;
      const x = this.solve([k], up);
      if (x === null) return null;
      left.delete(k);
      if (x === 'unbounded') continue;
      if (!hits(x, k)) extreme.set(k, x[k]!);
      for (const q of left) if (hits(x, q)) left.delete(q);
    }
    return extreme;
  }
}

/**
 * Connected components of uncertain cells (anything not an exact shown figure) among the given relations, linked
 * through the relations they share. Returns each component's cells and relations (relations with no uncertain
 * member are constants and belong to none).
 */
export function uncertainComponents(
  rel: CubeRelations,
  relations: ArrayLike<number>,
  status: Uint8Array,
): { cells: number[]; relations: number[] }[] {
  const { start, members } = rel;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (y !== r) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const firstUncertain = new Int32Array(relations.length).fill(-1);
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i]!;
    let first = -1;
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const m = members[j]!;
      if (status[m] === SHOWN) continue;
      if (!parent.has(m)) parent.set(m, m);
      if (first < 0) first = m;
      else {
        const a = find(first);
        const b = find(m);
        if (a !== b) parent.set(b, a);
      }
    }
    firstUncertain[i] = first;
  }
  const byRoot = new Map<number, { cells: number[]; relations: number[] }>();
  const comp = (root: number): { cells: number[]; relations: number[] } => {
    let c = byRoot.get(root);
    if (!c) {
      c = { cells: [], relations: [] };
      byRoot.set(root, c);
    }
    return c;
  };
  for (const cell of parent.keys()) comp(find(cell)).cells.push(cell);
  for (let i = 0; i < relations.length; i++) {
    if (firstUncertain[i]! >= 0) comp(find(firstUncertain[i]!)).relations.push(relations[i]!);
  }
  return [...byRoot.values()];
}

/** An unsafe primary cell found by the LP, and which side of its range is too narrow. */
export interface LpUnsafe {
  cell: number;
  loTight: boolean;
  hiTight: boolean;
  model: AttackerModel;
}

export interface LpPartAudit {
  unsafe: LpUnsafe[];
  /** Primary cells in components above the size cap: not certified by the LP (the interval audit only). */
  uncovered: number;
  contradictions: number;
  lps: number;
  components: number;
}

/**
 * The exact audit of one indicator at a time, under both attacker models. A primary cell is safe on a side when
 * its LP range reaches the rule's end there (t above, 1 or 0 below), or failing that reaches as far as the
 * baseline: the LP range from the suppression marks alone (every visible figure unknown), which no amount of
 * further hiding can widen. The interval attack on the marks gives targets at least as wide as the baseline
 * (certifying against them is sound and cheap); only cells that miss them get the exact baseline LP.
 * Components already certified with the same cells are not solved again.
 */
export class LpAuditor {
  private readonly certified = new Set<string>();
  private readonly attack: IntervalAttack;
  constructor(
    private readonly highs: Highs,
    private readonly rel: CubeRelations,
    private readonly policy: SuppressionPolicy,
    /** Components with more cells than this are left to the interval audit (see LP_COMPONENT_CAP). */
    private readonly cap: number = LP_COMPONENT_CAP,
  ) {
    this.attack = new IntervalAttack(rel);
  }

  auditPart(relations: Int32Array, status: Uint8Array, shown: Float64Array): LpPartAudit {
    const t = this.policy.suppressBelowOrEqual;
    const lowest = this.policy.showZeros ? 1 : 0;
    const out: LpPartAudit = { unsafe: [], uncovered: 0, contradictions: 0, lps: 0, components: 0 };
    const seen = new Set<number>();
    const components = uncertainComponents(this.rel, relations, status);
    for (const model of ATTACKER_MODELS) {
      const { lo, hi } = lpPriors(status, shown, this.policy, model);
      // The marks alone, by the interval attack: visible figures unknown, hidden ones at the model's priors.
      const mLo = Float64Array.from(lo);
      const mHi = Float64Array.from(hi);
      for (let i = 0; i < status.length; i++) {
        if (status[i]! < PRIMARY) {
          mLo[i] = 0;
          mHi[i] = Infinity;
        }
      }
      const marks = this.attack.runLocal(mLo, mHi, relations);
      const hiTarget = (c: number): number => Math.min(t, marks.hi[c]!);
      const loTarget = (c: number): number => Math.max(lowest, marks.lo[c]!);
      // Baseline LPs, built on demand for the cells that miss their targets, one per component of hidden cells.
      const baseline = new Map<number, CellLp>();
      const baselineLp = (c: number): CellLp => {
        let lp = baseline.get(c);
        if (!lp) {
          const comp = hiddenComponentOf(this.rel, relations, status, c);
          lp = new CellLp(this.highs, comp.cells, baselineRows(this.rel, comp.relations, status), lo, hi);
          for (const m of comp.cells) baseline.set(m, lp);
        }
        return lp;
      };
      for (const comp of components) {
        const primaries = comp.cells.filter((c) => status[c] === PRIMARY).sort((a, b) => a - b);
        if (primaries.length === 0) continue;
        if (comp.cells.length > this.cap) {
          if (model === ATTACKER_MODELS[0]) out.uncovered += primaries.length;
          continue;
        }
        const key = `${model}:${comp.cells.sort((a, b) => a - b).join(',')}`;
        if (this.certified.has(key)) continue;
        out.components++;
        const lp = new CellLp(this.highs, comp.cells, publishedRows(this.rel, comp.relations, status, shown), lo, hi);
        const ks = primaries.map((c) => lp.col(c));
        let up: Map<number, number> | null;
        let down: Map<number, number> | null;
        try {
          up = lp.reach(ks, (k) => hiTarget(comp.cells[k]!), true);
          down = up && lp.reach(ks, (k) => loTarget(comp.cells[k]!), false);
        } finally {
          lp.dispose();
        }
        out.lps += lp.solves;
        if (!up || !down) {
          out.contradictions++;
          continue;
        }
        let clean = true;
        const judge = (k: number, upper: boolean, value: number): boolean => {
          // Missed the interval target: the exact baseline decides.
          const c = comp.cells[k]!;
          const blp = baselineLp(c);
          const x = blp.solve([blp.col(c)], upper);
          out.lps++;
          if (x === null) return false; // cannot be: the baseline is a relaxation of a feasible LP
          const base = x === 'unbounded' ? (upper ? Infinity : -Infinity) : x[blp.col(c)]!;
          return upper ? value < Math.min(t, base) - EPS : value > Math.max(lowest, base) + EPS;
        };
        const tight = new Map<number, { lo: boolean; hi: boolean }>();
        for (const [k, v] of up) if (judge(k, true, v)) tight.set(k, { lo: false, hi: true });
        for (const [k, v] of down) {
          if (judge(k, false, v)) tight.set(k, { lo: true, hi: tight.get(k)?.hi ?? false });
        }
        for (const [k, side] of tight) {
          clean = false;
          const c = comp.cells[k]!;
          if (!seen.has(c)) {
            seen.add(c);
            out.unsafe.push({ cell: c, loTight: side.lo, hiTight: side.hi, model });
          }
        }
        if (clean) this.certified.add(key);
      }
      for (const l of new Set(baseline.values())) l.dispose();
    }
    return out;
  }
}

/**
 * The component of hidden cell c in the baseline's graph: hidden cells linked through relations whose total is
 * hidden (a relation with a visible total says nothing once visible figures are unknown).
 */
function hiddenComponentOf(
  rel: CubeRelations,
  relations: Int32Array,
  status: Uint8Array,
  c: number,
): { cells: number[]; relations: number[] } {
  const { start, members, cellStart, cellRelations } = rel;
  const inPart = new Set<number>(relations);
  const cells = new Set<number>([c]);
  const rels = new Set<number>();
  const stack = [c];
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (let q = cellStart[x]!; q < cellStart[x + 1]!; q++) {
      const r = cellRelations[q]!;
      const total = members[start[r]!]!;
      if (rels.has(r) || !inPart.has(r) || status[total]! < PRIMARY) continue;
      rels.add(r);
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const m = members[j]!;
        if (status[m]! >= PRIMARY && !cells.has(m)) {
          cells.add(m);
          stack.push(m);
        }
      }
    }
  }
  return { cells: [...cells], relations: [...rels] };
}
