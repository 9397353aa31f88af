import { auditRegion, regionCells, SafetyJudge, type RegionAudit } from './audit';
import { indexCube, type CubeIndex } from './cube-index';
import type { AreaHierarchy, CubeCell, ProtectedCell } from './cube-types';
import { isPrimarySuppressed, roundCount, type SuppressionPolicy } from './primary-policy';
import { buildRelations, RELATION_KINDS, type CubeRelations } from './relations';
import { IntervalAttack } from './interval-attack';
import { LP_COMPONENT_CAP, LpAuditor } from './lp-audit';
import { LP_AUDIT_METHOD } from './audit-method';
import type { Highs } from 'highs';
import { SuppressionState } from './secondary-suppression';
import { PRIMARY, ROUNDED, SECONDARY, SHOWN, STATUS_NAMES } from './status-codes';

/** Relation hops around newly hidden cells that a local re-check covers. */
const LOCAL_RADIUS = 3;
/** Audit rounds allowed for the headline-only fallback. */
const HEADLINE_ONLY_ROUNDS = 50;
/** Rounds of LP-driven repair per indicator before the headline-only fallback. */
const LP_REPAIR_ROUNDS = 40;
/**
 * How safety was certified, in the words bundles and the Data and ethics view publish. It never says how many
 * hidden cells are small or which (safety relies on those staying unknown): only which method covered what.
 */
const lpMethod = (uncovered: number, cap: number): string =>
  uncovered === 0
    ? LP_AUDIT_METHOD
    : `${LP_AUDIT_METHOD}, for groups of up to ${cap} linked uncertain cells; larger groups by bounds propagation (interval attack) only`;
