/**
 * A small seeded pseudo-random number generator for the synthetic demo data, so that
 * `npm run demo-data` writes the same bytes on every run (Math.random is never used).
 *
 * Streams are keyed by strings (e.g. seed, indicator id, area code): each key gets its own independent
 * stream, so changing one indicator's model does not shift the random numbers of any other.
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded by a cyrb128-style hash.
 */

function hash128(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...key: readonly (string | number)[]) {
    [this.a, this.b, this.c, this.d] = hash128(key.join('\u001f'));
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform on (0, 1): safe to take the logarithm of. */
  private open(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Standard normal (Box-Muller; one value per call, for simplicity and stream stability). */
  normal(mean = 0, sd = 1): number {
    const u = this.open();
    const v = this.open();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Gamma(shape, scale), Marsaglia and Tsang (2000). */
  gamma(shape: number, scale = 1): number {
    if (shape <= 0) throw new Error(`gamma shape must be positive, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.open();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b) via two gammas. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Poisson(lambda): Knuth's method for small means, a rounded normal approximation for large ones. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 40) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.open();
      while (p > limit) {
        k++;
        p *= this.open();
      }
      return k;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
  }

  /**
   * Over-dispersed counts: a gamma-Poisson (negative binomial) draw with the given mean and shape k
   * (variance = mean + mean^2 / k; smaller k, more over-dispersion).
   */
  negativeBinomial(mean: number, k: number): number {
    if (!(mean > 0)) return 0;
    return this.poisson(this.gamma(k, mean / k));
  }

  /** Binomial(n, p) by summing Bernoulli trials (n is small here), or a normal approximation for large n. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n > 400) {
      const sd = Math.sqrt(n * p * (1 - p));
      return Math.min(n, Math.max(0, Math.round(n * p + sd * this.normal())));
    }
    let k = 0;
    for (let i = 0; i < n; i++) if (this.uniform() < p) k++;
    return k;
  }

  /** Beta-binomial: a binomial whose probability itself varies (concentration: larger, less extra variation). */
  betaBinomial(n: number, p: number, concentration: number): number {
    if (n <= 0) return 0;
    const q = Math.min(0.999, Math.max(0.001, p));
    return this.binomial(n, this.beta(q * concentration, (1 - q) * concentration));
  }
}
