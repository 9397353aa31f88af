import { attackerPriors } from './attacker-priors';
import type { IntervalAttack } from './interval-attack';
import type { SuppressionPolicy } from './primary-policy';
import { RELATION_DIMENSIONS, type CubeRelations } from './relations';
import { PRIMARY, SECONDARY } from './status-codes';

/*
 * Secondary (complementary) suppression, the ONS/NHS "at least two suppressed cells in every total" rule:
 * if exactly one cell of a relation is hidden, total minus the visible parts gives it away, so a complement is
 * hidden too. Hiding a complement can leave another relation with exactly one hidden cell (in any dimension),
 * so relations are revisited from a work queue (not rescanned) until none has exactly one: the fixed point.
 * Suppressed counts only grow, so a relation needs a complement at most once for each rule below and the pass is
 * linear in the total size of the relations.
 *
 * One stronger local rule is applied in the same pass because the plain rule is known to fail it: a relation
 * whose hidden cells are all primary (e.g. two small cells in a row beside a shown total) publishes their sum,
 * and with each known to be 1..threshold the sum usually pins them down (4 + 4 = 8 with threshold 4 gives both
 * exactly). Such a relation also gets a complement unless a one-relation interval check finds it safe. What
 * remains (bounds passed along chains of relations) is left to the audit in protectCube.
 */

/** Cells examined per repair search: keeps one repair cheap on a 600,000-cell cube (the audit re-checks). */
const REPAIR_SEARCH_BUDGET = 2_000;
/** Cost added for a complement that links primaries together (see cost). */
const LINK_PENALTY = 100;
/** Cost added for hiding a headline figure (see headline): more than any other candidate can cost. */
const HEADLINE_PENALTY = 1e12;

export class SuppressionState {
  /** Suppressed cells per relation. */
  readonly relSupp: Int32Array;
  /** Secondary-suppressed cells per relation. */
  readonly relSec: Int32Array;
  /** Attacker priors of each cell as published now (refreshed for a cell when it is hidden). */
  readonly priorLo: Float64Array;
  readonly priorHi: Float64Array;
  private scratchLo = new Float64Array(64);
  private scratchHi = new Float64Array(64);
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private size = 0;
  /**
   * 1 for a headline figure: a cell that is no part of any area, age or sex total (the whole VRU area, all ages,
   * persons, for any period). Readers need these most, and a complement of that size protects little that a
   * smaller one would not, so complements and repairs take one only when nothing else will do.
   */
  readonly headline: Uint8Array;
  /** Cells hidden by this state (secondary), in the order hidden. */
  readonly addedCells: number[] = [];

  constructor(
    readonly rel: CubeRelations,
    /** Status codes (status-codes.ts), updated in place. */
    readonly status: Uint8Array,
    /** True counts; complements are chosen smallest first. */
    readonly counts: Float64Array,
    /** Canonical rank of each cell: the deterministic tie-break. */
    readonly rank: Uint32Array,
    /** Figures as they would be shown (rounded where the policy rounds). */
    shown: Float64Array,
    readonly policy: SuppressionPolicy,
  ) {
    this.relSupp = new Int32Array(rel.count);
    this.relSec = new Int32Array(rel.count);
    this.queue = new Int32Array(rel.count + 1);
    this.queued = new Uint8Array(rel.count);
    const priors = attackerPriors(status, shown, policy);
    this.priorLo = priors.lo;
    this.priorHi = priors.hi;
    const { start, members } = rel;
    this.headline = new Uint8Array(rel.cellCount).fill(1);
    for (let r = 0; r < rel.count; r++) {
      if (RELATION_DIMENSIONS[rel.dimension[r]!] === 'period') continue;
      for (let j = start[r]! + 1; j < start[r + 1]!; j++) this.headline[members[j]!] = 0;
    }
    for (let r = 0; r < rel.count; r++) {
      let k = 0;
      let sec = 0;
      for (let j = start[r]!; j < start[r + 1]!; j++) {
        const st = status[members[j]!]!;
        if (st >= PRIMARY) k++;
        if (st === SECONDARY) sec++;
      }
      this.relSupp[r] = k;
      this.relSec[r] = sec;
      if (k === 1 || (k >= 2 && sec === 0)) this.enqueue(r);
    }
  }

