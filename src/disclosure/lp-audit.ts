import type { Highs } from 'highs';
import type { Audience } from '../contract';
import { CellLp, EPS, rowsOver, type Row } from './cell-lp';
import { BasisStore } from './lp-bases';
import { roundedInterval, type SuppressionPolicy } from './primary-policy';
import { IntervalAttack } from './interval-attack';
import type { CubeRelations } from './relations';
import { RELATION_KINDS } from './relations';
import { PRIMARY, ROUNDED, SECONDARY, SHOWN } from './status-codes';

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

/**
 * Largest component (uncertain cells) the LP certifies, for an audience. A warm-started solve on a 2,000-cell
 * component of the demo takes 600-1,200 simplex iterations (~60 ms), a component needs tens of them, and the repair
 * rounds bring it back round after round: with no cap the analyst demo takes ~15 times the CPU (73 s against
 * 4.9 s) and partners ~50 times (docs/performance.md). Larger components are audited by the interval attack only,
 * and the summary's method says so. That is NOT a certificate, so the cap is set by where the figures go:
 * - partner and public tables are what bundles carry off the machine (BUNDLE_AUDIENCES). At 1,200 cells an
 *   uncapped LP audit of the protected demo finds no cell narrowed below the rule for either, where 400 left 13
 *   (partner) and 5 (public), and the real police.uk extract read as an agency's own (largest group 1,151 cells)
 *   is certified whole. It costs about 4 times the protection's CPU on the demo (25 s against 6 s);
 * - the analyst table stays with the analyst, whose first chart waits for it: at 400 an uncapped audit finds 56
 *   cells narrowed below the rule, at 1,000 still 34, for 24 s against 3.8 s (issue #16, docs/performance.md).
 */
export const LP_COMPONENT_CAPS: Readonly<Record<Audience, number>> = { analyst: 400, partner: 1200, public: 1200 };

/** The cap when no audience is named (protectCube called directly): the smallest, the analyst's. */
export const LP_COMPONENT_CAP = LP_COMPONENT_CAPS.analyst;

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

/** Bits of LpAuditor's per-cell certificate: the side of a primary cell's range already shown wide enough. */
const UP = 1;
const DOWN = 2;

/**
 * The exact audit of one indicator at a time, under both attacker models. A primary cell is safe on a side when
 * its LP range reaches the rule's end there (t above, 1 or 0 below), or failing that reaches as far as the
 * baseline: the LP range from the suppression marks alone (every visible figure unknown), which no amount of
 * further hiding can widen. The interval attack on the marks gives targets at least as wide as the baseline
 * (certifying against them is sound and cheap); only cells that miss them get the exact baseline LP.
 *
 * Certificates are kept across calls (the repair rounds of one protectCube): a side once certified stays so while
 * cells are only ever hidden further, because hiding a figure relaxes the attacker's LP (a fixed or rounded value
 * becomes a variable whose prior contains it, so every old solution stays feasible and every range can only
 * widen), while the targets can only move inwards (the marks' interval attack treats a complement like any
 * visible figure, >= 0, and the baseline LP only gains rows). A call that sees a cell less hidden than before
 * drops every certificate.
 */
export class LpAuditor {
  private readonly attack: IntervalAttack;
  private readonly safe = new Map<AttackerModel, Uint8Array>();
  /**
   * The last bases of the components' LPs, for warm starts across calls and across the two attacker models (their
   * LPs differ only in the primary cells' bounds); dropped with the certificates.
   */
  private bases: BasisStore | null = null;
  private lastStatus: Uint8Array | null = null;
  constructor(
    private readonly highs: Highs,
    private readonly rel: CubeRelations,
    private readonly policy: SuppressionPolicy,
    /** Components with more cells than this are left to the interval audit (see LP_COMPONENT_CAP). */
    private readonly cap: number = LP_COMPONENT_CAP,
  ) {
    this.attack = new IntervalAttack(rel);
  }

  /** The certificates of one attacker model, emptied first if some cell is less hidden than at the last call. */
  private certificates(status: Uint8Array, model: AttackerModel): Uint8Array {
    const last = this.lastStatus;
    if (last && model === ATTACKER_MODELS[0]) {
      for (let i = 0; i < status.length; i++) {
        if (status[i] !== last[i] && !(status[i] === SECONDARY && last[i]! < PRIMARY)) {
          this.safe.clear();
          this.bases?.clear();
          break;
        }
      }
    }
    let bits = this.safe.get(model);
    if (!bits) {
      bits = new Uint8Array(status.length);
      this.safe.set(model, bits);
    }
    return bits;
  }

