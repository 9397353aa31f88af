import { auditCore, type AuditCore } from './audit';
import { indexCube } from './cube-index';
import type { AreaHierarchy, CubeCell, ProtectedCell } from './cube-types';
import { isPrimarySuppressed, roundCount, type SuppressionPolicy } from './primary-policy';
import { buildRelations, RELATION_KINDS, type CubeRelations } from './relations';
import { SuppressionState } from './secondary-suppression';
import { PRIMARY, ROUNDED, SECONDARY, SHOWN, STATUS_NAMES } from './status-codes';

export interface ProtectOptions {
  /** Called with (done, total) as work proceeds; total is fixed, done never decreases and ends equal to total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Whether to hide further cells until the audit passes (default true). Turning it off leaves only the
   * ">= 2 suppressed per relation" rule: for diagnostics and tests, never for publication.
   */
  auditRepair?: boolean;
  /** Cap on audit-and-repair rounds (default 200). */
  maxAuditRounds?: number;
}

export interface ProtectionSummary {
  cells: number;
  shown: number;
  rounded: number;
  primary: number;
  /** Includes the cells hidden after the audit. */
  secondary: number;
  /** Secondary cells added because the audit found a primary cell pinned down too narrowly. */
  secondaryFromAudit: number;
  relations: number;
  /** Relations whose total is not exactly the sum of its parts in the data (audited as inequalities). */
  inexactRelations: number;
  auditRounds: number;
  audit: {
    pass: boolean;
    checked: number;
    unsafe: number;
    limitedByRule: number;
    converged: boolean;
  };
}

export interface ProtectedCube {
  /** cells[i] is the protected form of input cell i. */
  cells: ProtectedCell[];
  /** The relations among the input cells (indexed like the input), for re-auditing and groupings. */
  relations: CubeRelations;
  summary: ProtectionSummary;
}

const PROGRESS_TOTAL = 1000;

/**
 * Protects a full cube for one audience. Views must read only these cells, so a figure is the same everywhere
 * it appears and no view can be differenced against another.
 *
 * 1. Primary: hide 1..threshold (and zeros if the policy says so).
 * 2. Secondary: the ">= 2 hidden per relation" fixed point across every dimension at once (secondary-suppression.ts).
 * 3. Audit: the interval attack (interval-attack.ts); every primary cell still pinned down more narrowly than the
 *    rule itself allows gets a further complement from the relations that pin it, the fixed point is restored,
 *    and the audit reruns until it passes. It always can: with every non-primary cell hidden nothing is left
 *    to attack with.
 * 4. Rounding (rounded audiences): every shown figure, total or part, is rounded independently to the nearest
 *    roundTo. Rounded parts therefore need not add up to the rounded total; that is accepted practice (ONS
 *    census tables and NHS Digital's rounding to 5 do the same) and is safer than forcing additivity, which
 *    would let a reader unpick the rounding. The audit treats rounded figures as intervals.
 */
