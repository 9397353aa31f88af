import { describe, expect, it } from 'vitest';
import {
  colourDistance,
  comparisonColour,
  contrastRatio,
  paletteColours,
  relativeLuminance,
  simulateColourBlindness,
  textColourOn,
} from '../../../src/geo/palettes';

const KINDS = ['protan', 'deutan', 'tritan'] as const;

describe('palettes', () => {
  it('gives k colours for 1 to 7 classes', () => {
    for (const kind of ['sequential', 'diverging'] as const) {
      for (let k = 1; k <= 7; k++) {
        const colours = paletteColours(kind, k);
        expect(colours).toHaveLength(k);
        colours.forEach((c) => expect(c).toMatch(/^#[0-9a-f]{6}$/));
      }
    }
  });

  it('runs sequential colours from light to dark, so more reads as darker', () => {
    for (let k = 2; k <= 7; k++) {
      const lum = paletteColours('sequential', k).map(relativeLuminance);
      for (let i = 1; i < lum.length; i++) expect(lum[i]!).toBeLessThan(lum[i - 1]!);
    }
  });

  it('keeps the diverging palette lightest in the middle', () => {
    for (const k of [3, 5, 7]) {
      const lum = paletteColours('diverging', k).map(relativeLuminance);
      const mid = (k - 1) / 2;
      expect(Math.max(...lum)).toBe(lum[mid]);
    }
  });

  it('keeps neighbouring classes apart for people with each kind of colour-blindness', () => {
    for (const kind of ['sequential', 'diverging'] as const) {
      const colours = paletteColours(kind, 5);
      for (const cvd of KINDS) {
        const seen = colours.map((c) => simulateColourBlindness(c, cvd));
        for (let i = 1; i < seen.length; i++) expect(colourDistance(seen[i]!, seen[i - 1]!)).toBeGreaterThan(25);
      }
    }
  });

  it('keeps the comparison categories apart, for colour-blind viewers too', () => {
    for (const polarity of ['higher-is-worse', 'higher-is-better', 'neutral'] as const) {
      const colours = (['higher', 'similar', 'lower'] as const).map((c) => comparisonColour(c, polarity));
      for (const cvd of [null, ...KINDS]) {
        const seen = colours.map((c) => (cvd ? simulateColourBlindness(c, cvd) : c));
        for (let i = 0; i < seen.length; i++)
          for (let j = i + 1; j < seen.length; j++) expect(colourDistance(seen[i]!, seen[j]!)).toBeGreaterThan(40);
      }
    }
    expect(comparisonColour('higher', 'higher-is-worse')).toBe(comparisonColour('lower', 'higher-is-better'));
  });

  it('chooses label text on each fill with at least 4.5:1 contrast', () => {
    const fills = [
      ...[3, 5, 7].flatMap((k) => [...paletteColours('sequential', k), ...paletteColours('diverging', k)]),
      ...(['higher', 'similar', 'lower', 'not-compared'] as const).map((c) => comparisonColour(c, 'higher-is-worse')),
      ...(['higher', 'lower'] as const).map((c) => comparisonColour(c, 'neutral')),
    ];
    for (const fill of fills) expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG contrast the standard way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