  /**
   * Whether a relation whose hidden cells are all primary leaves each of them as uncertain as the rule alone
   * does: bounds propagation within this one relation, compared with the same propagation with every visible
   * figure unknown (for members like a small hidden total of small hidden parts, the rule alone narrows them).
   */
  private locallySafe(r: number): boolean {
    const { start, members } = this.rel;
    const s = start[r]!;
    const size = start[r + 1]! - s;
    if (this.scratchLo.length < 2 * size) {
      this.scratchLo = new Float64Array(4 * size);
      this.scratchHi = new Float64Array(4 * size);
    }
    const lo = this.scratchLo;
    const hi = this.scratchHi;
    let anyVisible = false;
    for (let j = 0; j < size; j++) {
      const m = members[s + j]!;
      const visible = this.status[m]! < PRIMARY;
      anyVisible ||= visible;
      lo[j] = this.priorLo[m]!;
      hi[j] = this.priorHi[m]!;
      lo[size + j] = visible ? 0 : this.priorLo[m]!;
      hi[size + j] = visible ? Infinity : this.priorHi[m]!;
    }
    if (!anyVisible) return true;
    const k = this.rel.kind[r]!;
    propagateOne(lo, hi, 0, size, k);
    propagateOne(lo, hi, size, size, k);
    for (let j = 0; j < size; j++) {
      if (this.status[members[s + j]!] !== PRIMARY) continue;
      if (lo[j]! > lo[size + j]! || hi[j]! < hi[size + j]!) return false;
    }
    return true;
  }

  private enqueue(r: number): void {
    if (this.queued[r] === 1) return;
    this.queued[r] = 1;
    let tail = this.head + this.size;
    if (tail >= this.queue.length) tail -= this.queue.length;
    this.queue[tail] = r;
    this.size++;
  }

  /**
   * Picks a complement among candidates: the cheapest to hide, where the cost counts the information lost and
   * the complements it will force. Greedy "smallest count first" ignores the second part and, across four linked
   * dimensions, cascades: one hidden month pulls in its area, age and sex totals, each of those pulls in more,
   * and large totals end up hidden. Weighing the cascade makes complements line up into rectangles (the idea
   * behind tau-Argus's hypercube method), which close each other's relations. See cost. A shown zero is known
   * exactly, so hiding one is a last resort, taken only when every candidate is zero (e.g. a hidden total whose
   * visible parts are all 0). Ties by canonical order.
   */
  private pick(cands: Iterable<number>, except: number): number {
    let best = -1;
    let bestCost = Infinity;
    let bestZero = -1;
    for (const m of cands) {
      if (this.counts[m] === 0) {
        if (bestZero < 0 || this.rank[m]! < this.rank[bestZero]!) bestZero = m;
        continue;
      }
      const cost = this.cost(m, except);
      if (cost < bestCost || (cost === bestCost && this.rank[m]! < this.rank[best]!)) {
        best = m;
        bestCost = cost;
      }
    }
    return best >= 0 ? best : bestZero;
  }

  /**
   * The cost of hiding m to mend relation `except`:
   * - its count, doubled for each relation it is the total of (readers need totals more than details);
   * - in each other relation of m that hides nothing yet, a new "one hidden cell" problem, which will cost about
   *   that relation's smallest visible count; in one that hides exactly one cell, a problem solved, saving it;
   * - a penalty for each relation where it would be the only complement of hidden primaries: with p + m and
   *   m + q both published, p - q is known and each pins the other (the classic failure of greedy secondary
   *   suppression, which tau-Argus's hypercube method avoids); the audit would probably have to repair it.
   */
  private cost(m: number, except: number): number {
    const { start, members, cellStart, cellRelations } = this.rel;
    const own = this.counts[m]!;
    let cost = 0;
    let weight = 1;
    for (let q = cellStart[m]!; q < cellStart[m + 1]!; q++) {
      const r = cellRelations[q]!;
      if (members[start[r]!] === m) weight *= 2;
      if (r === except) continue;
      const k = this.relSupp[r]!;
      if (k === 0) cost += this.smallestVisible(r, m);
      else if (k === 1) cost -= Math.min(own, this.smallestVisible(r, m));
      if (k > 0 && this.relSec[r] === 0) cost += LINK_PENALTY;
    }
    return cost + own * weight + (this.headline[m] === 1 ? HEADLINE_PENALTY : 0);
  }

