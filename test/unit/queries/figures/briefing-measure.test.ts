// The Overview's card for one measure, built from protected cells with no engine: the builder is pure
// (readers/briefing-figures.ts reads the cells; test/unit/disclosure/under-25-cell.test.ts covers the read).
import { describe, expect, it } from 'vitest';
import type { FigureFlag, PublicFlag } from '../../../../src/disclosure/protected-tables';
import {
  briefingMeasure,
  SPARKLINE_MONTHS,
  type BriefingArea,
  type BriefingCells,
} from '../../../../src/queries/figures/briefing-measure';
import { indicator } from '../../../component/cohorts/fixtures';

const RATE = indicator('vwi', 'tertiary', { unit: 'Violence with injury offences' });

/** Monthly cells of 10 for 2023 and 2024, and the two years' cells (as published: their own protected totals). */
function cells(years: Record<string, { value: number | null; flag: PublicFlag }>): BriefingCells {
  const out: BriefingCells = new Map();
  for (const y of ['2023', '2024'])
    for (let m = 1; m <= 12; m++) {
      const period = `${y}-${String(m).padStart(2, '0')}`;
      out.set(`${period}|all`, { period, periodType: 'month', ageBand: 'all', value: 10, flag: 'shown' });
    }
  for (const [period, f] of Object.entries(years)) out.set(`${period}|all`, { period, periodType: 'year', ageBand: 'all', ...f });
  return out;
}

const area: BriefingArea = {
  name: 'Preston',
  population: new Map([
    ['2023|all', 20_000],
    ['2024|all', 20_000],
  ]),
  populationRows: [],
  gaps: [],
  endMonth: '2024-12',
  lowCountBelow: 10,
};

describe('briefingMeasure (pure)', () => {
  it('gives the latest full year with its rate, the year before, the exact change test and 24 sparkline months', () => {
    const m = briefingMeasure(
      RATE,
      {
        cells: cells({ '2023': { value: 100, flag: 'shown' }, '2024': { value: 150, flag: 'shown' } }),
        denominators: new Map(),
        partial: new Map(),
      },
      area,
    );
    expect(m.current).toMatchObject({ period: '2024', value: 150, flag: 'shown', denominator: 20_000, populationYear: null });
    expect(m.current?.statistic?.value).toBeCloseTo(7.5, 10); // 150 / 20,000 x 1,000
    expect(m.previous).toMatchObject({ period: '2023', value: 100 });
    expect(m.change).not.toBeNull();
    expect(m.months).toHaveLength(SPARKLINE_MONTHS);
    expect(m.months.every((p) => p.value === 10)).toBe(true);
    expect(m.sentence).toContain('The number of violence with injury offences in Preston in 2024 was 150, ');
    expect(m.sentence).toContain('7.5 per 1,000 residents');
  });

  it('does not count a year with a month some parts of the area sent no data for as a full year', () => {
    const m = briefingMeasure(
      RATE,
      {
        cells: cells({ '2023': { value: 100, flag: 'shown' }, '2024': { value: 150, flag: 'shown' } }),
        denominators: new Map(),
        partial: new Map([['2024-06', 3]]),
      },
      area,
    );
    expect(m.current?.period).toBe('2023');
    expect(m.previous).toBeNull();
  });

  it('keeps a hidden year hidden: no value, no rate, no change, and the summary says why', () => {
    const m = briefingMeasure(
      RATE,
      {
        cells: cells({ '2023': { value: 100, flag: 'shown' }, '2024': { value: null, flag: 'c' } }),
        denominators: new Map(),
        partial: new Map(),
      },
      area,
    );
    const flag: FigureFlag | undefined = m.current?.flag;
    expect(flag).toBe('c');
    expect(m.current?.value).toBeNull();
    expect(m.current?.statistic).toBeNull();
    expect(m.change).toBeNull();
    expect(m.sentence).toContain('is hidden to protect privacy');
  });

  describe('with no full calendar year loaded (a real download ends mid-year and has gaps)', () => {
    /** Months 2023-05 to 2024-08, each 10 (2024-07: 8), less the months given as x (no row) or c. */
    function partYearCells(missing: readonly string[], hidden: readonly string[] = []): BriefingCells {
      const out: BriefingCells = new Map();
      for (let i = 0; i < 16; i++) {
        const t = 2023 * 12 + 4 + i;
        const period = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
        if (missing.includes(period)) continue;
        const c = hidden.includes(period);
        out.set(`${period}|all`, {
          period,
          periodType: 'month',
          ageBand: 'all',
          value: c ? null : period === '2024-07' ? 8 : 10,
          flag: c ? 'c' : 'shown',
        });
      }
      return out;
    }
    const at = { ...area, endMonth: '2024-08' };

    it('compares the 12 months to the latest month with the 12 before, on the months both have, and says which', () => {
      const m = briefingMeasure(RATE, { cells: partYearCells(['2024-02']), denominators: new Map(), partial: new Map() }, at);
      // 2023-09 to 2024-08 against 2022-09 to 2023-08: only May to August 2023 have data a year earlier, and 2024-02 none.
      expect(m.current).toMatchObject({ span: '12 months', label: 'the 12 months to August 2024', period: '2023-09 to 2024-08' });
      expect(m.previous).toMatchObject({ label: 'the 12 months to August 2023', period: '2022-09 to 2023-08' });
      expect(m.current?.value).toBe(38); // May, June, July (8) and August 2024
      expect(m.previous?.value).toBe(40); // May to August 2023
      // Four months' person-years: a month's population counts for a twelfth of its year.
      expect(m.current?.denominator).toBeCloseTo((4 * 20_000) / 12, 9);
      expect(m.current?.statistic?.value).toBeCloseTo((38 / ((4 * 20_000) / 12)) * 1000, 9);
      expect(m.comparedOn).toBe(
        'comparing only May to August 2024 with the same months a year earlier, the months with data in both periods',
      );
      expect(m.change?.kind).toBe('tested');
      expect(m.sentence).toContain('in the 12 months to August 2024 was 38');
      expect(m.sentence).toContain('than in the 12 months to August 2023');
      expect(m.sentence).toContain(
        'The figures are for the months both periods have data for, comparing only May to August 2024',
      );
    });

    it('sums hidden months as hidden, and months some parts of the area sent no data for are left out of both', () => {
      const hidden = briefingMeasure(
        RATE,
        { cells: partYearCells([], ['2024-06']), denominators: new Map(), partial: new Map() },
        at,
      );
      expect(hidden.current).toMatchObject({ value: null, flag: 'c' });
      expect(hidden.change).toBeNull();
      const partial = briefingMeasure(
        RATE,
        { cells: partYearCells([]), denominators: new Map(), partial: new Map([['2023-06', 2]]) },
        at,
      );
      expect(partial.current?.value).toBe(28); // May, July (8) and August 2024: June 2023 was partial
      expect(partial.comparedOn).toContain('comparing only May, July and August 2024');
    });

    it('with no month a year earlier to compare with, shows no figure and says there is no full year', () => {
      const m = briefingMeasure(
        RATE,
        { cells: partYearCells(['2023-05', '2023-06', '2023-07', '2023-08']), denominators: new Map(), partial: new Map() },
        at,
      );
      expect(m.current).toBeNull();
      expect(m.comparedOn).toBeNull();
      expect(m.sentence).toBe(
        'There is no full calendar year of figures for violence with injury offences in Preston up to the chosen month.',
      );
    });
  });
});
