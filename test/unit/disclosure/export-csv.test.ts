import { describe, expect, it } from 'vitest';
import { protectedCsv } from '../../../src/disclosure/export-csv';
import type { FigureFlag } from '../../../src/disclosure/protected-tables';

interface Row {
  area: string;
  value: number | null;
  flag: FigureFlag;
}

const meta = { title: 'Test, "quoted", title', source: 'Test source', synthetic: true, rules: 'Partner disclosure rules' };

describe('protectedCsv', () => {
  const rows: Row[] = [
    { area: 'A', value: 15, flag: 'rounded' },
    { area: 'B', value: 3, flag: 'c' },
    { area: 'C', value: null, flag: 'x' },
    { area: 'D, the fourth', value: 0, flag: 'shown' },
  ];
  const csv = protectedCsv<Row>(
    meta,
    [
      { header: 'area', value: (r) => r.area },
      { header: 'value', figure: true, value: (r) => r.value },
    ],
    rows,
    (r) => r.flag,
    new Date('2026-11-26T10:00:00Z'),
  );
  const lines = csv.trimEnd().split('\n');

  it('carries title, source, date, the rules followed and the synthetic warning in comment lines', () => {
    // Double quotes would open a quoted cell in a spreadsheet: they become typographic ones.
    expect(lines[0]).toBe('# Test, \u201cquoted\u201d, title');
    expect(lines[1]).toBe('# Source: Test source');
    expect(lines[2]).toMatch(/^# Produced: 2026-11-26 .*\(partner disclosure rules\)$/);
    expect(csv).toContain('# SYNTHETIC DATA');
    expect(csv).toContain('x = no figure in the loaded data');
  });

  it('writes c for a suppressed value even when the row holds its true count, x for a missing one, never blank or 0', () => {
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(body).toEqual(['area,value,flag', 'A,15,rounded', 'B,c,c', 'C,x,x', '"D, the fourth",0,shown']);
    expect(csv).not.toMatch(/\bB,3\b/);
  });

  // Every figure column is masked from the one declaration, whatever it is named: before, only a column named
  // "value" was, so a count or a confidence limit beside it showed a suppressed cell's true number.
  it('masks every column declared a figure (count, limits, rate), and no other', () => {
    interface Figures {
      area: string;
      count: number;
      lower: number;
      upper: number;
      rate: number;
      flag: FigureFlag;
    }
    const figures: Figures[] = [
      { area: 'A', count: 3, lower: 0.6, upper: 8.8, rate: 12.5, flag: 'c' },
      { area: 'B', count: 0, lower: 0, upper: 0, rate: 0, flag: 'x' },
      { area: 'C', count: 40, lower: 28.6, upper: 54.5, rate: 166.7, flag: 'shown' },
    ];
    const text = protectedCsv<Figures>(
      meta,
      [
        { header: 'area', value: (r) => r.area },
        { header: 'count', figure: true, value: (r) => r.count },
        { header: 'count_lower_95', figure: true, value: (r) => r.lower },
        { header: 'count_upper_95', figure: true, value: (r) => r.upper },
        { header: 'rate_per_100k', figure: true, value: (r) => r.rate },
      ],
      figures,
      (r) => r.flag,
    );
    const body = text
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(body).toEqual([
      'area,count,count_lower_95,count_upper_95,rate_per_100k,flag',
      'A,c,c,c,c,c',
      'B,x,x,x,x,x',
      'C,40,28.6,54.5,166.7,shown',
    ]);
  });
});
