/**
 * Colour-blind-safe palettes for choropleths. Sequential: viridis (van der Walt and Smith, matplotlib),
 * run from light (low) to dark (high) so "more" reads as "darker". Diverging: ColorBrewer PuOr (Brewer,
 * colorbrewer2.org), purple below the centre, orange above. Colour never carries meaning alone: tooltips,
 * the table and the legend's text say the same.
 */
import type { BenchmarkComparison, NotCompared, Polarity } from '../stats';

export type PaletteKind = 'sequential' | 'diverging';

export const PALETTE_LABELS: Record<PaletteKind, string> = {
  sequential: 'Sequential (light to dark)',
  diverging: 'Diverging, centred on the whole area',
};

/** viridis sampled at 0, 0.1, ..., 1 (dark purple to yellow). */
const VIRIDIS = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
];

/** ColorBrewer PuOr by number of classes, purple (low) to orange (high): the published order reversed. */
const PUOR: Record<number, string[]> = {
  3: ['#998ec3', '#f7f7f7', '#f1a340'],
  4: ['#5e3c99', '#b2abd2', '#fdb863', '#e66101'],
  5: ['#5e3c99', '#b2abd2', '#f7f7f7', '#fdb863', '#e66101'],
  6: ['#542788', '#998ec3', '#d8daeb', '#fee0b6', '#f1a340', '#b35806'],
  7: ['#542788', '#998ec3', '#d8daeb', '#f7f7f7', '#fee0b6', '#f1a340', '#b35806'],
};

export const MAX_CLASSES = 7;

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v ?? 0)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function interpolate(stops: readonly string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const a = hexToRgb(stops[i]!);
  const b = hexToRgb(stops[i + 1]!);
  const f = x - i;
  return rgbToHex(a.map((v, j) => v + (b[j]! - v) * f));
}

/**
 * k colours, lowest class first. Sequential classes sample viridis between its yellow-green end and its dark
 * purple (the very lightest yellow is skipped so the lowest class still shows against the white page).
 */
export function paletteColours(kind: PaletteKind, k: number): string[] {
  const n = Math.max(1, Math.min(MAX_CLASSES, Math.floor(k)));
  if (kind === 'diverging') {
    if (n === 1) return ['#f7f7f7'];
    if (n === 2) return ['#b2abd2', '#fdb863'];
    return PUOR[n]!;
  }
  if (n === 1) return [interpolate(VIRIDIS, 0.5)];
  // t from 0.92 (light) down to 0.05 (dark): low values light, high values dark.
  return Array.from({ length: n }, (_, i) => interpolate(VIRIDIS, 0.92 - (0.87 * i) / (n - 1)));
}

/** Fill for each comparison with the whole area, by what higher means for the indicator. */
export function comparisonColour(comparison: BenchmarkComparison | NotCompared, polarity: Polarity): string {
  if (comparison === 'similar') return '#d9d9d9';
  if (comparison === 'not-compared') return '#ffffff';
  if (polarity === 'neutral') return comparison === 'higher' ? '#08306b' : '#6baed6';
  const worse = (comparison === 'higher') === (polarity === 'higher-is-worse');
  return worse ? '#b35806' : '#542788';
}

/** Outline and text colours used over the fills. */
export const INK = '#0b0c0c';
export const PAPER = '#ffffff';
/** Fill referencing the hatch pattern defined once per page (see MapPatterns). */
export const HATCH_FILL = 'url(#map-hatch)';
/** Fill for areas with no figure at all (`x`): a dotted pattern, so it is not mistaken for a low class. */
export const NO_DATA_FILL = 'url(#map-no-data)';

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white text, whichever contrasts more with the fill. */
export function textColourOn(fill: string): string {
  if (!fill.startsWith('#')) return INK;
  return contrastRatio(fill, INK) >= contrastRatio(fill, PAPER) ? INK : PAPER;
}

/**
 * Simulated colour vision deficiency (Machado, Oliveira and Fernandes 2009, severity 1), applied to linear
 * RGB; used by tests to check the palettes' classes stay apart for people with protanopia, deuteranopia
 * or tritanopia.
 */
const CVD: Record<'protan' | 'deutan' | 'tritan', number[][]> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export function simulateColourBlindness(hex: string, kind: keyof typeof CVD): string {
  const lin = hexToRgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const m = CVD[kind];
  const out = m.map((row) => row.reduce((s, w, j) => s + w * lin[j]!, 0));
  return rgbToHex(
    out.map((c) => {
      const v = Math.min(1, Math.max(0, c));
      return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
    }),
  );
}

/** Euclidean distance in sRGB (0 to about 441): a crude but stable measure of how far apart two fills look. */
export function colourDistance(a: string, b: string): number {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}
