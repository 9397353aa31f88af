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
  /** Composite coordinate -> cell index. */
  readonly lookup: ReadonlyMap<number, number>;
  /** Cell indices in canonical (composite) order. */
  readonly order: Uint32Array;
  /** rank[cell] = position of the cell in canonical order; the deterministic tie-break. */
  readonly rank: Uint32Array;
}

function intern(values: Iterable<string>): { values: string[]; code: Map<string, number> } {
  const sorted = [...new Set(values)].sort();
  return { values: sorted, code: new Map(sorted.map((v, i) => [v, i])) };
}

export function indexCube(cells: readonly CubeCell[]): CubeIndex {
  const n = cells.length;
  const ind = intern(cells.map((c) => c.indicatorId));
  const area = intern(cells.map((c) => c.areaCode));
  const period = intern(cells.map((c) => c.period));
  const age = intern(cells.map((c) => c.ageBand));
  const sex = intern(cells.map((c) => c.sex));

  const strideAge = sex.values.length;
  const stridePeriod = strideAge * age.values.length;
  const strideArea = stridePeriod * period.values.length;
  const strideIndicator = strideArea * area.values.length;
  if (strideIndicator * ind.values.length > Number.MAX_SAFE_INTEGER) {
    throw new RangeError('cube has too many distinct dimension values to index');
  }

  const I = new Int32Array(n);
  const A = new Int32Array(n);
  const P = new Int32Array(n);
  const G = new Int32Array(n);
  const S = new Int32Array(n);
  const composite = new Float64Array(n);
  const lookup = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = cells[i]!;
    const ci = ind.code.get(c.indicatorId)!;
    const ca = area.code.get(c.areaCode)!;
    const cp = period.code.get(c.period)!;
    const cg = age.code.get(c.ageBand)!;
    const cs = sex.code.get(c.sex)!;
    I[i] = ci;
    A[i] = ca;
    P[i] = cp;
    G[i] = cg;
    S[i] = cs;
    const k = ci * strideIndicator + ca * strideArea + cp * stridePeriod + cg * strideAge + cs;
    composite[i] = k;
    if (lookup.has(k)) throw new Error(`the cube holds cell ${cellKey(c)} twice`);
    lookup.set(k, i);
  }

  // Composites are unique, so a numeric typed-array sort gives the canonical order without a comparator.
  const sorted = Float64Array.from(composite).sort();
  const order = new Uint32Array(n);
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    const i = lookup.get(sorted[r]!)!;
    order[r] = i;
    rank[i] = r;
  }

  return {
    n,
    indicator: I,
    area: A,
    period: P,
    age: G,
    sex: S,
    areaValues: area.values,
    periodValues: period.values,
    ageValues: age.values,
    sexValues: sex.values,
    strideIndicator,
    strideArea,
    stridePeriod,
    strideAge,
    composite,
    lookup,
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
