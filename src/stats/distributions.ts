// Special functions and distribution quantiles, written here so the statistics need no numeric
// library. Accuracy target is close to double precision: the PHEindicatormethods conformance
// values are checked to 1e-6 relative difference and they depend on qnorm / qchisq.

const LOG_SQRT_2PI = 0.9189385332046727; // log(sqrt(2*pi))

// Lanczos approximation (g = 7, n = 9), ~1e-15 relative accuracy for x > 0.
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
] as const;

/** Natural log of the gamma function, x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) {
    // Reflection formula keeps accuracy near 0.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;

/** log of x^a e^-x / Gamma(a), given logGammaA = logGamma(a): the prefactor of both expansions. */
function logGammaPrefactor(a: number, x: number, logGammaA: number): number {
  return a * Math.log(x) - x - logGammaA;
}

/** Series for P(a, x); converges well for x < a + 1 (Numerical Recipes gser). */
function gammaSeries(a: number, x: number, logGammaA: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < MAX_ITER; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(logGammaPrefactor(a, x, logGammaA));
}

/** Continued fraction for Q(a, x) by modified Lentz; converges well for x >= a + 1 (NR gcf). */
function gammaContinuedFraction(a: number, x: number, logGammaA: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(logGammaPrefactor(a, x, logGammaA)) * h;
}

// P and Q given logGamma(a), so that a quantile search finds it once rather than at every step.
function gammaPGivenLogGamma(a: number, x: number, logGammaA: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x, logGammaA) : 1 - gammaContinuedFraction(a, x, logGammaA);
}

function gammaQGivenLogGamma(a: number, x: number, logGammaA: number): number {
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x, logGammaA) : gammaContinuedFraction(a, x, logGammaA);
}

/** Regularized lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaP needs a > 0, got ${a}`);
  return gammaPGivenLogGamma(a, x, logGamma(a));
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without cancellation. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaQ needs a > 0, got ${a}`);
  return gammaQGivenLogGamma(a, x, logGamma(a));
}

/** Continued fraction for the incomplete beta function by modified Lentz (NR betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** log(1 / B(a, b)): the normalising constant of the Beta(a, b) density, in logs. */
function logBetaNorm(a: number, b: number): number {
  return logGamma(a + b) - logGamma(a) - logGamma(b);
}

/** x^a (1 - x)^b / B(a, b): the prefactor of the continued fraction, given logBetaNorm(a, b). */
function betaFront(x: number, a: number, b: number, logNorm: number): number {
  return Math.exp(logNorm + a * Math.log(x) + b * Math.log1p(-x));
}

/** I_x(a, b) for 0 < x < 1 from its prefactor betaFront(x, a, b). */
function regularizedBetaFromFront(x: number, a: number, b: number, front: number): number {
  // Use the continued fraction where it converges quickly, symmetry otherwise (NR betai).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Regularized incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`regularizedBeta needs a, b > 0, got ${a}, ${b}`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return regularizedBetaFromFront(x, a, b, betaFront(x, a, b, logBetaNorm(a, b)));
}

/**
 * Standard normal quantile: Wichura's algorithm AS241 (PPND16, Applied Statistics 1988),
 * about 1e-16 relative accuracy - the same algorithm as R's qnorm.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852545 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r + 0.0007868691311456133) * r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

/** Standard normal CDF via erfc(x) = Q(1/2, x^2), accurate in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const half = 0.5 * regularizedGammaQ(0.5, (x * x) / 2);
  return x < 0 ? half : 1 - half;
}

/** Upper tail of the standard normal, 1 - normalCdf(x), without cancellation. */
export function normalUpperTail(x: number): number {
  return normalCdf(-x);
}