  /** The smallest visible non-zero count in relation r other than cell m (about what a complement there costs). */
  private smallestVisible(r: number, m: number): number {
    const { start, members } = this.rel;
    let min = Infinity;
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const y = members[j]!;
      const c = this.counts[y]!;
      if (y !== m && this.status[y]! < PRIMARY && c > 0 && c < min) min = c;
    }
    return min === Infinity ? 0 : min;
  }

  /** The complement for a relation holding one hidden cell (or only pinned primaries): see pick. */
  pickComplement(r: number): number {
    const { start, members } = this.rel;
    const cands: number[] = [];
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const m = members[j]!;
      if (this.status[m]! < PRIMARY) cands.push(m);
    }
    return this.pick(cands, r);
  }

  suppress(c: number): void {
    if (this.status[c]! >= PRIMARY) return;
    this.status[c] = SECONDARY;
    this.priorLo[c] = 0;
    this.priorHi[c] = Infinity;
    this.addedCells.push(c);
    const { cellStart, cellRelations } = this.rel;
    for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) {
      const r = cellRelations[q]!;
      this.relSec[r]!++;
      if (++this.relSupp[r]! === 1) this.enqueue(r);
    }
  }

  /** Repairs queued relations until every relation holds 0 or >= 2 suppressed cells. */
  runToFixedPoint(onTick?: () => void): void {
    let ticks = 0;
    while (this.size > 0) {
      const r = this.queue[this.head]!;
      this.head = this.head + 1 === this.queue.length ? 0 : this.head + 1;
      this.size--;
      this.queued[r] = 0;
      const k = this.relSupp[r]!;
      if (k === 0 || (k >= 2 && (this.relSec[r]! > 0 || this.locallySafe(r)))) continue;
      const c = this.pickComplement(r);
      if (c >= 0) this.suppress(c);
      if (onTick && (++ticks & 0x3fff) === 0) onTick();
    }
  }

  /**
   * A cell to hide so that an unsafe primary cell p is pinned down less. The attack's reason links explain each
   * tight bound: hi of a part came from hi(total) - lo(other parts), lo of a part from lo(total) - hi(other parts),
   * hi of a total from hi(parts), lo of a total from lo(parts). Walking those links back from p (through hidden
   * cells whose bounds were themselves derived) finds the visible figures the bound rests on; hiding one that
   * actually loosens it (a visible zero is useless where its lower bound is what counts: its lo is 0 either way)
   * is the repair. Nearest first, then the usual complement preference. If the links find nothing, any visible
   * cell reachable from p through hidden cells.
   */
  pickRepair(p: number, attack: IntervalAttack, loTight: boolean, hiTight: boolean): number {
    const { start, members } = this.rel;
    const HI = 1;
    const LO = 0;
    const seen = new Set<number>();
    let frontier: number[] = [];
    const push = (list: number[], cell: number, bound: number): void => {
      const key = cell * 2 + bound;
      if (!seen.has(key)) {
        seen.add(key);
        list.push(key);
      }
    };
    if (loTight) push(frontier, p, LO);
    if (hiTight) push(frontier, p, HI);
    // Preference: not a headline before a headline (see headline), then a cell whose hiding loosens the bound at
    // once before a weak one (it would not in one step, though the fixed point around it may), then the nearest.
    const found = { cand: -1, weak: -1, headCand: -1, headWeak: -1 };
    let budget = REPAIR_SEARCH_BUDGET;
    while (frontier.length > 0 && budget > 0 && found.cand < 0) {
      const cands: number[][] = [[], []];
      const weak: number[][] = [[], []];
      const next: number[] = [];
      for (const key of frontier) {
        const x = Math.floor(key / 2);
        const bound = key % 2;
        const r = bound === HI ? attack.reasonHi[x]! : attack.reasonLo[x]!;
        if (r < 0) continue; // a prior (the rule itself, or a shown figure): nothing to loosen
        budget -= start[r + 1]! - start[r]!;
        const s0 = start[r]!;
        const xIsTotal = members[s0] === x;
        for (let j = s0; j < start[r + 1]!; j++) {
          const y = members[j]!;
          if (y === x) continue;
          // Which bound of y the bound of x was computed from.
          const yIsTotal = j === s0;
          const need = xIsTotal ? bound : yIsTotal ? bound : 1 - bound;
          if (this.status[y]! < PRIMARY) {
            if (need === LO ? attack.lo[y]! > 0 : true) {
              // Hiding y only helps if its other relations would not pin it to the same bound anyway (a zero
              // part under a shown zero total stays 0 however it is marked).
              (this.wouldLoosen(y, need === HI, attack) ? cands : weak)[this.headline[y]!]!.push(y);
            }
          } else push(next, y, need);
        }
      }
      if (found.cand < 0 && cands[0]!.length > 0) found.cand = this.pick(cands[0]!, -1);
      if (found.weak < 0 && weak[0]!.length > 0) found.weak = this.pick(weak[0]!, -1);
      if (found.headCand < 0 && cands[1]!.length > 0) found.headCand = this.pick(cands[1]!, -1);
      if (found.headWeak < 0 && weak[1]!.length > 0) found.headWeak = this.pick(weak[1]!, -1);
      frontier = next;
    }
    if (found.cand >= 0) return found.cand;
    if (found.weak >= 0) return found.weak;
    const { cellStart, cellRelations } = this.rel;
    const searched = this.searchFrom(p, (c) => Array.from(cellRelations.subarray(cellStart[c]!, cellStart[c + 1]!)));
    if (searched >= 0 && this.headline[searched] === 0) return searched;
    if (found.headCand >= 0) return found.headCand;
    if (found.headWeak >= 0) return found.headWeak;
    return searched;
  }

  /**
   * Whether hiding visible cell y would loosen its upper (or lower) bound for the attacker, judged from one
   * round of bounds over y's relations with the attack's current running sums (O(relations of y)).
   */
  private wouldLoosen(y: number, upper: boolean, attack: IntervalAttack): boolean {
    const { start, members, kind, cellStart, cellRelations } = this.rel;
    const { lo, hi, sumLo, sumHi, infCount } = attack;
    const ly = lo[y]!;
    const hy = hi[y]!;
    let bound = upper ? Infinity : 0;
    for (let q = cellStart[y]!; q < cellStart[y + 1]!; q++) {
      const r = cellRelations[q]!;
      if (!attack.isActive(r)) continue;
      const k = kind[r]!;
      const t = members[start[r]!]!;
      if (t === y) {
        // y as a total: hi <= sum hi(parts), lo >= sum lo(parts).
        if (upper && k <= 0 && infCount[r] === 0) bound = Math.min(bound, sumHi[r]!);
        if (!upper && k >= 0) bound = Math.max(bound, sumLo[r]!);
      } else {
        // y as a part: hi <= hi(T) - sum lo(others), lo >= lo(T) - sum hi(others).
        if (upper && k >= 0) bound = Math.min(bound, hi[t]! - (sumLo[r]! - ly));
        if (!upper && k <= 0 && infCount[r] === 0) bound = Math.max(bound, lo[t]! - (sumHi[r]! - hy));
      }
    }
    return upper ? bound > hy : bound < ly;
  }

  /** Breadth-first search over relations, expanding through hidden cells; returns the best visible cell of the nearest layer. */
  private searchFrom(p: number, next: (cell: number) => number[]): number {
    const { start, members } = this.rel;
    const seenRel = new Set<number>();
    const seenCell = new Set<number>([p]);
    let frontier = next(p);
    let head = -1;
    let budget = REPAIR_SEARCH_BUDGET;
    while (frontier.length > 0 && budget > 0) {
      const cands = new Set<number>();
      const hidden: number[] = [];
      for (const r of frontier) {
        if (seenRel.has(r)) continue;
        seenRel.add(r);
        budget -= start[r + 1]! - start[r]!;
        for (let j = start[r]!; j < start[r + 1]!; j++) {
          const m = members[j]!;
          if (this.status[m]! < PRIMARY) cands.add(m);
          else if (!seenCell.has(m)) {
            seenCell.add(m);
            hidden.push(m);
          }
        }
      }
      const plain = [...cands].filter((m) => this.headline[m] === 0);
      if (plain.length > 0) return this.pick(plain, -1);
      if (head < 0 && cands.size > 0) head = this.pick(cands, -1);
      frontier = hidden.flatMap(next);
    }
    return head;
  }
}

