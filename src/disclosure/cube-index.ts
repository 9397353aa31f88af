import { cellKey, type CubeCell } from './cube-types';

/*
 * Integer coordinates for the cells of a cube. Every dimension value is interned to a code assigned in sorted
 * order of the value, so codes, the canonical cell order and everything derived from them are the same whatever
 * order the cells arrive in (the determinism the disclosure decisions rely on).
 *
 * Indexing a typed array with a number yields `number | undefined` under noUncheckedIndexedAccess; indices in
 * this folder are in range by construction, so hot loops use `!`.
 */

export interface CubeIndex {
  readonly n: number;
  readonly indicator: Int32Array;
  readonly area: Int32Array;
  readonly period: Int32Array;
  readonly age: Int32Array;
  readonly sex: Int32Array;
  readonly areaValues: readonly string[];
  readonly periodValues: readonly string[];
  readonly ageValues: readonly string[];
  readonly sexValues: readonly string[];
  /** Strides of the composite coordinate: composite = ind*sInd + area*sArea + period*sPeriod + age*sAge + sex. */
  readonly strideIndicator: number;
  readonly strideArea: number;
  readonly stridePeriod: number;
  readonly strideAge: number;
  /** Composite coordinate of each cell. */
  readonly composite: Float64Array;
  /** Composite coordinate -> cell index, or -1 when the cube has no such cell. */
  readonly find: (composite: number) => number;
  /** Cell indices in canonical (composite) order. */
  readonly order: Uint32Array;
  /** rank[cell] = position of the cell in canonical order; the deterministic tie-break. */
  readonly rank: Uint32Array;
}

/** Interns one dimension in a single pass, then renumbers codes in sorted order of the values. */
function intern(n: number, get: (i: number) => string): { values: string[]; codes: Int32Array } {
  const provisional = new Map<string, number>();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = get(i);
    let c = provisional.get(v);
    if (c === undefined) {
      c = provisional.size;
      provisional.set(v, c);
    }
    codes[i] = c;
  }
  const values = [...provisional.keys()].sort();
  const remap = new Int32Array(values.length);
  values.forEach((v, i) => (remap[provisional.get(v)!] = i));
  for (let i = 0; i < n; i++) codes[i] = remap[codes[i]!]!;
  return { values, codes };
}

export function indexCube(cells: readonly CubeCell[]): CubeIndex {
  const n = cells.length;
  const ind = intern(n, (i) => cells[i]!.indicatorId);
  const area = intern(n, (i) => cells[i]!.areaCode);
  const period = intern(n, (i) => cells[i]!.period);
  const age = intern(n, (i) => cells[i]!.ageBand);
  const sex = intern(n, (i) => cells[i]!.sex);

  const strideAge = sex.values.length;
  const stridePeriod = strideAge * age.values.length;
  const strideArea = stridePeriod * period.values.length;
  const strideIndicator = strideArea * area.values.length;
  const space = strideIndicator * ind.values.length;
  if (space > Number.MAX_SAFE_INTEGER) throw new RangeError('cube has too many distinct dimension values to index');

  const composite = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    composite[i] =
      ind.codes[i]! * strideIndicator +
      area.codes[i]! * strideArea +
      period.codes[i]! * stridePeriod +
      age.codes[i]! * strideAge +
      sex.codes[i]!;
  }

  // A full cube fills most of its coordinate space, so a dense table is the fast lookup; sparse cubes use a Map.
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
    indicator: ind.codes,
    area: area.codes,
    period: period.codes,
    age: age.codes,
    sex: sex.codes,
    areaValues: area.values,
    periodValues: period.values,
    ageValues: age.values,
    sexValues: sex.values,
    strideIndicator,
    strideArea,
    stridePeriod,
    strideAge,
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
