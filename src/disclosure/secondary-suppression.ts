import type { AttackResult } from './interval-attack';
import type { CubeRelations } from './relations';
import { PRIMARY, SECONDARY } from './status-codes';

/*
 * Secondary (complementary) suppression, the ONS/NHS "at least two suppressed cells in every total" rule:
 * if exactly one cell of a relation is hidden, total minus the visible parts gives it away, so a complement is
 * hidden too. Hiding a complement can leave another relation with exactly one hidden cell (in any dimension),
 * so relations are revisited from a work queue until none has exactly one: the fixed point. Counts only grow,
 * so each relation is repaired at most once and the loop is linear in the size of the relations.
 */

export class SuppressionState {
  /** Suppressed cells per relation. */
  readonly relSupp: Int32Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private size = 0;
  /** Cells hidden by this state (secondary). */
  added = 0;

  constructor(
    readonly rel: CubeRelations,
    /** Status codes (status-codes.ts), updated in place. */
    readonly status: Uint8Array,
    /** True counts; complements are chosen smallest first. */
    readonly counts: Float64Array,
    /** Canonical rank of each cell: the deterministic tie-break. */
    readonly rank: Uint32Array,
  ) {
    this.relSupp = new Int32Array(rel.count);
    this.queue = new Int32Array(rel.count + 1);
    this.queued = new Uint8Array(rel.count);
    const { start, members } = rel;
    for (let r = 0; r < rel.count; r++) {
      let k = 0;
      for (let j = start[r]!; j < start[r + 1]!; j++) if (status[members[j]!]! >= PRIMARY) k++;
      this.relSupp[r] = k;
      if (k === 1) this.enqueue(r);
    }
  }

  private enqueue(r: number): void {
    if (this.queued[r] === 1) return;
    this.queued[r] = 1;
    let tail = this.head + this.size;
    if (tail >= this.queue.length) tail -= this.queue.length;
    this.queue[tail] = r;
    this.size++;
  }

  /** True when a is a better complement than b: smaller count first, then canonical order. */
  private better(a: number, b: number): boolean {
    const ca = this.counts[a]!;
    const cb = this.counts[b]!;
    return ca < cb || (ca === cb && this.rank[a]! < this.rank[b]!);
  }

  /**
   * The complement for a relation: the visible member with the smallest non-zero count. A shown zero is known
   * exactly, so hiding one is a last resort, taken only when every other visible member is zero (e.g. a hidden
   * total whose visible parts are all 0); once hidden it is as unknown as any other cell, so it does protect.
   */
  pickComplement(r: number): number {
    const { start, members } = this.rel;
    let best = -1;
    let bestZero = -1;
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      const m = members[j]!;
      if (this.status[m]! >= PRIMARY) continue;
      if (this.counts[m] === 0) {
        if (bestZero < 0 || this.rank[m]! < this.rank[bestZero]!) bestZero = m;
      } else if (best < 0 || this.better(m, best)) best = m;
    }
    return best >= 0 ? best : bestZero;
  }

  /** Picks the best complement among candidate cells (same preference as pickComplement). */
  pickAmong(cands: Iterable<number>): number {
    let best = -1;
    let bestZero = -1;
    for (const m of cands) {
      if (this.counts[m] === 0) {
        if (bestZero < 0 || this.rank[m]! < this.rank[bestZero]!) bestZero = m;
      } else if (best < 0 || this.better(m, best)) best = m;
    }
    return best >= 0 ? best : bestZero;
  }

  suppress(c: number): void {
    if (this.status[c]! >= PRIMARY) return;
    this.status[c] = SECONDARY;
    this.added++;
    const { cellStart, cellRelations } = this.rel;
    for (let q = cellStart[c]!; q < cellStart[c + 1]!; q++) {
      const r = cellRelations[q]!;
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
      if (this.relSupp[r] !== 1) continue;
      const c = this.pickComplement(r);
      if (c >= 0) this.suppress(c);
      if (onTick && (++ticks & 0x3fff) === 0) onTick();
    }
  }

  /** Relations that hold exactly one suppressed cell (empty at the fixed point). */
  singletons(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.rel.count; r++) if (this.relSupp[r] === 1) out.push(r);
    return out;
  }

  /**
   * A cell to hide so that an unsafe primary cell p is pinned down less: first among the visible members of
   * the relations that produced p's tight bound(s) (following the same "reason" links through hidden cells), and
   * if none, among visible cells reachable from p through hidden cells. Nearest first, then smallest count.
   */
  pickRepair(p: number, attack: AttackResult, loTight: boolean, hiTight: boolean): number {
    const fromReasons = this.searchFrom(p, (c) => {
      const out: number[] = [];
      if (c !== p || loTight) out.push(attack.reasonLo[c]!);
      if (c !== p || hiTight) out.push(attack.reasonHi[c]!);
      return out.filter((r) => r >= 0);
    });
    if (fromReasons >= 0) return fromReasons;
    const { cellStart, cellRelations } = this.rel;
    return this.searchFrom(p, (c) => Array.from(cellRelations.subarray(cellStart[c]!, cellStart[c + 1]!)));
  }

  /** Breadth-first search over relations, expanding through hidden cells; returns the best visible cell of the nearest layer. */
  private searchFrom(p: number, next: (cell: number) => number[]): number {
    const { start, members } = this.rel;
    const seenRel = new Set<number>();
    const seenCell = new Set<number>([p]);
    let frontier = next(p);
    while (frontier.length > 0) {
      const cands = new Set<number>();
      const hidden: number[] = [];
      for (const r of frontier) {
        if (seenRel.has(r)) continue;
        seenRel.add(r);
        for (let j = start[r]!; j < start[r + 1]!; j++) {
          const m = members[j]!;
          if (this.status[m]! < PRIMARY) cands.add(m);
          else if (!seenCell.has(m)) {
            seenCell.add(m);
            hidden.push(m);
          }
        }
      }
      if (cands.size > 0) return this.pickAmong(cands);
      frontier = hidden.flatMap(next);
    }
    return -1;
  }
}