/** What the summary says when no solver was given: the interval attack alone, which is weaker than an LP. */
const INTERVAL_AUDIT_METHOD = 'bounds propagation one relation at a time (interval attack); no exact LP';

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
  /** Largest component of uncertain cells the exact LP certifies (default LP_COMPONENT_CAP; see lp-audit.ts). */
  lpComponentCap?: number;
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
  /** Rounds of audit-driven repair. */
  auditRounds: number;
  /** Interval attacks over a whole indicator (the others were local re-checks around the cells just hidden). */
  fullAudits: number;
  audit: {
    pass: boolean;
    checked: number;
    unsafe: number;
    limitedByRule: number;
    converged: boolean;
    /**
     * How safety was certified, in words (the exact LP when a solver was given to protectCube): the only thing
     * about the audit that is published besides `pass`.
     */
    method: string;
    /** LPs solved by the exact audit (0 without a solver). */
    lpSolves: number;
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
 *    to attack with (and that is the last resort if opts.maxAuditRounds is reached).
 * 3b. Certificate (when `highs` is given): the exact LP over every relation of the indicator, under an attacker
 *    who sees only c and one who knows which cells are small (lp-audit.ts). The interval attack runs first
 *    because what it pins the LP pins too, and it is far cheaper; cells the LP still finds too narrow get a
 *    complement each, all in one round, and both audits rerun on what changed until the LP passes.
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
  highs: Highs | null = null,
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

  // Audit, and repair until the audit passes, one indicator at a time: no relation crosses indicators, so
  // each is a closed part of the cube whose audit is exact on its own, and one indicator's repairs do not make
  // the others be re-audited.
  const judge = new SafetyJudge(rel, status, policy);
  const attack = new IntervalAttack(rel);
  const parts = indicatorParts(rel, idx);
  const regions = new RegionFinder(rel);
  const firstAdded = state.addedCells.length;
  const maxRounds = opts.maxAuditRounds ?? 200;
  const totals = {
    rounds: 0,
    audits: 0,
    checked: 0,
    unsafe: 0,
    limitedByRule: 0,
    converged: true,
    contradictions: 0,
    lps: 0,
    lpRounds: 0,
    uncovered: 0,
  };
  let done = 600;
  const lpCap = opts.lpComponentCap ?? LP_COMPONENT_CAP;
  const lp = highs ? new LpAuditor(highs, rel, policy, lpCap) : null;
  const repairing = opts.auditRepair !== false;
  for (const part of parts) {
    const audit = (): RegionAudit => {
      totals.audits++;
      return auditRegion(judge, attack, status, state.priorLo, state.priorHi, part.relations, part.cells);
    };
    // Repairs until the interval audit passes or the round cap is hit; returns the last full audit.
    const repair = (): RegionAudit => {
      let result = audit();
      let unsafe = result.unsafe;
      let changed = false;
      while (repairing && unsafe.length > 0 && rounds < maxRounds) {
        rounds++;
        const mark = state.addedCells.length;
        repairRound(state, judge, attack, unsafe);
        if (state.addedCells.length === mark) break; // cannot happen (see step 3 above); guards against looping
        state.runToFixedPoint();
        changed = true;
        // Re-check cheaply around what changed; only a clean local check earns a full audit of the indicator.
        const seeds = state.addedCells.slice(mark).concat(unsafe);
        const region = regions.around(seeds, status, LOCAL_RADIUS, part.relations.length >> 2);
        unsafe = region
          ? auditRegion(judge, attack, status, state.priorLo, state.priorHi, region, regionCells(rel, region, idx.rank)).unsafe
          : [];
        if (unsafe.length === 0) {
          result = audit();
          changed = false;
          unsafe = result.unsafe;
        }
      }
      return changed ? audit() : result;
    };
    // The interval audit and repair, then the LP certificate with its own repairs (each followed by the interval
    // pass again, since a new complement can open a gap the cheap audit sees). Returns whether both pass.
    const certify = (): { interval: RegionAudit; exactUnsafe: number; contradictions: number; uncovered: number } => {
      let interval = repair();
      if (!lp) return { interval, exactUnsafe: 0, contradictions: 0, uncovered: 0 };
      for (let lpRound = 0; ; lpRound++) {
        const exact = lp.auditPart(part.relations, status, shown);
        totals.lps += exact.lps;
        if (exact.unsafe.length === 0 || exact.contradictions > 0 || !repairing || lpRound >= LP_REPAIR_ROUNDS) {
          return { interval, exactUnsafe: exact.unsafe.length, contradictions: exact.contradictions, uncovered: exact.uncovered };
        }
        totals.lpRounds++;
        // The interval attack's reasons guide the choice of complement (SuppressionState.pickRepair); where it
        // sees no tight bound the search falls back to the nearest visible cell reached through hidden ones.
        attack.runLocal(state.priorLo, state.priorHi, part.relations);
        const mark = state.addedCells.length;
        for (const u of exact.unsafe) {
          const c = state.pickRepair(u.cell, attack, u.loTight, u.hiTight);
          if (c >= 0) state.suppress(c);
        }
        if (state.addedCells.length === mark) {
          return { interval, exactUnsafe: exact.unsafe.length, contradictions: 0, uncovered: exact.uncovered };
        }
        state.runToFixedPoint();
        interval = repair();
      }
    };
    let rounds = 0;
    let result = certify();
    const passes = (r: typeof result): boolean => r.interval.pass && r.exactUnsafe === 0 && r.contradictions === 0;
    if (repairing && !passes(result) && result.contradictions === 0) {
      // The round cap was hit (an indicator so sparse that nearly every detail is small). Fall back to the
      // headline figures alone: hide every other visible cell, restore the fixed point and repair what is left,
      // which is only the period relations among the headline cells. If even that fails, hide every visible
      // cell: the audit then sees only the suppression marks, which is its own baseline, so it passes.
      for (const c of part.cells) if (state.headline[c] === 0) state.suppress(c);
      state.runToFixedPoint();
      rounds = Math.min(rounds, maxRounds - HEADLINE_ONLY_ROUNDS);
      result = certify();
      if (!passes(result) && result.contradictions === 0) {
        for (const c of part.cells) state.suppress(c);
        result = certify();
      }
    }
    totals.rounds += rounds;
    totals.uncovered += result.uncovered;
    totals.checked += result.interval.checked;
    totals.unsafe += result.interval.unsafe.length + result.exactUnsafe;
    totals.limitedByRule += result.interval.limitedByRule;
    totals.converged &&= result.interval.converged;
    totals.contradictions += result.interval.contradictions + result.contradictions;
    progress((done += (990 - done) / 2));
  }
  const fromAudit = state.addedCells.length - firstAdded;

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
      auditRounds: totals.rounds + totals.lpRounds,
      fullAudits: totals.audits,
      audit: {
        pass: totals.unsafe === 0 && totals.contradictions === 0,
        checked: totals.checked,
        unsafe: totals.unsafe,
        limitedByRule: totals.limitedByRule,
        converged: totals.converged,
        method: lp ? lpMethod(totals.uncovered, lpCap) : INTERVAL_AUDIT_METHOD,
        lpSolves: totals.lps,
      },
    },
  };
}