/**
 * Bounds propagation on one relation whose member intervals are lo/hi[off .. off + size) (total first), to its
 * fixed point. Same rules as interval-attack.ts.
 */
function propagateOne(lo: Float64Array, hi: Float64Array, off: number, size: number, kind: number): void {
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    let sumLo = 0;
    let sumHi = 0;
    let inf = 0;
    for (let j = off + 1; j < off + size; j++) {
      sumLo += lo[j]!;
      if (hi[j] === Infinity) inf++;
      else sumHi += hi[j]!;
    }
    if (kind >= 0 && sumLo > lo[off]!) {
      lo[off] = sumLo;
      changed = true;
    }
    if (kind <= 0 && inf === 0 && sumHi < hi[off]!) {
      hi[off] = sumHi;
      changed = true;
    }
    for (let j = off + 1; j < off + size; j++) {
      const lj = lo[j]!;
      const hj = hi[j]!;
      if (kind >= 0 && hi[off] !== Infinity) {
        const ub = hi[off]! - (sumLo - lj);
        if (ub < hj) {
          hi[j] = ub;
          changed = true;
        }
      }
      if (kind <= 0 && inf - (hj === Infinity ? 1 : 0) === 0) {
        const lb = lo[off]! - (sumHi - (hj === Infinity ? 0 : hj));
        if (lb > lj) {
          lo[j] = lb;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}
