import { attackerPriors } from './attacker-priors';
import { cellKey, type ProtectedCell } from './cube-types';
import { IntervalAttack, type AttackResult } from './interval-attack';
import type { SuppressionPolicy } from './primary-policy';
import type { CubeRelations } from './relations';
import { PRIMARY, ROUNDED, SHOWN, statusCode } from './status-codes';

/** What the interval attack learns about one primary-suppressed cell. */
export interface AuditCellResult {
  /** Index of the cell in the array audited (the same indexing as the relations). */
  index: number;
  key: string;
  /** The narrowest range of true values consistent with everything published. */
  lower: number;
  upper: number;
  /** True when the published figures reveal nothing beyond the suppression rule itself. */
  safe: boolean;
  /**
   * True when the suppression marks alone already narrow the cell below [1, threshold] (e.g. a suppressed total
   * of 2 whose two parts are both suppressed: each part is at most threshold - 1). No further suppression can
   * change that, so such a cell is judged against what the marks alone reveal.
   */
  limitedByRule: boolean;
}

export interface AuditReport {
  pass: boolean;
  /** Primary-suppressed cells checked. */
  checked: number;
  unsafe: number;
  limitedByRule: number;
  /** False if propagation hit its safety cap (bounds still sound, maybe not the tightest). */
  converged: boolean;
  /** Cells whose interval became empty: the figures contradict the relations (inconsistent input). */
  contradictions: number;
  cells: AuditCellResult[];
}

/** Bounds per cell that an audit judges against (see {@link SafetyJudge}). */
export interface RuleBounds {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly converged: boolean;
}

/**
 * What the suppression marks alone reveal: the interval attack with every primary cell at [1 (0), threshold]
 * and every other cell unknown. It depends only on which cells are small, i.e. on the counts and the policy.
 */
export function markBounds(rel: CubeRelations, status: Uint8Array, policy: SuppressionPolicy): RuleBounds {
  const b = attackerPriors(status, new Float64Array(status.length), policy, true);
  return new IntervalAttack(rel).run(b.lo, b.hi);
}

/**
 * The safety test. A primary cell is safe when its attack interval is no narrower than [1 (0 if zeros are
 * hidden), threshold], or failing that no narrower than the interval the suppression marks alone give (the
 * baseline: every non-primary cell unknown). Since the real attacker knows strictly more than the baseline one,
 * "no narrower than the baseline" means the published figures add nothing.
 *
 * `floor` replaces the baseline when the cells audited are cut from a larger protected cube (a bundle's levels):
 * the marks of the whole cube, which narrow at least as much as the part's own. Judged against its own smaller
 * baseline, a part could fail where the whole it is cut from passes, although the part lets an attacker derive
 * less (fewer relations, the same figures), and adding cells back would make it "pass".
 */
export class SafetyJudge {
  private baselineResult: RuleBounds | null;
  readonly t: number;
  readonly primaryLo: number;
  constructor(
    private readonly rel: CubeRelations,
    private readonly status: Uint8Array,
    private readonly policy: SuppressionPolicy,
    floor: RuleBounds | null = null,
  ) {
    if (floor && (floor.lo.length !== rel.cellCount || floor.hi.length !== rel.cellCount)) {
      throw new Error(`floor given for ${floor.lo.length} cells, relations over ${rel.cellCount}`);
    }
    this.baselineResult = floor;
    this.t = policy.suppressBelowOrEqual;
    this.primaryLo = policy.showZeros ? 1 : 0;
  }

  /** Bounds from the marks alone. Depends only on which cells are primary, so it is computed once. */
  get baseline(): RuleBounds {
    this.baselineResult ??= markBounds(this.rel, this.status, this.policy);
    return this.baselineResult;
  }

  /** Whether primary cell c is pinned down too narrowly (the baseline is computed only when needed). */
  isUnsafe(attack: AttackResult, c: number): boolean {
    const lo = attack.lo[c]!;
    const hi = attack.hi[c]!;
    if (lo > hi) return true;
    if (lo <= this.primaryLo && hi >= this.t) return false;
    const b = this.baseline;
    return lo > b.lo[c]! || hi < b.hi[c]!;
  }

  get baselineConverged(): boolean {
    return this.baselineResult?.converged ?? true;
  }

  isLimitedByRule(c: number): boolean {
    const b = this.baselineResult;
    return b !== null && (b.lo[c]! > this.primaryLo || b.hi[c]! < this.t);
  }
}

