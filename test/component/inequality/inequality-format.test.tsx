// The Deprivation view's titles state a finding that is true for the figures beside them, and its CSV writes
// hidden and missing groups as `c` and `x`, never as a number or a blank.
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/contract';
import { protectedCsv } from '../../../src/disclosure/export-csv';
import type { GroupFigure, SchemeFigures } from '../../../src/queries/readers/inequality-figures';
import { crudeRate, rateGap } from '../../../src/stats';
import {
  gradientTitle,
  groupCsvColumns,
  ratioInterval,
  ratioWithInterval,
  yearText,
} from '../../../src/views/inequality/inequality-format';

const indicator = { title: 'Violence and sexual offences', rateLabel: 'per 1,000 residents' } as Indicator;
const period = { type: 'year' as const, period: '2020', months: 9, firstMonth: '2020-01', lastMonth: '2020-12' };

function group(i: number, count: number | null, flag: GroupFigure['flag']): GroupFigure {
  const rate = count === null ? null : crudeRate(count, 10_000, { multiplier: 1000 });
  return {
    group: i,
    label: `Decile ${i}`,
    areas: 94,
    count,
    flag,
    hiddenAreas: flag === 'c' ? 2 : 0,
    missingAreas: 0,
    population: 10_000,
    rate,
    rateFlag: flag,
  };
}

function scheme(counts: (number | null)[], flags: GroupFigure['flag'][]): SchemeFigures {
  const groups = counts.map((c, i) => group(i + 1, c, flags[i]!));
  const first = groups[0]!;
  const last = groups[groups.length - 1]!;
  const gap = first.count !== null && last.count !== null ? rateGap(first, last, 1000) : null;
  return { scheme: 'national', groups, sii: { ok: false, reason: 'test' }, gap, gapReason: gap ? null : 'hidden' };
}

describe('Deprivation titles and CSV', () => {
  it('states the ratio only when its interval excludes 1, and which end is higher', () => {
    const steep = scheme([700, 600, 500, 400, 300, 250, 200, 150, 120, 100], Array(10).fill('shown'));
    expect(gradientTitle(indicator, steep, period)).toBe(
      'Violence and sexual offences: 7.0 times as common in the most deprived tenth of areas as in the least, 2020',
    );
    const reversed = scheme([100, 120, 150, 200, 250, 300, 400, 500, 600, 300], Array(10).fill('shown'));
    expect(gradientTitle(indicator, reversed, period)).toMatch(
      /3\.0 times as common in the least deprived tenth of areas as in the most/,
    );
    const flat = scheme([100, 100, 100, 100, 100, 100, 100, 100, 100, 104], Array(10).fill('shown'));
    expect(gradientTitle(indicator, flat, period)).toBe(
      'Violence and sexual offences: no clear difference between the most and least deprived tenths of areas, 2020',
    );
    const hidden = scheme([null, 600, 500, 400, 300, 250, 200, 150, 120, 100], ['c', ...Array(9).fill('shown')]);
    expect(gradientTitle(indicator, hidden, period)).toBe(
      'Violence and sexual offences by deprivation, 2020: some groups are hidden to protect privacy',
    );
  });

  it('says how many months a part year holds', () => {
    expect(yearText(period)).toBe('2020 (9 months of data, January to December)');
    expect(yearText({ ...period, months: 12 })).toBe('2020');
  });

  it('writes hidden groups as c in every figure column and missing ones as x', () => {
    const s = scheme([null, 600, null], ['c', 'shown', 'x']);
    const csv = protectedCsv(
      { title: 't', source: 's', synthetic: false, rules: 'Analyst disclosure rules' },
      groupCsvColumns(true),
      s.groups,
      (g) => g.flag,
    );
    const rows = csv.split('\n').filter((l) => l.startsWith('Decile'));
    expect(rows[0]).toBe('Decile 1,94,2,c,10000,c,c,c,c');
    expect(rows[1]).toMatch(/^Decile 2,94,0,600,10000,60,/);
    expect(rows[2]).toBe('Decile 3,94,0,x,10000,x,x,x,x');
  });
});

describe('ratios and their intervals', () => {
  it('take one decimal place, or as many more as keep different ends apart', () => {
    expect(ratioInterval(4.72, 4.49, 4.98)).toEqual(['4.7', '4.5', '5.0']);
    expect(ratioInterval(1.8149, 1.7912, 1.8388)).toEqual(['1.81', '1.79', '1.84']);
    expect(ratioInterval(1.8131, 1.8121, 1.8148)).toEqual(['1.813', '1.812', '1.815']);
    expect(ratioInterval(2, 2, 2)).toEqual(['2.0', '2.0', '2.0']);
    expect(ratioWithInterval(1.8149, 1.7912, 1.8388)).toBe('1.81 (95% confidence interval 1.79 to 1.84)');
  });
});
