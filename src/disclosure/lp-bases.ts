import type { Basis, BasisStatus } from 'highs';

/*
 * The last simplex basis of each cell and relation, so that a component the repair rounds bring back (grown by the
 * few cells hidden since) starts from where its last LP stopped instead of a cold solve. On the demo without the
 * component cap the same 1,300-2,300-cell components came back round after round for 2-12 open cells, each time
 * with a 1-2 s cold first solve (docs/performance.md).
 *
 * Why the pieces make a basis: hiding only grows components (a relation with an uncertain member keeps it), so a
 * component's cells and relations are the union of whole earlier components plus new ones. Each earlier component's
 * basis has as many basic entries as it had rows; a new column starts nonbasic at its lower bound and a new row's
 * slack basic, so the union has exactly one basic entry per row. Only the simplex's starting point depends on it:
 * HiGHS repairs a singular start, and the solutions, hence the audit, do not depend on it.
 */

const LOWER: BasisStatus = 0;
const BASIC: BasisStatus = 1;
const UPPER: BasisStatus = 2;
const NONE = -1;

export class BasisStore {
  private readonly col: Int8Array;
  private readonly row: Int8Array;

  constructor(cells: number, relations: number) {
    this.col = new Int8Array(cells).fill(NONE);
    this.row = new Int8Array(relations).fill(NONE);
  }

  clear(): void {
    this.col.fill(NONE);
    this.row.fill(NONE);
  }

  /**
   * A starting basis for an LP whose columns are `cells` and rows `relations` (in that order), or null when none of
   * its cells has been in an LP. hi: the columns' upper bounds (a column kept at an upper bound that is now gone,
   * a rounded figure hidden since, starts at its lower bound instead).
   */
  start(cells: readonly number[], relations: readonly number[], hi: Float64Array): Basis | null {
    let known = false;
    const colStatus = new Int32Array(cells.length);
    cells.forEach((c, k) => {
      const s = this.col[c]!;
      if (s !== NONE) known = true;
      colStatus[k] = s === NONE || (s === UPPER && hi[c] === Infinity) ? LOWER : s;
    });
    if (!known) return null;
    const rowStatus = Int32Array.from(relations, (r) => (this.row[r] === NONE ? BASIC : this.row[r]!));
    return { colStatus, rowStatus };
  }

  /** Remembers the basis of an LP over these cells and relations. */
  keep(cells: readonly number[], relations: readonly number[], basis: Basis): void {
    cells.forEach((c, k) => (this.col[c] = basis.colStatus[k]!));
    relations.forEach((r, k) => (this.row[r] = basis.rowStatus[k]!));
  }
}