/**
 * Quantile of the gamma distribution with the given shape and unit scale: the x with
 * P(shape, x) = p. Wilson-Hilferty start, then safeguarded Newton steps inside a shrinking
 * bracket (bisection when Newton leaves it); the upper tail is solved on Q to avoid cancellation.
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gammaQuantile needs shape > 0, got ${shape}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`gammaQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  // f(x) is increasing in x in both cases.
  const logGammaShape = logGamma(shape);
  const f = (x: number): number =>
    upper ? target - gammaQGivenLogGamma(shape, x, logGammaShape) : gammaPGivenLogGamma(shape, x, logGammaShape) - target;
  const logDensity = (x: number): number => (shape - 1) * Math.log(x) - x - logGammaShape;

  // Starting value.
  const z = normalQuantile(p);
  let x: number;
  const wh = 1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape));
  if (wh > 0 && shape > 0.5) x = shape * wh * wh * wh;
  else x = Math.exp((Math.log(p) + logGamma(shape + 1)) / shape); // small-x expansion P ~ x^a / Gamma(a+1)
  if (!(x > 0) || !Number.isFinite(x)) x = shape;

  // Bracket the root by doubling from the start value (or from 1 if the start is below it). A
  // start value on an end of the bracket is kept, and f there is not evaluated again.
  let lo = 0;
  let hi = Math.max(x, 1);
  let fLo = NaN;
  let fHi = f(hi);
  while (fHi < 0) {
    lo = hi;
    fLo = fHi;
    hi *= 2;
    fHi = f(hi);
  }
  if (x > hi || x < lo) x = (lo + hi) / 2;
  let fx = x === hi ? fHi : x === lo ? fLo : f(x);

  for (let i = 0; i < 200; i++) {
    if (fx === 0) return x;
    if (fx < 0) lo = x;
    else hi = x;
    const next = x - fx / Math.exp(logDensity(x));
    // Test convergence before the bracket: a step below half an ulp leaves next on an end.
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next > lo && next < hi ? next : (lo + hi) / 2;
    if (hi - lo <= 1e-15 * hi) return x;
    fx = f(x);
  }
  return x;
}

/** Chi-square quantile with df degrees of freedom (R's qchisq), via the gamma quantile. */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}

/** Poisson CDF P(Y <= k) for mean mu, k an integer >= 0: Q(k + 1, mu). */
export function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  if (mu <= 0) return 1;
  return regularizedGammaQ(Math.floor(k) + 1, mu);
}

/** Binomial CDF P(Y <= k) for Y ~ Bin(n, p): I_{1-p}(n - k, k + 1). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return regularizedBeta(1 - p, n - Math.floor(k), Math.floor(k) + 1);
}

/**
 * Negative binomial CDF P(Y <= k), parametrised by mean mu and size theta (variance
 * mu + mu^2/theta): I_{theta/(theta+mu)}(theta, k + 1). Falls back to the Poisson when the
 * extra-Poisson variance is negligible (mu/theta < 1e-4: standard deviation changes < 0.005%).
 */
export function negativeBinomialCdf(k: number, mu: number, theta: number): number {
  if (k < 0) return 0;
  if (mu <= 0) return 1;
  if (!Number.isFinite(theta) || mu / theta < 1e-4) return poissonCdf(k, mu);
  return regularizedBeta(theta / (theta + mu), theta, Math.floor(k) + 1);
}

/**
 * Starting value for the Beta(a, b) quantile: algorithm AS 109 (Cran, Martin & Thomas, Applied
 * Statistics 1977), as in R's qbeta. It works on the smaller tail, swapping the shapes for p > 1/2;
 * logBeta is log B(a, b).
 */
function betaQuantileStart(p: number, a: number, b: number, logBeta: number): number {
  const swap = p > 0.5;
  const tail = swap ? 1 - p : p;
  const pp = swap ? b : a;
  const qq = swap ? a : b;
  // Hastings' approximation to the upper normal deviate of the tail.
  const r0 = Math.sqrt(-2 * Math.log(tail));
  const y = r0 - (2.30753 + 0.27061 * r0) / (1 + (0.99229 + 0.04481 * r0) * r0);
  let x: number;
  if (pp > 1 && qq > 1) {
    const r = (y * y - 3) / 6;
    const s = 1 / (2 * pp - 1);
    const t = 1 / (2 * qq - 1);
    const h = 2 / (s + t);
    const w = (y * Math.sqrt(h + r)) / h - (t - s) * (r + 5 / 6 - 2 / (3 * h));
    x = pp / (pp + qq * Math.exp(2 * w));
  } else {
    const r = 2 * qq;
    const t0 = 1 / (9 * qq);
    const chi = r * (1 - t0 + y * Math.sqrt(t0)) ** 3;
    if (chi <= 0) x = 1 - Math.exp((Math.log1p(-tail) + Math.log(qq) + logBeta) / qq);
    else {
      const t = (4 * pp + r - 2) / chi;
      x = t <= 1 ? Math.exp((Math.log(tail * pp) + logBeta) / pp) : 1 - 2 / (t + 1);
    }
  }
  return swap ? 1 - x : x;
}

// Below this relative width, where a root lands on the stretch of x that rounding in I(x) blurs
// is immaterial; on a wider stretch bisection settles it as the earlier bisection did.
const BETA_FLAT_WIDTH = 1e-13;

