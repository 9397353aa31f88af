import { describe, expect, it } from 'vitest';
import { HATCH_FILL, NO_DATA_FILL, paletteColours } from '../../../src/geo/palettes';
import type { Indicator } from '../../../src/contract';
import { buildMapModel, defaultIndicator, findingTitle, periodText } from '../../../src/views/map/map-model';
import { ctx, districtFigures } from './fixtures';
import { crudeRate } from '../../../src/stats';

const opts = {
  measure: 'rate' as const,
  method: 'quantile' as const,
  palette: 'sequential' as const,
  classes: 5,
  fixedBreaks: [],
};

describe('buildMapModel', () => {
  it('colours shown areas by class, hatches c and dots x, and lists both in the legend', () => {
    const figures = districtFigures();
    const model = buildMapModel(figures, opts, ctx(figures));
    const colours = paletteColours('sequential', 5);
    expect(model.byCode.get('E07000122')).toMatchObject({ fill: HATCH_FILL, symbol: 'c', valueText: 'c', classIndex: -1 });
    expect(model.byCode.get('E07000125')).toMatchObject({ fill: NO_DATA_FILL, symbol: 'x' });
    expect(model.byCode.get('E06000008')!.fill).toBe(colours[0]);
    expect(model.byCode.get('E07000128')!.fill).toBe(colours[4]);
    expect(model.legend.map((e) => e.key)).toEqual(['0', '1', '2', '3', '4', 'c', 'x']);
    expect(model.legend.find((e) => e.key === 'c')).toMatchObject({
      label: 'c: suppressed to protect privacy',
      fill: HATCH_FILL,
      areas: 1,
    });
    expect(model.legend.slice(0, 5).reduce((n, e) => n + e.areas, 0)).toBe(12);
    expect(model.legend[0]!.label).toMatch(/^[\d.]+ to [\d.]+$/);
    expect(model.legend[1]!.label).toMatch(/^over [\d.]+ to [\d.]+$/);
  });

  it('colours the comparison with the whole area by category, with labels that say better or worse', () => {
    const figures = districtFigures();
    const model = buildMapModel(figures, { ...opts, measure: 'compare' }, ctx(figures));
    expect(model.legend.map((e) => e.label)).toEqual([
      'Significantly higher (worse)',
      'Similar',
      'Significantly lower (better)',
      'c: suppressed to protect privacy',
      'x: no figure in the loaded data',
    ]);
    expect(model.byCode.get('E07000128')!.valueText).toBe('Higher');
    expect(model.byCode.get('E07000128')!.description).toMatch(/significantly higher \(worse\)/);
  });

  it('states the finding in the title, of the areas that can be shown only', () => {
    const figures = districtFigures();
    // One district hidden (c) and one with no figure (x): the highest is only the highest of the 12 shown.
    expect(findingTitle(figures, 'rate', { ...ctx(figures), level: 'district' })).toMatch(
      /^Of the 12 of 14 districts that can be shown, Wyre had the highest rate in 2025: [\d.]+ per 1,000 residents$/,
    );
    const all = { ...figures, areas: figures.areas.filter((a) => a.rateFlag !== 'c' && a.rateFlag !== 'x') };
    expect(findingTitle(all, 'rate', { ...ctx(all), level: 'district' })).toMatch(
      /^Wyre had the highest rate in 2025: [\d.]+ per 1,000 residents$/,
    );
    expect(findingTitle(figures, 'compare', { ...ctx(figures), level: 'district' })).toBe(
      'In 2025, 3 of 14 districts had a rate significantly higher than the Lancashire VRN area',
    );
    expect(periodText({ type: 'year', period: '2025', months: 6, firstMonth: '2025-01', lastMonth: '2025-06' })).toBe(
      'January to June 2025 (part year)',
    );
    expect(periodText({ type: 'month', period: '2025-06', months: 1, firstMonth: '2025-06', lastMonth: '2025-06' })).toBe(
      'June 2025',
    );
  });
});

describe('defaultIndicator', () => {
  const ind = (id: string, extra: Partial<Indicator> = {}) =>
    ({ id, headline: false, statistic: 'rate', tier: 'primary', ...extra }) as Indicator;
  const list = [
    ind('context', { tier: 'primary' }),
    ind('knife', { headline: true, tier: 'tertiary' }),
    ind('homicide', { headline: true, statistic: 'count', tier: 'tertiary' }),
    ind('violence', { tier: 'tertiary' }),
  ];
  it('opens on a headline rate most of whose areas can be shown', () => {
    expect(
      defaultIndicator(
        list,
        new Map([
          ['knife', 0.9],
          ['violence', 1],
          ['context', 1],
        ]),
      )?.id,
    ).toBe('knife');
  });
  it('passes over a headline that is mostly suppressed, and counts, for a rate of harm', () => {
    expect(
      defaultIndicator(
        list,
        new Map([
          ['knife', 0],
          ['homicide', 1],
          ['violence', 1],
          ['context', 1],
        ]),
      )?.id,
    ).toBe('violence');
  });
  it('falls back to whatever has most figures, then to the first headline', () => {
    expect(defaultIndicator(list, new Map([['homicide', 0.2]]))?.id).toBe('homicide');
    expect(defaultIndicator(list, new Map())?.id).toBe('knife');
  });
});

describe('describeArea', () => {
  it('says when the whole area is suppressed, so nothing can be compared with it', () => {
    const figures = districtFigures();
    figures.benchmark = { ...figures.benchmark!, count: null, countFlag: 'c', rateFlag: 'c', rate: null };
    const model = buildMapModel(figures, opts, ctx(figures));
    expect(model.byCode.get('E07000123')!.lines).toContain('Not compared with the Lancashire VRN area: its figure is suppressed');
  });
});

describe('the legend of small rates', () => {
  it('gives enough decimal places that no two classes read the same (robbery at 0.1-1.0 per 1,000 residents)', () => {
    // Counts per 100,000 residents, so rates per 1,000 of 0.05 to 1.45, bunched low as robbery's are by district.
    const counts = [5, 12, 16, 21, 21, 21, 24, 34, 43, 52, 71, 142, 145];
    const base = districtFigures();
    const figures = {
      ...base,
      areas: base.areas.map((a, i) => {
        const count = counts[i % counts.length]!;
        const rate = crudeRate(count, 100_000, { multiplier: 1000 });
        return { ...a, count, countFlag: 'shown' as const, rate, rateFlag: 'shown' as const, rateReason: null };
      }),
    };
    const model = buildMapModel(figures, opts, ctx(figures));
    const labels = model.legend.filter((e) => /^\d/.test(e.key)).map((e) => e.label);
    expect(labels.length).toBeGreaterThan(2);
    expect(new Set(labels).size).toBe(labels.length);
    // Each class reads "a to b" (the first) or "over a to b", with a below b: no "0.1 or less" for a class from 0.05
    // to 0.14, and no bare "over 0.2" beside "over 0.2 to 0.3".
    labels.forEach((label, i) => {
      const [, a, b] = (i === 0 ? /^([\d.]+) to ([\d.]+)$/ : /^over ([\d.]+) to ([\d.]+)$/).exec(label) ?? [];
      expect(Number(a), label).toBeLessThan(Number(b));
    });
  });
});
