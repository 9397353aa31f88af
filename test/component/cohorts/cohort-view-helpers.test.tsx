// @vitest-environment jsdom
// Pure helpers of the Cohorts view: names, chart labels and axes.
import { describe, expect, it } from 'vitest';
import type { PathwaySeries, TierLine } from '../../../src/queries/readers/cohort-pathway';
import { ALL_AGES_ONLY, BOTH_SEXES_ONLY } from '../../../src/contract';
import type { CohortPyramid } from '../../../src/queries/readers/cohort-pyramid';
import { niceAxis } from '../../../src/views/cohorts/chart-axes';
import { bandList, defaultCohortName, describeAges } from '../../../src/views/cohorts/cohort-name';
import { niceCeiling, pyramidData, pyramidFinding } from '../../../src/views/cohorts/AgeSexPyramid';
import { labelSides, quadrantOf } from '../../../src/views/cohorts/NeedHarmScatter';
import { labelNudges, lastPoints, pathwayFinding, pathwayGapText } from '../../../src/views/cohorts/pathway-labels';
import { spineScale } from '../../../src/views/cohorts/SpineChart';
import { figure, row } from './fixtures';

const VRU = 'Lancashire Violence Reduction Network area';

describe('cohort names', () => {
  it('says who is in the cohort by sex, age and area', () => {
    expect(defaultCohortName({ ages: ['15-17', '18-24'], sex: 'male' }, 'Preston', VRU)).toBe('Males aged 15-24 in Preston');
    expect(defaultCohortName({ ages: ['0-9', '10-14'], sex: 'female' }, 'Blackpool', VRU)).toBe(
      'Females aged under 15 in Blackpool',
    );
    expect(defaultCohortName({ ages: ['all'], sex: 'all' }, null, VRU)).toBe(`People of all ages in the ${VRU}`);
    expect(defaultCohortName({ ages: ['50-64', '65+'], sex: 'all' }, 'Wyre', VRU)).toBe('People aged 50 and over in Wyre');
  });
  it('lists separate runs of bands', () => {
    expect(describeAges(['10-14', '25-34', '35-49'])).toBe('aged 10-14 and 25-49');
    expect(describeAges(['0-9', '15-17', '65+'])).toBe('aged under 10, 15-17 and 65 and over');
    expect(bandList(['18-24', '15-17'])).toBe('15-17 and 18-24');
  });
});