/**
 * Quantile of a Beta(a, b) distribution: the x with I_x(a, b) = p. AS 109 start (as R's qbeta),
 * then Halley steps inside a shrinking bracket, bisecting whenever a step leaves it or stalls, to
 * 1e-15 relative or the rounding noise of I_x near p; the scheme of gammaQuantile. The density's
 * normalising constant is found once per call, not once per step.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p)) return NaN;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (!(a > 0) || !(b > 0)) throw new RangeError(`betaQuantile needs a, b > 0, got ${a}, ${b}`);
  const logNorm = logBetaNorm(a, b);
  let x = betaQuantileStart(p, a, b, -logNorm);
  if (!(x > 0 && x < 1)) x = 0.5;
  let lo = 0; // I(lo) < p
  let hi = 1; // I(hi) >= p
  let onFlat = false;
  // The last two steps, for the test of progress.
  let step = 1;
  let stepBefore = 1;
  for (let i = 0; i < 200; i++) {
    const front = betaFront(x, a, b, logNorm);
    const fx = regularizedBetaFromFront(x, a, b, front) - p;
    if (fx < 0) lo = x;
    else hi = x;
    const density = front / (x * (1 - x));
    // The x-width of the rounding noise in f: no root is located more finely than this.
    const noise = betaNoise(x, a, b, logNorm, p);
    const width = noise / density;
    if (Math.abs(fx) <= noise && width <= BETA_FLAT_WIDTH * x) return inBracket(x - fx / density, lo, hi);
    if (fx === 0 || onFlat) {
      // Far in a tail I(x) equals p on a wide stretch: bisect to its left end, first probing
      // just left of x, as that end is near and lo may be far.
      const probe = x - 2 * width;
      x = !onFlat && probe > lo ? probe : (lo + hi) / 2;
      onFlat = true;
      if (hi - lo <= 1e-15 * hi) return x;
      continue;
    }
    // Newton step f/f'; Halley's correction from f''/f' = (a - 1)/x - (b - 1)/(1 - x) only
    // while it is small: far from the root it would shrink the step to a crawl.
    const newton = fx / density;
    const correction = 0.5 * newton * ((a - 1) / x - (b - 1) / (1 - x));
    const next = x - (Math.abs(correction) <= 0.5 ? newton / (1 - correction) : newton);
    // Test convergence before the bracket: a step below half an ulp leaves next on an end.
    if (Math.abs(next - x) <= 1e-15 * x) return inBracket(next, lo, hi);
    // Bisect when the step leaves the bracket or does not halve the step before last (as
    // Numerical Recipes' rtsafe): far out in a tail of a large shape, Newton creeps.
    const newtonOk = next > lo && next < hi && 2 * Math.abs(next - x) <= stepBefore;
    const nextX = newtonOk ? next : splitBracket(lo, hi);
    stepBefore = step;
    step = Math.abs(nextX - x);
    x = nextX;
    if (hi - lo <= 1e-15 * hi) return x;
  }
  return x;
}

/**
 * A point to bisect a bracket inside (0, 1) at: the geometric mean where the bracket spans
 * orders of magnitude near 0 (or near 1, on the distance from 1), as roots there can be tiny;
 * the midpoint otherwise.
 */
function splitBracket(lo: number, hi: number): number {
  if (lo > 0 && hi > 16 * lo) return Math.sqrt(lo * hi);
  if (hi < 1 && 1 - lo > 16 * (1 - hi)) return 1 - Math.sqrt((1 - lo) * (1 - hi));
  return (lo + hi) / 2;
}

/**
 * Rounding noise of I_x(a, b) - p near the root: front is exp of a sum of terms this large, so
 * its relative error is about their size in ulps; that error scales the smaller tail of I, and
 * p itself is known to an ulp.
 */
function betaNoise(x: number, a: number, b: number, logNorm: number, p: number): number {
  const terms = 4 + Math.abs(logNorm) + Math.abs(a * Math.log(x)) + Math.abs(b * Math.log1p(-x));
  return Number.EPSILON * (terms * Math.min(p, 1 - p) + p);
}

/** x held to [lo, hi]: a last tiny step must not take a quantile past 1 (or a bracket end). */
function inBracket(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Smallest integer k with cdf(k) >= p for a discrete distribution on 0, 1, 2, ... whose mean
 * and standard deviation are known (used to bracket the search), by integer bisection.
 */
export function discreteQuantile(p: number, cdf: (k: number) => number, mean: number, sd: number): number {
  if (p <= 0) return 0;
  let lo = -1; // cdf(lo) < p (cdf(-1) = 0)
  let hi = Math.max(0, Math.ceil(mean + 10 * sd + 10));
  while (cdf(hi) < p) {
    lo = hi;
    hi = hi * 2 + 10;
  }
  const guess = Math.floor(mean - 10 * sd);
  if (guess > 0 && guess < hi && cdf(guess) < p) lo = guess;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}