  auditPart(relations: Int32Array, status: Uint8Array, shown: Float64Array): LpPartAudit {
    const t = this.policy.suppressBelowOrEqual;
    const lowest = this.policy.showZeros ? 1 : 0;
    const out: LpPartAudit = { unsafe: [], uncovered: 0, contradictions: 0, lps: 0, components: 0 };
    const seen = new Set<number>();
    const components = uncertainComponents(this.rel, relations, status);
    // The targets of each model: the rule's ends, or the marks' own range where that is narrower (the marks alone,
    // by the interval attack: visible figures unknown, hidden ones at the model's priors).
    const plans = new Map(
      ATTACKER_MODELS.map((model) => {
        const priors = lpPriors(status, shown, this.policy, model);
        const mLo = Float64Array.from(priors.lo);
        const mHi = Float64Array.from(priors.hi);
        for (let i = 0; i < status.length; i++) {
          if (status[i]! < PRIMARY) {
            mLo[i] = 0;
            mHi[i] = Infinity;
          }
        }
        const marks = this.attack.runLocal(mLo, mHi, relations);
        // Copied: the attack's arrays are its own and the next model's run overwrites them.
        const marksHi = marks.hi.slice();
        const marksLo = marks.lo.slice();
        const hiTarget = (c: number): number => Math.min(t, marksHi[c]!);
        const loTarget = (c: number): number => Math.max(lowest, marksLo[c]!);
        return [model, { ...priors, hiTarget, loTarget, safe: this.certificates(status, model) }] as const;
      }),
    );
    // The attacker who knows which cells are small first: their LP is the other's with tighter bounds, so each of
    // their witnesses is a solution of the other's LP too, and certifies a cell for both where the targets agree.
    const seesC = plans.get('sees-c')!;
    const bases = (this.bases ??= new BasisStore(status.length, this.rel.start.length - 1));
    for (const model of ['knows-small', 'sees-c'] as const) {
      const { lo, hi, hiTarget, loTarget, safe } = plans.get(model)!;
      const certify = (c: number, upper: boolean): void => {
        safe[c]! |= upper ? UP : DOWN;
        if (model === 'knows-small' && (upper ? hiTarget(c) >= seesC.hiTarget(c) : loTarget(c) <= seesC.loTarget(c))) {
          seesC.safe[c]! |= upper ? UP : DOWN;
        }
      };
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
        const upOpen = primaries.filter((c) => (safe[c]! & UP) === 0);
        const downOpen = primaries.filter((c) => (safe[c]! & DOWN) === 0);
        if (upOpen.length === 0 && downOpen.length === 0) continue;
        if (comp.cells.length > this.cap) {
          if (model === 'knows-small') out.uncovered += primaries.length;
          continue;
        }
        out.components++;
        const upLeft = upOpen;
        const downLeft = downOpen;
        const lp = new CellLp(
          this.highs,
          comp.cells,
          rowsOver(
            this.rel,
            comp.relations,
            (m) => status[m] !== SHOWN,
            (m) => shown[m]!,
          ),
          lo,
          hi,
          bases.start(comp.cells, comp.relations, hi),
        );
        let up: Map<number, number> | null;
        let down: Map<number, number> | null;
        try {
          up = lp.reach(
            upLeft.map((c) => lp.col(c)),
            (k) => hiTarget(comp.cells[k]!),
            true,
          );
          down =
            up &&
            lp.reach(
              downLeft.map((c) => lp.col(c)),
              (k) => loTarget(comp.cells[k]!),
              false,
            );
          const last = lp.basis();
          if (up && down && last) bases.keep(comp.cells, comp.relations, last);
        } finally {
          lp.dispose();
        }
        out.lps += lp.solves;
        if (!up || !down) {
          out.contradictions++;
          continue;
        }
        // Missed the interval target on a side: the exact baseline decides whether the range is narrower than it.
        const tightAgainstBaseline = (c: number, upper: boolean, value: number): boolean => {
          const blp = baselineLp(c);
          const x = blp.solve([blp.col(c)], upper);
          out.lps++;
          if (x === null) return true; // cannot be: the baseline is a relaxation of a feasible LP
          const base = x === 'unbounded' ? (upper ? Infinity : -Infinity) : x[blp.col(c)]!;
          return upper ? value < Math.min(t, base) - EPS : value > Math.max(lowest, base) + EPS;
        };
        const tight = new Map<number, { lo: boolean; hi: boolean }>();
        const settle = (open: readonly number[], extremes: Map<number, number>, upper: boolean): void => {
          for (const c of open) {
            const v = extremes.get(lp.col(c));
            if (v === undefined || !tightAgainstBaseline(c, upper, v)) certify(c, upper);
            else tight.set(c, { lo: !upper || (tight.get(c)?.lo ?? false), hi: upper || (tight.get(c)?.hi ?? false) });
          }
        };
        settle(upLeft, up, true);
        settle(downLeft, down, false);
        for (const [c, side] of tight) {
          if (!seen.has(c)) {
            seen.add(c);
            out.unsafe.push({ cell: c, loTight: side.lo, hiTight: side.hi, model });
          }
        }
      }
      for (const l of new Set(baseline.values())) l.dispose();
    }
    this.lastStatus = Uint8Array.from(status);
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
