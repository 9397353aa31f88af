import { cellKey, type CubeCell } from './cube-types';

/*
 * Integer coordinates for the cells of a cube. Relations never cross indicators, so each indicator gets its own
 * coordinate space (only the areas, periods, ages and sexes it actually has), laid end to end: a full cube then
 * fills its space and lookups are a typed-array read. Every value is interned to a code assigned in sorted
 * order of the value, so codes, the canonical cell order and everything derived from them are the same whatever
 * order the cells arrive in (the determinism the disclosure decisions rely on).
 *
 * Indexing a typed array with a number yields `number | undefined` under noUncheckedIndexedAccess; indices in
 * this folder are in range by construction, so hot loops use `!`.
 */

/** The coordinate space of one indicator. */
export interface IndicatorSpace {
  readonly id: string;
  /** Sorted values present for this indicator; a cell's local code indexes these. */
  readonly areaValues: readonly string[];
  readonly periodValues: readonly string[];
  readonly ageValues: readonly string[];
  readonly sexValues: readonly string[];
  /** composite = offset + area * strideArea + period * stridePeriod + age * strideAge + sex. */
  readonly offset: number;
  readonly strideArea: number;
  readonly stridePeriod: number;
  readonly strideAge: number;
}

export interface CubeIndex {
  readonly n: number;
  /** Indicator code of each cell (index into `indicators`). */
  readonly indicator: Int32Array;
  /** Local codes of each cell within its indicator's space. */
  readonly area: Int32Array;
  readonly period: Int32Array;
  readonly age: Int32Array;
  readonly sex: Int32Array;
  readonly indicators: readonly IndicatorSpace[];
  /** Composite coordinate of each cell. */
  readonly composite: Float64Array;
  /** Composite coordinate -> cell index, or -1 when the cube has no such cell. */
  readonly find: (composite: number) => number;
  /** Cell indices in canonical (composite) order. */
  readonly order: Uint32Array;
  /** rank[cell] = position of the cell in canonical order; the deterministic tie-break. */
  readonly rank: Uint32Array;
}

interface Sorted {
  values: string[];
  remap: Int32Array;
}

/** Interns values to provisional codes in one pass; `sortedCodes` then renumbers them in sorted order. */
class Interner {
  private readonly code = new Map<string, number>();
  intern(v: string): number {
    let c = this.code.get(v);
    if (c === undefined) {
      c = this.code.size;
      this.code.set(v, c);
    }
    return c;
  }
  /** Sorted values and provisional code -> sorted code. */
  sorted(): Sorted {
    const values = [...this.code.keys()].sort();
    const remap = new Int32Array(values.length);
    values.forEach((v, i) => (remap[this.code.get(v)!] = i));
    return { values, remap };
  }
}

export function indexCube(cells: readonly CubeCell[]): CubeIndex {
  const n = cells.length;
  const indicators = new Interner();
  // Per indicator: area, period, age and sex interners.
  const perIndicator: [Interner, Interner, Interner, Interner][] = [];
  const I = new Int32Array(n);
  const dims = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  for (let i = 0; i < n; i++) {
    const c = cells[i]!;
    const ind = indicators.intern(c.indicatorId);
    I[i] = ind;
    const own = (perIndicator[ind] ??= [new Interner(), new Interner(), new Interner(), new Interner()]);
    dims[0][i] = own[0].intern(c.areaCode);
    dims[1][i] = own[1].intern(c.period);
    dims[2][i] = own[2].intern(c.ageBand);
    dims[3][i] = own[3].intern(c.sex);
  }

  // Renumber everything in sorted order and lay the indicator spaces end to end.
  const ind = indicators.sorted();
  const spaces: IndicatorSpace[] = [];
  const remaps: Int32Array[][] = [];
  let offset = 0;
  for (const id of ind.values) {
    const provisional = indicators.intern(id);
    const [ai, pi, gi, si] = perIndicator[provisional]!;
    const [a, p, g, s] = [ai.sorted(), pi.sorted(), gi.sorted(), si.sorted()];
    const strideAge = s.values.length;
    const stridePeriod = strideAge * g.values.length;
    const strideArea = stridePeriod * p.values.length;
    spaces.push({
      id,
      areaValues: a.values,
      periodValues: p.values,
      ageValues: g.values,
      sexValues: s.values,
      offset,
      strideArea,
      stridePeriod,
      strideAge,
    });
    remaps[provisional] = [a.remap, p.remap, g.remap, s.remap];
    offset += strideArea * a.values.length;
  }
  const space = offset;
  if (space > Number.MAX_SAFE_INTEGER) throw new RangeError('cube has too many distinct dimension values to index');

  const composite = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const provisional = I[i]!;
    const r = remaps[provisional]!;
    const sp = spaces[ind.remap[provisional]!]!;
    const a = (dims[0][i] = r[0]![dims[0][i]!]!);
    const p = (dims[1][i] = r[1]![dims[1][i]!]!);
    const g = (dims[2][i] = r[2]![dims[2][i]!]!);
    const s = (dims[3][i] = r[3]![dims[3][i]!]!);
    I[i] = ind.remap[provisional]!;
    composite[i] = sp.offset + a * sp.strideArea + p * sp.stridePeriod + g * sp.strideAge + s;
  }

  // A full cube fills most of its space, so a dense table is the fast lookup; sparse cubes use a Map.
  const duplicate = (i: number): never => {
    throw new Error(`the cube holds cell ${cellKey(cells[i]!)} twice`);
  };
  let find: (k: number) => number;
  if (space <= Math.max(1 << 20, 8 * n)) {
    const table = new Int32Array(space).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = composite[i]!;
      if (table[k] !== -1) duplicate(i);
      table[k] = i;
    }
    find = (k) => (k >= 0 && k < space ? table[k]! : -1);
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = composite[i]!;
      if (map.has(k)) duplicate(i);
      map.set(k, i);
    }
    find = (k) => map.get(k) ?? -1;
  }

  // Composites are unique, so a numeric typed-array sort gives the canonical order without a comparator.
  const sorted = Float64Array.from(composite).sort();
  const order = new Uint32Array(n);
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    const i = find(sorted[r]!);
    order[r] = i;
    rank[i] = r;
  }

  return {
    n,
    indicator: I,
    area: dims[0],
    period: dims[1],
    age: dims[2],
    sex: dims[3],
    indicators: spaces,
    composite,
    find,
    order,
    rank,
  };
}

/** An append-only Uint32 list, to build CSR arrays without boxing millions of numbers. */
export class U32Builder {
  private buf: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Uint32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  toArray(): Uint32Array {
    return this.buf.slice(0, this.length);
  }
}
