/**
 * Classing a choropleth's values: quantiles, equal intervals or fixed breaks. Suppressed and missing values
 * are left out before classing (they are drawn hatched or marked, never as the lowest class), and every
 * class includes its upper edge, so a value equal to a break falls in the lower class.
 */

export type ClassMethod = 'quantile' | 'equal' | 'fixed';

export const CLASS_METHOD_LABELS: Record<ClassMethod, string> = {
  quantile: 'Quantiles (about the same number of areas in each class)',
  equal: 'Equal intervals',
  fixed: 'Fixed breaks',
};

export interface Classes {
  /** Class edges, lowest first; class i runs from edges[i] (exclusive, except class 0) to edges[i + 1]. */
  edges: number[];
  /** Number of classes: edges.length - 1, or 0 when there is nothing to class. */
  count: number;
  /** Values classed (suppressed and missing ones left out). */
  n: number;
}

export const NO_CLASSES: Classes = { edges: [], count: 0, n: 0 };

/** The finite numbers among the values, sorted ascending. */
function usable(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

/** Sample quantile by linear interpolation between order statistics (R type 7, Hyndman and Fan 1996). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? sorted[sorted.length - 1]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/**
 * Edges from the breaks worked out between min and max. When every value classed is a whole number (counts), a
 * break between two whole numbers is taken down to the lower one: a count legend reading "over 3,652.2" names a
 * count nobody can have, and since each class includes its upper value, a whole number falls in the same class
 * either way.
 */
function fromInnerBreaks(min: number, max: number, inner: readonly number[], n: number, whole: boolean): Classes {
  const breaks = whole ? inner.map(Math.floor) : inner;
  const edges = [min, ...[...new Set(breaks)].filter((b) => b > min && b < max).sort((a, b) => a - b), max];
  return { edges, count: edges.length - 1, n };
}

/**
 * Breaks values into at most k classes. Ties can merge quantile classes, so fewer may come back; when every
 * value is the same there is one class; with no usable value there are none.
 */
export function classify(
  values: Iterable<number | null | undefined>,
  method: ClassMethod,
  k = 5,
  fixedBreaks: readonly number[] = [],
): Classes {
  const xs = usable(values);
  if (xs.length === 0) return NO_CLASSES;
  const min = xs[0]!;
  const max = xs[xs.length - 1]!;
  const classes = Math.max(1, Math.floor(k));
  if (method === 'fixed') {
    const breaks = [...new Set(fixedBreaks.filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
    if (breaks.length === 0) return { edges: [min, max], count: 1, n: xs.length };
    // Fixed breaks are kept even outside the data's range (an end class may be empty), so the classes and
    // their colours mean the same under every filter.
    const edges = [Math.min(min, breaks[0]!), ...breaks, Math.max(max, breaks[breaks.length - 1]!)];
    return { edges, count: edges.length - 1, n: xs.length };
  }
  if (min === max) return { edges: [min, max], count: 1, n: xs.length };
  const whole = xs.every(Number.isInteger);
  if (method === 'equal') {
    const step = (max - min) / classes;
    const inner = Array.from({ length: classes - 1 }, (_, i) => min + step * (i + 1));
    return fromInnerBreaks(min, max, inner, xs.length, whole);
  }
  const inner = Array.from({ length: classes - 1 }, (_, i) => quantile(xs, (i + 1) / classes));
  const result = fromInnerBreaks(min, max, inner, xs.length, whole);
  // Many ties at the lowest value (months with no events in most small areas) swallow the quantile breaks
  // and leave one class. Then the lowest value gets a class of its own and the rest are split by quantiles.
  const rest = xs.filter((v) => v > min);
  if (result.count < classes && classes > 2 && rest.length > 0 && min < (rest[0] ?? min)) {
    const others = classify(rest, 'quantile', classes - 1);
    if (others.count + 1 > result.count)
      return { edges: [min, min, ...others.edges.slice(1)], count: others.count + 1, n: xs.length };
  }
  return result;
}

/**
 * Equal intervals centred on a reference value (the whole VRU area's rate), for a diverging palette: the
 * middle class holds the reference, and the classes spread as far as the furthest value on either side.
 */
export function classifyCentred(values: Iterable<number | null | undefined>, centre: number, k = 5): Classes {
  const xs = usable(values);
  if (xs.length === 0 || !Number.isFinite(centre)) return NO_CLASSES;
  const reach = Math.max(Math.abs(xs[0]! - centre), Math.abs(xs[xs.length - 1]! - centre));
  const classes = Math.max(1, Math.floor(k) | 1); // an odd number, so one class is centred
  if (reach === 0) return { edges: [centre, centre], count: 1, n: xs.length };
  const width = (2 * reach) / classes;
  const edges = Array.from({ length: classes + 1 }, (_, i) => centre - reach + width * i);
  edges[classes] = centre + reach;
  return { edges, count: classes, n: xs.length };
}

/** Which class a value falls in (0-based); values outside the edges go to the end class. */
export function classIndex(value: number, classes: Classes): number {
  if (classes.count <= 0) return -1;
  for (let i = 0; i < classes.count; i++) {
    if (value <= classes.edges[i + 1]!) return i;
  }
  return classes.count - 1;
}

/** Parses breaks typed by a person ("5, 10, 20"); anything that is not a number is reported. */
export function parseBreaks(text: string): { breaks: number[]; invalid: string[] } {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const breaks: number[] = [];
  const invalid: string[] = [];
  for (const p of parts) {
    const n = Number(p.replaceAll('_', ''));
    if (Number.isFinite(n)) breaks.push(n);
    else invalid.push(p);
  }
  return { breaks: [...new Set(breaks)].sort((a, b) => a - b), invalid };
}

/** Legend text for each class: "2.0 to 5.1", then "over 5.1 to 8.3", so each value belongs to exactly one. */
export function classLabels(classes: Classes, format: (v: number) => string): string[] {
  return Array.from({ length: classes.count }, (_, i) => {
    const lo = format(classes.edges[i]!);
    const hi = format(classes.edges[i + 1]!);
    if (lo === hi) return classes.count === 1 ? lo : i === 0 ? `${lo} or less` : `over ${lo}`;
    return i === 0 ? `${lo} to ${hi}` : `over ${lo} to ${hi}`;
  });
}