/**
 * One round of audit-driven repair: for each unsafe primary cell (canonical order), hide the cell that best
 * loosens the bound pinning it (SuppressionState.pickRepair). If the relation behind that bound already gained
 * a hidden cell this round, the cell waits for the re-check instead (avoids hiding two cells where one does).
 */
function repairRound(state: SuppressionState, judge: SafetyJudge, attack: IntervalAttack, unsafe: readonly number[]): void {
  const b = judge.baseline;
  const plan = unsafe.map((p) => {
    const lo = attack.lo[p]!;
    const hi = attack.hi[p]!;
    const loTight = lo > Math.max(judge.primaryLo, b.lo[p]!);
    const hiTight = hi < Math.min(judge.t, b.hi[p]!);
    const rLo = loTight ? attack.reasonLo[p]! : -1;
    const rHi = hiTight ? attack.reasonHi[p]! : -1;
    return { p, loTight, hiTight, rLo, rHi, sLo: rLo >= 0 ? state.relSupp[rLo]! : 0, sHi: rHi >= 0 ? state.relSupp[rHi]! : 0 };
  });
  for (const { p, loTight, hiTight, rLo, rHi, sLo, sHi } of plan) {
    if ((rLo >= 0 && state.relSupp[rLo]! > sLo) || (rHi >= 0 && state.relSupp[rHi]! > sHi)) continue;
    const c = state.pickRepair(p, attack, loTight || !hiTight, hiTight || !loTight);
    if (c >= 0) state.suppress(c);
  }
}

/**
 * The relations within `radius` hops of the seed cells, moving only through cells that carry uncertainty
 * (hidden or rounded; an exact shown figure passes nothing on). Null when that exceeds maxRelations: a full
 * audit of the indicator is then about as cheap and sees more. Marks are epoch stamps reused across calls.
 */
class RegionFinder {
  private readonly relMark: Int32Array;
  private readonly cellMark: Int32Array;
  private epoch = 0;
  constructor(private readonly rel: CubeRelations) {
    this.relMark = new Int32Array(rel.count);
    this.cellMark = new Int32Array(rel.cellCount);
  }

  around(seeds: readonly number[], status: Uint8Array, radius: number, maxRelations: number): Int32Array | null {
    const { start, members, cellStart, cellRelations } = this.rel;
    const e = ++this.epoch;
    const out: number[] = [];
    let frontier: number[] = [];
    for (const c of seeds) {
      if (this.cellMark[c] !== e) {
        this.cellMark[c] = e;
        frontier.push(c);
      }
    }
    for (let hop = 0; hop < radius && frontier.length > 0; hop++) {
      const next: number[] = [];
      for (const c of frontier) {
        for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) {
          const r = cellRelations[q]!;
          if (this.relMark[r] === e) continue;
          this.relMark[r] = e;
          out.push(r);
          if (out.length >= maxRelations) return null;
          for (let j = start[r]!; j < start[r + 1]!; j++) {
            const m = members[j]!;
            if (this.cellMark[m] !== e && status[m] !== SHOWN) {
              this.cellMark[m] = e;
              next.push(m);
            }
          }
        }
      }
      frontier = next;
    }
    return Int32Array.from(out);
  }
}

/** The relations and cells (canonical order) of each indicator. */
function indicatorParts(rel: CubeRelations, idx: CubeIndex): { relations: Int32Array; cells: Uint32Array }[] {
  const nInd = idx.indicators.length;
  const relCount = new Int32Array(nInd);
  const cellCount = new Int32Array(nInd);
  const relInd = new Int32Array(rel.count);
  for (let r = 0; r < rel.count; r++) {
    const ind = idx.indicator[rel.members[rel.start[r]!]!]!;
    relInd[r] = ind;
    relCount[ind]!++;
  }
  for (let i = 0; i < idx.n; i++) cellCount[idx.indicator[i]!]!++;
  const parts = Array.from({ length: nInd }, (_, i) => ({
    relations: new Int32Array(relCount[i]!),
    cells: new Uint32Array(cellCount[i]!),
    nr: 0,
    nc: 0,
  }));
  for (let r = 0; r < rel.count; r++) {
    const p = parts[relInd[r]!]!;
    p.relations[p.nr++] = r;
  }
  for (let k = 0; k < idx.n; k++) {
    const c = idx.order[k]!;
    const p = parts[idx.indicator[c]!]!;
    p.cells[p.nc++] = c;
  }
  return parts.map(({ relations, cells }) => ({ relations, cells }));
}