describe('chart helpers', () => {
  const line = (tier: TierLine['tier'], values: (number | null)[]): TierLine => ({
    tier,
    included: ['a'],
    excluded: [],
    points: values.map((index, i) => ({ period: String(2021 + i), index, flag: index === null ? 'c' : 'shown', members: 1 })),
  });

  it('states the pathway’s finding, harm first', () => {
    const tiers = [line('primary', [100, 104, 101]), line('secondary', [100, 120, 130]), line('tertiary', [100, 90, null])];
    expect(pathwayFinding(tiers)).toBe(
      'Harm (tertiary) fell to 90 by 2022, early help (secondary) rose to 130 by 2023, universal (primary) stayed near 100 by 2023 (first year = 100)',
    );
    expect(pathwayFinding([line('primary', [100, null])])).toMatch(/Too few figures/);
  });

  it('places direct labels at the last shown point and pushes close ones apart', () => {
    const tiers = [line('primary', [100, 110]), line('secondary', [100, 111]), line('tertiary', [100, 80, null])];
    const ends = lastPoints(tiers);
    expect(ends).toEqual([
      { tier: 'primary', index: 1, value: 110 },
      { tier: 'secondary', index: 1, value: 111 },
      { tier: 'tertiary', index: 1, value: 80 },
    ]);
    const nudges = labelNudges(ends, [70, 120], 250, 15);
    const y = (t: 'primary' | 'secondary') => (1 - ((t === 'primary' ? 110 : 111) - 70) / 50) * 250 + (nudges[t] ?? 0);
    expect(Math.abs(y('primary') - y('secondary'))).toBeGreaterThanOrEqual(15);
    expect(nudges.tertiary).toBe(0);
  });

  it('puts axes on round numbers', () => {
    expect(niceAxis(3.7, 17.3)).toEqual({ domain: [0, 20], ticks: [0, 5, 10, 15, 20] });
    expect(niceAxis(70.6, 167.9)).toEqual({ domain: [60, 180], ticks: [60, 80, 100, 120, 140, 160, 180] });
    expect(niceAxis(84, 131, 5, false).domain).toEqual([80, 140]);
    expect(niceCeiling(24.1)).toBe(25);
    expect(niceCeiling(0.64)).toBe(0.8);
  });

  it('draws the pyramid with females to the left, oldest band on top, and hidden bars as short hatched markers', () => {
    const pyramid: CohortPyramid = {
      indicatorId: 'ed',
      areaCode: 'E07000123',
      year: '2025',
      reason: null,
      bands: [
        { ageBand: '15-17', female: figure(8.8), male: figure(15.1) },
        { ageBand: '18-24', female: figure(null), male: figure(24.1) },
      ],
    };
    const { data, max } = pyramidData(pyramid);
    expect(max).toBe(25);
    expect(data.map((d) => d.band)).toEqual(['18-24', '15-17']);
    expect(data[0]).toMatchObject({ female: null, male: 24.1, femaleHidden: -1.5, maleHidden: null });
    expect(data[1]).toMatchObject({ female: -8.8, male: 15.1 });
  });

  it('names the highest bar of the pyramid only when no bar is hidden, and never reads a hidden bar as a number', () => {
    const ed = { shortTitle: 'ED assaults', title: 'ED assaults', statistic: 'rate', rateLabel: 'per 100,000' } as never;
    const pyramid = (female: ReturnType<typeof figure>): CohortPyramid => ({
      indicatorId: 'ed',
      areaCode: 'E07000123',
      year: '2025',
      reason: null,
      bands: [
        { ageBand: '0-9', female, male: figure(null) },
        { ageBand: '15-17', female: figure(null), male: figure(null) },
      ],
    });
    // The default Cohorts pyramid of the issue: the one bar shown is a zero, every other is hidden.
    expect(pyramidFinding(pyramid(figure(0)), ed)).toBe(
      'ED assaults: 3 of 4 bars are hidden to protect privacy (c), so which rate is highest cannot be said',
    );
    const all: CohortPyramid = {
      ...pyramid(figure(8.8)),
      bands: [
        { ageBand: '0-9', female: figure(8.8), male: figure(15.1) },
        { ageBand: '15-17', female: figure(30.2), male: figure(24.1) },
      ],
    };
    expect(pyramidFinding(all, ed)).toBe('ED assaults: the highest rate is among females aged 15-17 (30.2 per 100,000)');
  });

  it('names the need-and-harm quadrants and moves crowded labels to the left', () => {
    expect(quadrantOf(30, 15, 20, 10)).toBe('higher need, higher harm');
    expect(quadrantOf(10, 15, 20, 10)).toBe('lower need, higher harm');
    expect(
      labelSides(
        [
          { x: 150, y: 14.2 },
          { x: 158, y: 14.3 },
          { x: 70, y: 4 },
        ],
        100,
        15,
      ),
    ).toEqual(['left', 'right', 'right']);
  });

  it('centres the spine on the VRU area and keeps every mark inside the row', () => {
    const r = row('absence', 'primary', figure(12.5), 'worse', 10);
    const pos = spineScale(r);
    expect(pos?.(10)).toBe(50);
    for (const v of [4, 14, 12.5]) {
      expect(pos?.(v)).toBeGreaterThanOrEqual(5);
      expect(pos?.(v)).toBeLessThanOrEqual(95);
    }
  });
});

describe('why the pathway draws no line', () => {
  const series = (excludedReason: string | null, read: boolean): PathwaySeries => ({
    indicatorId: 'i',
    tier: 'tertiary',
    base: read ? 1 : null,
    excludedReason,
    points: read ? [{ period: '2022', rate: null, index: null, flag: 'c' }] : [],
  });

  it('blames hidden or missing figures only when some indicator was read for the cohort', () => {
    expect(pathwayGapText([series(null, true), series(ALL_AGES_ONLY, false)])).toMatch(
      /^No tier has enough figures to draw for this cohort: in too many periods its figures are hidden to protect privacy \(c\)/,
    );
  });

  it('otherwise gives each reason with how many indicators it stops, and what to widen', () => {
    expect(pathwayGapText([series(ALL_AGES_ONLY, false), series(BOTH_SEXES_ONLY, false), series(ALL_AGES_ONLY, false)])).toBe(
      'No indicator can be followed for this cohort (2 of 3, recorded for all ages together only; 1 of 3, recorded for both sexes together only). Choose every age band and persons to follow it.',
    );
    expect(pathwayGapText([])).toBe('No indicator is loaded to follow this cohort with.');
    expect(pathwayGapText([series('not loaded', false), series('not loaded', false)])).toBe(
      'No indicator can be followed for this cohort (all 2, not loaded).',
    );
  });
});
