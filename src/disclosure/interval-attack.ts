import type { CubeRelations } from './relations';

/*
 * The interval attack (the "protection level" check of Fischetti & Salazar-Gonzalez, as used by statistics
 * offices to audit cell suppression): every cell has an interval the attacker knows it lies in; each relation
 * total = sum(parts) narrows the intervals of its members (bounds propagation); revisiting the relations whose
 * members changed reaches a fixed point. Everything derived is implied by what is published, so the intervals
 * are sound (they always contain the truth); they can be wider than an exact LP would give.
 *
 * Speed: each relation keeps running sums of its parts' bounds, updated when a member's bound changes, so the
 * total is re-derived in O(1); the parts are rescanned only when some part is wider than the relation's slack
 * (hi(T) - sum lo, or sum hi - lo(T)), since otherwise no part can tighten. Widths only shrink, so the widest
 * part seen at the last scan stays a valid upper estimate. Big relations (a VRU total over hundreds of LSOAs)
 * are then rarely rescanned.
 */

export interface AttackOptions {
  /** Safety cap on relation visits; the result stays sound if it is hit, only possibly less tight. */
  maxVisits?: number;
}

export interface AttackResult {
  /** Narrowed bounds per cell. */
  lo: Float64Array;
  hi: Float64Array;
  /** The relation that last raised lo / lowered hi of each cell, or -1: where a tight bound comes from. */
  reasonLo: Int32Array;
  reasonHi: Int32Array;
  converged: boolean;
  /** Cells whose interval became empty: the relations contradict the published figures (inconsistent data). */
  contradictions: number;
  visits: number;
}

/**
 * Reusable workspace for repeated attacks on one cube: a full run, or a local run over a region of relations
 * (member cells reset to their priors, everything outside ignored). A local run is a weaker attack than the
 * full one (fewer relations, neighbours only at their priors), so whatever it pins down the full attack pins
 * down too: a cheap way to find remaining problems after a small change, never a proof of safety.
 */
export class IntervalAttack implements AttackResult {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly reasonLo: Int32Array;
  readonly reasonHi: Int32Array;
  converged = true;
  contradictions = 0;
  visits = 0;
  /** Running sums over the parts of each active relation (finite his only for sumHi). */
  readonly sumLo: Float64Array;
  readonly sumHi: Float64Array;
  readonly infCount: Int32Array;
  private readonly maxWidth: Float64Array;
  /** Bounds of each relation's total, cached by relation so the "is a visit useful" test stays local. */
  private readonly totLo: Float64Array;
  private readonly totHi: Float64Array;
  private readonly isTotal: Uint8Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  /** Relation r takes part in the current run when stamp[r] === epoch. */
  private readonly stamp: Int32Array;
  private epoch = 0;

