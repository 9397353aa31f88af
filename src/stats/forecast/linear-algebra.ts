// Just enough dense linear algebra for IRLS on a ~13-parameter model: the normal equations
// X'WX b = X'Wz are symmetric positive definite, so a Cholesky factorisation solves them and
// gives the inverse (the parameter covariance) cheaply and stably.

/** Dense square matrix in row-major order. */
export interface SquareMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

export function zeros(n: number): SquareMatrix {
  return { n, data: new Float64Array(n * n) };
}

export function get(m: SquareMatrix, i: number, j: number): number {
  return m.data[i * m.n + j] ?? NaN;
}

export function set(m: SquareMatrix, i: number, j: number, v: number): void {
  m.data[i * m.n + j] = v;
}

/** Element of a vector, NaN (never undefined) when out of range so errors surface in results. */
export function at(v: ArrayLike<number>, i: number): number {
  return v[i] ?? NaN;
}

/**
 * A matrix of n rows of p in one row-major block: the IRLS loop (fit.ts) runs on it with plain loops, where row
 * arrays and a closure per element made a district's hotspot test 4 ms.
 */
export interface RowMatrix {
  n: number;
  p: number;
  x: Float64Array;
}

export function rowMatrix(rows: readonly (readonly number[])[]): RowMatrix {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const x = new Float64Array(n * p);
  rows.forEach((row, r) => {
    for (let j = 0; j < p; j++) x[r * p + j] = at(row, j);
  });
  return { n, p, x };
}

/** X'WX for the rows x_i of X with weights w_i. */
export function weightedCrossProduct(d: RowMatrix, w: ArrayLike<number>): SquareMatrix {
  const { n, p, x } = d;
  const out = zeros(p);
  const o = out.data;
  for (let r = 0; r < n; r++) {
    const wr = at(w, r);
    const row = r * p;
    for (let i = 0; i < p; i++) {
      const wxi = wr * x[row + i]!;
      if (wxi === 0) continue;
      for (let j = 0; j <= i; j++) o[i * p + j] = o[i * p + j]! + wxi * x[row + j]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) o[j * p + i] = o[i * p + j]!;
  return out;
}

/**
 * Cholesky factor L (lower triangular, A = LL'). Returns null when A is not numerically
 * positive definite: a pivot below relTol x the largest diagonal element means the columns
 * are (nearly) linearly dependent.
 */
export function cholesky(a: SquareMatrix, relTol: number = 1e-12): SquareMatrix | null {
  const n = a.n;
  const l = zeros(n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(get(a, i, i)));
  for (let j = 0; j < n; j++) {
    let d = get(a, j, j);
    for (let k = 0; k < j; k++) d -= get(l, j, k) ** 2;
    if (!(d > relTol * maxDiag)) return null;
    const ljj = Math.sqrt(d);
    set(l, j, j, ljj);
    for (let i = j + 1; i < n; i++) {
      let s = get(a, i, j);
      for (let k = 0; k < j; k++) s -= get(l, i, k) * get(l, j, k);
      set(l, i, j, s / ljj);
    }
  }
  return l;
}

/** Solves LL'x = b given the Cholesky factor L. */
export function choleskySolve(l: SquareMatrix, b: readonly number[]): number[] {
  const n = l.n;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = at(b, i);
    for (let k = 0; k < i; k++) s -= get(l, i, k) * at(y, k);
    y[i] = s / get(l, i, i);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = at(y, i);
    for (let k = i + 1; k < n; k++) s -= get(l, k, i) * at(x, k);
    x[i] = s / get(l, i, i);
  }
  return x;
}

/** A^-1 from the Cholesky factor of A, column by column. */
export function choleskyInverse(l: SquareMatrix): SquareMatrix {
  const n = l.n;
  const inv = zeros(n);
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const col = choleskySolve(l, e);
    for (let i = 0; i < n; i++) set(inv, i, j, at(col, i));
  }
  return inv;
}

/** x'Ay for a symmetric matrix A. */
export function bilinear(x: readonly number[], a: SquareMatrix, y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.n; i++) {
    const xi = at(x, i);
    if (xi === 0) continue;
    for (let j = 0; j < a.n; j++) s += xi * get(a, i, j) * at(y, j);
  }
  return s;
}

export function dot(x: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += at(x, i) * at(y, i);
  return s;
}
