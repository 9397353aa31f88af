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

/** Runs bounds propagation to its fixed point. `lo`/`hi` hold the attacker's prior intervals; hi may be Infinity. */
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

  // Ring-buffer work queue of relations to revisit; each relation is queued at most once at a time.
  const queue = new Int32Array(nRel + 1);
  const queued = new Uint8Array(nRel);
  let head = 0;
  let size = 0;
  for (let r = 0; r < nRel; r++) {
    queue[r] = r;
    queued[r] = 1;
  }
  size = nRel;
  const cap = nRel + 1;

  const touched: number[] = [];
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
    let sumLo = 0;
    let sumHiFinite = 0;
    let infCount = 0;
    for (let j = s + 1; j < e; j++) {
      const m = members[j]!;
      sumLo += lo[m]!;
      const h = hi[m]!;
      if (h === Infinity) infCount++;
      else sumHiFinite += h;
    }
    touched.length = 0;

    // Total from parts: T >= sum lo (exact or total exceeds parts); T <= sum hi (exact or parts exceed total).
    if (k >= 0 && sumLo > lo[t]!) {
      lo[t] = sumLo;
      reasonLo[t] = r;
      touched.push(t);
    }
    if (k <= 0 && infCount === 0 && sumHiFinite < hi[t]!) {
      hi[t] = sumHiFinite;
      reasonHi[t] = r;
      if (touched[touched.length - 1] !== t) touched.push(t);
    }
    const loT = lo[t]!;
    const hiT = hi[t]!;

    // Each part from the total and the other parts.
    for (let j = s + 1; j < e; j++) {
      const m = members[j]!;
      const lm = lo[m]!;
      const hm = hi[m]!;
      let changed = false;
      if (k >= 0 && hiT !== Infinity) {
        const ub = hiT - (sumLo - lm);
        if (ub < hm) {
          hi[m] = ub;
          reasonHi[m] = r;
          changed = true;
        }
      }
      if (k <= 0) {
        const othersInf = infCount - (hm === Infinity ? 1 : 0);
        if (othersInf === 0) {
          const lb = loT - (sumHiFinite - (hm === Infinity ? 0 : hm));
          if (lb > lm) {
            lo[m] = lb;
            reasonLo[m] = r;
            changed = true;
          }
        }
      }
      if (changed) touched.push(m);
    }

    for (const c of touched) {
      if (lo[c]! > hi[c]!) continue; // contradiction: counted below, not propagated further
      for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) {
        const r2 = cellRelations[q]!;
        // r itself is requeued too: its other members may tighten further from the new bound.
        if (queued[r2] === 1) continue;
        queued[r2] = 1;
        let tail = head + size;
        if (tail >= cap) tail -= cap;
        queue[tail] = r2;
        size++;
      }
    }
  }

  let contradictions = 0;
  for (let c = 0; c < rel.cellCount; c++) if (lo[c]! > hi[c]!) contradictions++;
  return { lo, hi, reasonLo, reasonHi, converged, contradictions, visits };
}
