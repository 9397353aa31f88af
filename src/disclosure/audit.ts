import { cellKey, type ProtectedCell } from './cube-types';
import { propagateBounds, type AttackResult } from './interval-attack';
import { attackerPriors } from './attacker-priors';
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

/** Result of the typed-array audit used inside protectCube. */
export interface AuditCore {
  pass: boolean;
  checked: number;
  /** Unsafe primary cells, in the order given by `cellOrder`. */
  unsafe: number[];
  limitedByRule: number;
  converged: boolean;
  contradictions: number;
  attack: AttackResult;
  /** Bounds from the suppression marks alone; computed only when some cell fails the strict test. */
  baseline: AttackResult | null;
}

/**
 * Audits a protected cube held as status codes (status-codes.ts) and shown values. A primary cell is safe when
 * its attack interval is no narrower than [1 (0 if zeros hidden), threshold], or, failing that, no narrower than
 * the interval the suppression marks alone give (`limitedByRule`): visible figures then add nothing.
 */
export function auditCore(
  rel: CubeRelations,
  status: Uint8Array,
  shown: Float64Array,
  policy: SuppressionPolicy,
  cellOrder?: Uint32Array,
  /** The baseline from an earlier audit of the same cube: it depends only on which cells are primary. */
  knownBaseline: AttackResult | null = null,
): AuditCore {
  const n = rel.cellCount;
  const t = policy.suppressBelowOrEqual;
  const primaryLo = policy.showZeros ? 1 : 0;
  const prior = attackerPriors(status, shown, policy);
  const attack = propagateBounds(rel, prior.lo, prior.hi);
  let baseline: AttackResult | null = knownBaseline;
  const unsafe: number[] = [];
  let checked = 0;
  let limitedByRule = 0;
  let converged = attack.converged;
  for (let k = 0; k < n; k++) {
    const c = cellOrder ? cellOrder[k]! : k;
    if (status[c] !== PRIMARY) continue;
    checked++;
    const lo = attack.lo[c]!;
    const hi = attack.hi[c]!;
    if (lo <= primaryLo && hi >= t) continue;
    if (!baseline) {
      const b = attackerPriors(status, shown, policy, true);
      baseline = propagateBounds(rel, b.lo, b.hi);
      converged &&= baseline.converged;
    }
    const bLo = baseline.lo[c]!;
    const bHi = baseline.hi[c]!;
    if (bLo > primaryLo || bHi < t) limitedByRule++;
    if (lo > hi || lo > bLo || hi < bHi) unsafe.push(c);
  }
  return {
    pass: unsafe.length === 0 && attack.contradictions === 0,
    checked,
    unsafe,
    limitedByRule,
    converged,
    contradictions: attack.contradictions,
    attack,
    baseline,
  };
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
  const core = auditCore(relations, status, shown, policy);
  const unsafe = new Set(core.unsafe);
  const t = policy.suppressBelowOrEqual;
  const primaryLo = policy.showZeros ? 1 : 0;
  const cells: AuditCellResult[] = [];
  for (let i = 0; i < n; i++) {
    if (status[i] !== PRIMARY) continue;
    const b = core.baseline;
    cells.push({
      index: i,
      key: cellKey(visible[i]!),
      lower: core.attack.lo[i]!,
      upper: core.attack.hi[i]!,
      safe: !unsafe.has(i),
      limitedByRule: b !== null && (b.lo[i]! > primaryLo || b.hi[i]! < t),
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