  constructor(readonly rel: CubeRelations) {
    const n = rel.cellCount;
    const nRel = rel.count;
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.reasonLo = new Int32Array(n);
    this.reasonHi = new Int32Array(n);
    this.sumLo = new Float64Array(nRel);
    this.sumHi = new Float64Array(nRel);
    this.infCount = new Int32Array(nRel);
    this.maxWidth = new Float64Array(nRel);
    this.totLo = new Float64Array(nRel);
    this.totHi = new Float64Array(nRel);
    this.queue = new Int32Array(nRel + 1);
    this.queued = new Uint8Array(nRel);
    this.stamp = new Int32Array(nRel);
    // Whether entry q of cellRelations is the cell's own relation as total (saves two dependent loads per update).
    const { start, members, cellStart, cellRelations } = rel;
    this.isTotal = new Uint8Array(cellRelations.length);
    for (let c = 0; c < n; c++) {
      for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) if (members[start[cellRelations[q]!]!] === c) this.isTotal[q] = 1;
    }
  }

  /** Whether relation r took part in the last run. */
  isActive(r: number): boolean {
    return this.stamp[r] === this.epoch;
  }

  /** Full attack from the given priors. */
  run(priorLo: Float64Array, priorHi: Float64Array, opts: AttackOptions = {}): this {
    this.lo.set(priorLo);
    this.hi.set(priorHi);
    this.reasonLo.fill(-1);
    this.reasonHi.fill(-1);
    this.epoch++;
    this.stamp.fill(this.epoch);
    const all = new Int32Array(this.rel.count);
    for (let r = 0; r < all.length; r++) all[r] = r;
    return this.propagate(all, opts);
  }

  /** Local attack over the given relations only (see class comment). */
  runLocal(priorLo: Float64Array, priorHi: Float64Array, relations: ArrayLike<number>, opts: AttackOptions = {}): this {
    const { start, members } = this.rel;
    this.epoch++;
    for (let i = 0; i < relations.length; i++) {
      const r = relations[i]!;
      this.stamp[r] = this.epoch;
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const m = members[j]!;
        this.lo[m] = priorLo[m]!;
        this.hi[m] = priorHi[m]!;
        this.reasonLo[m] = -1;
        this.reasonHi[m] = -1;
      }
    }
    return this.propagate(relations, opts);
  }

  private propagate(relations: ArrayLike<number>, opts: AttackOptions): this {
    const { start, members, kind, cellStart, cellRelations } = this.rel;
    const { lo, hi, reasonLo, reasonHi, sumLo, sumHi, infCount, maxWidth, totLo, totHi, isTotal, queue, queued, stamp } = this;
    const epoch = this.epoch;
    const nActive = relations.length;
    const maxVisits = opts.maxVisits ?? 200 * (nActive + 1) + 1_000_000;
    const cap = queue.length;

    let head = 0;
    let size = 0;
    for (let i = 0; i < nActive; i++) {
      const r = relations[i]!;
      let a = 0;
      let b = 0;
      let inf = 0;
      let w = 0;
      for (let j = start[r]! + 1; j < start[r + 1]!; j++) {
        const m = members[j]!;
        const l = lo[m]!;
        const h = hi[m]!;
        a += l;
        if (h === Infinity) inf++;
        else b += h;
        if (h - l > w) w = h - l;
      }
      sumLo[r] = a;
      sumHi[r] = b;
      infCount[r] = inf;
      maxWidth[r] = w;
      const t = members[start[r]!]!;
      totLo[r] = lo[t]!;
      totHi[r] = hi[t]!;
      queue[size++] = r;
      queued[r] = 1;
    }
    // A visit can change something only if the total can tighten from the parts' sums, or some part is wider
    // than the slack left by the total; testing that before queueing skips most useless visits.
    const useful = (r: number): boolean => {
      const k = kind[r]!;
      const inf = infCount[r]!;
      if (k >= 0) {
        if (sumLo[r]! > totLo[r]!) return true;
        if (totHi[r] !== Infinity && maxWidth[r]! > totHi[r]! - sumLo[r]!) return true;
      }
      if (k <= 0) {
        if (inf === 0 && (sumHi[r]! < totHi[r]! || maxWidth[r]! > sumHi[r]! - totLo[r]!)) return true;
        if (inf === 1) return true;
      }
      return false;
    };
    const enqueue = (r: number): void => {
      if (queued[r] === 1 || stamp[r] !== epoch || !useful(r)) return;
      queued[r] = 1;
      let tail = head + size;
      if (tail >= cap) tail -= cap;
      queue[tail] = r;
      size++;
    };
    const setLo = (c: number, v: number, why: number): void => {
      const delta = v - lo[c]!;
      lo[c] = v;
      reasonLo[c] = why;
      const live = v <= hi[c]!; // an emptied interval is a contradiction: counted at the end, not propagated
      for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) {
        const r = cellRelations[q]!;
        if (isTotal[q] === 0) sumLo[r]! += delta;
        else totLo[r] = v;
        if (live) enqueue(r);
      }
    };
    const setHi = (c: number, v: number, why: number): void => {
      const old = hi[c]!;
      hi[c] = v;
      reasonHi[c] = why;
      const live = lo[c]! <= v;
      for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) {
        const r = cellRelations[q]!;
        if (isTotal[q] === 0) {
          if (old === Infinity) {
            infCount[r]!--;
            sumHi[r]! += v;
          } else sumHi[r]! += v - old;
        } else totHi[r] = v;
        if (live) enqueue(r);
      }
    };

    let visits = 0;
    let converged = true;
    while (size > 0) {
      if (visits++ >= maxVisits) {
        converged = false;
        break;
      }
      const r = queue[head]!;
      head = head + 1 === cap ? 0 : head + 1;
      size--;
      queued[r] = 0;

      const s = start[r]!;
      const e = start[r + 1]!;
      const k = kind[r]!;
      const t = members[s]!;
      if (lo[t]! > hi[t]!) continue;

      // Total from parts: T >= sum lo (exact, or total exceeds parts); T <= sum hi (exact, or parts exceed total).
      if (k >= 0 && sumLo[r]! > lo[t]!) setLo(t, sumLo[r]!, r);
      if (k <= 0 && infCount[r] === 0 && sumHi[r]! < hi[t]!) setHi(t, sumHi[r]!, r);
      const loT = lo[t]!;
      const hiT = hi[t]!;

      // Parts from the total and the other parts, only if some part is wider than the slack.
      const SL = sumLo[r]!;
      const SH = sumHi[r]!;
      const INF = infCount[r]!;
      const upper = k >= 0 && hiT !== Infinity;
      const lower = k <= 0 && INF <= 1;
      const w = maxWidth[r]!;
      if (!((upper && w > hiT - SL) || (lower && (INF === 1 || w > SH - loT)))) continue;
      let widest = 0;
      for (let j = s + 1; j < e; j++) {
        const m = members[j]!;
        const lm = lo[m]!;
        const hm = hi[m]!;
        if (upper) {
          const ub = hiT - (SL - lm);
          if (ub < hm) setHi(m, ub, r);
        }
        if (lower) {
          const mInf = hm === Infinity;
          if (INF - (mInf ? 1 : 0) === 0) {
            const lb = loT - (SH - (mInf ? 0 : hm));
            if (lb > lm) setLo(m, lb, r);
          }
        }
        const width = hi[m]! - lo[m]!;
        if (width > widest) widest = width;
      }
      maxWidth[r] = widest;
    }
    // Leave the queue clean for the next run.
    while (size > 0) {
      queued[queue[head]!] = 0;
      head = head + 1 === cap ? 0 : head + 1;
      size--;
    }

    const empty = new Set<number>(); // distinct cells with an emptied interval (none for consistent data)
    for (let i = 0; i < nActive; i++) {
      const r = relations[i]!;
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const m = members[j]!;
        if (lo[m]! > hi[m]!) empty.add(m);
      }
    }
    const contradictions = empty.size;
    this.visits = visits;
    this.converged = converged;
    this.contradictions = contradictions;
    return this;
  }
}

/** Runs bounds propagation to its fixed point from the priors `lo`/`hi` (hi may be Infinity). */
export function propagateBounds(rel: CubeRelations, lo: Float64Array, hi: Float64Array, opts: AttackOptions = {}): AttackResult {
  return new IntervalAttack(rel).run(lo, hi, opts);
}
