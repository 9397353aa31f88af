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
});
