import type { CubeRelations } from './relations';

/*
 * The interval attack (Fischetti & Salazar-Gonzalez's "protection level" check, as used to audit cell
 * suppression by statistics offices): every cell has an interval the attacker knows it lies in; each relation
 * total = sum(parts) narrows the intervals of its members (bounds propagation); repeating over the relations
 * whose members changed reaches a fixed point. Everything it derives is implied by the published figures, so
 * the intervals are sound (they always contain the truth); they can be wider than an exact LP would give.
 */

export interface AttackOptions {
  /** Safety cap on relation visits; the result stays sound if it is hit, only possibly less tight. */
  maxVisits?: number;
}

export interface AttackResult {
  /** Narrowed bounds (the arrays passed in, updated in place). */
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
 * Runs bounds propagation to its fixed point. `lo`/`hi` hold the attacker's prior intervals; hi may be Infinity.
 *
 * Speed: each relation keeps running sums of its parts' bounds, updated when a member's bound changes, so the
 * total is re-derived in O(1); the parts are rescanned only when some part is wider than the relation's slack
 * (hi(T) - sum lo, or sum hi - lo(T)): otherwise no part can tighten. Widths only shrink, so the widest part
 * remembered from the last scan is a valid upper estimate. Large relations (a VRU total over hundreds of
 * LSOAs) are then rarely rescanned.
 */
export function propagateBounds(
  rel: CubeRelations,
  lo: Float64Array,
  hi: Float64Array,
  opts: AttackOptions = {},
): AttackResult {
  const nRel = rel.count;
  const { start, members, kind, cellStart, cellRelations } = rel;
  const reasonLo = new Int32Array(rel.cellCount).fill(-1);
  const reasonHi = new Int32Array(rel.cellCount).fill(-1);
  const maxVisits = opts.maxVisits ?? 200 * (nRel + 1) + 1_000_000;

  // Running sums over the parts of each relation.
  const sumLo = new Float64Array(nRel);
  const sumHi = new Float64Array(nRel); // finite his only
  const infCount = new Int32Array(nRel);
  const maxWidth = new Float64Array(nRel);
  for (let r = 0; r < nRel; r++) {
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
  }
  // Whether entry q of cellRelations is the cell's own relation as total (saves two dependent loads per update).
  const isTotal = new Uint8Array(cellRelations.length);
  for (let c = 0; c < rel.cellCount; c++) {
    for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) if (members[start[cellRelations[q]!]!] === c) isTotal[q] = 1;
  }

  // Ring-buffer work queue of relations to revisit; each relation is queued at most once at a time.
  const cap = nRel + 1;
  const queue = new Int32Array(cap);
  const queued = new Uint8Array(nRel);
  let head = 0;
  let size = nRel;
  for (let r = 0; r < nRel; r++) {
    queue[r] = r;
    queued[r] = 1;
  }
  const enqueue = (r: number): void => {
    if (queued[r] === 1) return;
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
      }
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

  let contradictions = 0;
  for (let c = 0; c < rel.cellCount; c++) if (lo[c]! > hi[c]!) contradictions++;
  return { lo, hi, reasonLo, reasonHi, converged, contradictions, visits };
}