export function protectCube(
  cells: readonly CubeCell[],
  policy: SuppressionPolicy,
  hierarchy: AreaHierarchy,
  opts: ProtectOptions = {},
): ProtectedCube {
  const progress = (done: number): void => opts.onProgress?.(Math.min(PROGRESS_TOTAL, Math.floor(done)), PROGRESS_TOTAL);
  const n = cells.length;
  progress(0);

  const idx = indexCube(cells);
  progress(100);
  const rel = buildRelations(cells, idx, hierarchy);
  progress(300);

  // Primary suppression and the figure each visible cell would show.
  const counts = new Float64Array(n);
  const status = new Uint8Array(n);
  const shown = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const count = cells[i]!.count;
    counts[i] = count;
    if (isPrimarySuppressed(count, policy)) status[i] = PRIMARY;
    else if (count > 0 && policy.roundTo > 1) {
      status[i] = ROUNDED;
      shown[i] = roundCount(count, policy.roundTo);
    } else {
      status[i] = SHOWN;
      shown[i] = count;
    }
  }
  progress(350);

  // Secondary suppression to the fixed point. Progress inside it is an estimate (the amount of work is unknown).
  const state = new SuppressionState(rel, status, counts, idx.rank, shown, policy);
  let tick = 350;
  state.runToFixedPoint(() => progress((tick += (600 - tick) / 8)));
  progress(600);

  // Audit, and repair until the audit passes.
  const maxRounds = opts.maxAuditRounds ?? 200;
  let audit: AuditCore = auditCore(rel, status, shown, policy, idx.order);
  let rounds = 0;
  let fromAudit = 0;
  let done = 600;
  while (opts.auditRepair !== false && !audit.pass && rounds < maxRounds) {
    rounds++;
    const before = state.relSupp.slice();
    const t = policy.suppressBelowOrEqual;
    const primaryLo = policy.showZeros ? 1 : 0;
    const addedBefore = state.added;
    for (const p of audit.unsafe) {
      const lo = audit.attack.lo[p]!;
      const hi = audit.attack.hi[p]!;
      const bLo = audit.baseline ? audit.baseline.lo[p]! : primaryLo;
      const bHi = audit.baseline ? audit.baseline.hi[p]! : t;
      const loTight = lo > Math.max(primaryLo, bLo);
      const hiTight = hi < Math.min(t, bHi);
      // One fix per pinning relation per round: if the relation behind p's tight bound already gained a hidden
      // cell this round, re-audit before hiding more.
      const rLo = audit.attack.reasonLo[p]!;
      const rHi = audit.attack.reasonHi[p]!;
      if ((loTight && rLo >= 0 && state.relSupp[rLo]! > before[rLo]!) || (hiTight && rHi >= 0 && state.relSupp[rHi]! > before[rHi]!)) {
        continue;
      }
      const c = state.pickRepair(p, audit.attack, loTight || !hiTight, hiTight || !loTight);
      if (c >= 0) state.suppress(c);
      if (process.env.DISCLOSURE_DEBUG && audit.unsafe.length < 3) {
        const d = (x: number): string => `${cells[x]!.areaCode} ${cells[x]!.period} ${cells[x]!.ageBand} ${cells[x]!.sex} n=${cells[x]!.count} st=${status[x]}`;
        console.log('  unsafe', d(p), [lo, hi], 'base', [bLo, bHi], 'reasons', rLo, rHi, 'pick', c >= 0 ? d(c) : -1);
        for (const r of [rLo, rHi]) if (r >= 0) console.log('    rel', r, Array.from(rel.members.subarray(rel.start[r]!, rel.start[r + 1]!)).map((m) => `${d(m)} [${audit.attack.lo[m]},${audit.attack.hi[m]}]`).join(' | '));
      }
    }
    const added = state.added - addedBefore;
    if (added === 0) break; // cannot happen (see step 3 above); guards against looping forever
    fromAudit += added;
    state.runToFixedPoint();
    audit = auditCore(rel, status, shown, policy, idx.order, audit.baseline);
    progress((done += (990 - done) / 4));
    if (process.env.DISCLOSURE_DEBUG) console.log("round", rounds, "added", added, "unsafe", audit.unsafe.length);
  }

  // Output in input order.
  const out: ProtectedCell[] = new Array<ProtectedCell>(n);
  const tally = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const c = cells[i]!;
    const s = status[i]!;
    tally[s]!++;
    out[i] = {
      indicatorId: c.indicatorId,
      areaCode: c.areaCode,
      level: c.level,
      period: c.period,
      periodType: c.periodType,
      ageBand: c.ageBand,
      sex: c.sex,
      value: s === PRIMARY || s === SECONDARY ? null : shown[i]!,
      status: STATUS_NAMES[s]!,
    };
  }
  let inexact = 0;
  for (let r = 0; r < rel.count; r++) if (rel.kind[r] !== RELATION_KINDS.exact) inexact++;
  progress(PROGRESS_TOTAL);

  return {
    cells: out,
    relations: rel,
    summary: {
      cells: n,
      shown: tally[SHOWN]!,
      rounded: tally[ROUNDED]!,
      primary: tally[PRIMARY]!,
      secondary: tally[SECONDARY]!,
      secondaryFromAudit: fromAudit,
      relations: rel.count,
      inexactRelations: inexact,
      auditRounds: rounds,
      audit: {
        pass: audit.pass,
        checked: audit.checked,
        unsafe: audit.unsafe.length,
        limitedByRule: audit.limitedByRule,
        converged: audit.converged,
      },
    },
  };
}