/** Result of auditing some or all of a cube. */
export interface RegionAudit {
  pass: boolean;
  checked: number;
  /** Unsafe primary cells, in the order the cells were given. */
  unsafe: number[];
  limitedByRule: number;
  converged: boolean;
  contradictions: number;
}

/**
 * Audits the given primary cells after an attack over `relations` (null: every relation, a full audit).
 * An attack over a closed part of the cube (one indicator: no relation crosses indicators) is exact for it; over
 * an open region it is weaker than the full attack (see IntervalAttack.runLocal), so what it finds unsafe is
 * unsafe, but a clean result proves nothing. Cells in no relation at all are safe: nothing can be subtracted.
 */
export function auditRegion(
  judge: SafetyJudge,
  attack: IntervalAttack,
  status: Uint8Array,
  priorLo: Float64Array,
  priorHi: Float64Array,
  relations: ArrayLike<number> | null,
  cells: ArrayLike<number>,
): RegionAudit {
  if (relations === null) attack.run(priorLo, priorHi);
  else attack.runLocal(priorLo, priorHi, relations);
  const { cellStart } = attack.rel;
  const unsafe: number[] = [];
  let checked = 0;
  let limitedByRule = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (status[c] !== PRIMARY) continue;
    checked++;
    if (cellStart[c] === cellStart[c + 1]) continue;
    if (judge.isUnsafe(attack, c)) unsafe.push(c);
    if (judge.isLimitedByRule(c)) limitedByRule++;
  }
  return {
    pass: unsafe.length === 0 && attack.contradictions === 0,
    checked,
    unsafe,
    limitedByRule,
    converged: attack.converged && judge.baselineConverged,
    contradictions: attack.contradictions,
  };
}

/** The distinct member cells of some relations, in canonical order. */
export function regionCells(rel: CubeRelations, relations: ArrayLike<number>, rank: Uint32Array): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < relations.length; i++) {
    const r = relations[i]!;
    for (let j = rel.start[r]!; j < rel.start[r + 1]!; j++) seen.add(rel.members[j]!);
  }
  return [...seen].sort((a, b) => rank[a]! - rank[b]!);
}

/**
 * The interval attack on a published (protected) cube: for each primary-suppressed cell, the range of values
 * consistent with every visible figure, the relations between cells and the published policy. `visible[i]`
 * must be the protected version of cell i of the cube the relations were derived from.
 *
 * Attacker model: suppressed cells are >= 0 (primary ones in [1, threshold], or [0, threshold] when zeros are
 * hidden, since the rule is public and the mark shows which cells it hit); shown figures are exact, rounded
 * ones known to within the rounding and above the threshold.
 */
export function auditProtection(
  visible: readonly ProtectedCell[],
  relations: CubeRelations,
  policy: SuppressionPolicy,
  floor: RuleBounds | null = null,
): AuditReport {
  if (visible.length !== relations.cellCount) {
    throw new Error(`audit given ${visible.length} cells for relations over ${relations.cellCount}`);
  }
  const n = visible.length;
  const status = new Uint8Array(n);
  const shown = new Float64Array(n);
  visible.forEach((c, i) => {
    const code = statusCode(c.status);
    if ((code === SHOWN || code === ROUNDED) && c.value === null) {
      throw new Error(`cell ${cellKey(c)} is '${c.status}' but has no value`);
    }
    status[i] = code;
    shown[i] = c.value ?? 0;
  });
  const judge = new SafetyJudge(relations, status, policy, floor);
  const priors = attackerPriors(status, shown, policy);
  const attack = new IntervalAttack(relations);
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const core = auditRegion(judge, attack, status, priors.lo, priors.hi, null, all);
  const unsafe = new Set(core.unsafe);
  const cells: AuditCellResult[] = [];
  for (let i = 0; i < n; i++) {
    if (status[i] !== PRIMARY) continue;
    cells.push({
      index: i,
      key: cellKey(visible[i]!),
      lower: attack.lo[i]!,
      upper: attack.hi[i]!,
      safe: !unsafe.has(i),
      limitedByRule: judge.isLimitedByRule(i),
    });
  }
  return {
    pass: core.pass,
    checked: core.checked,
    unsafe: core.unsafe.length,
    limitedByRule: core.limitedByRule,
    converged: core.converged,
    contradictions: core.contradictions,
    cells,
  };
}
