import { describe, expect, it } from 'vitest';
import { protectedCsv } from '../../../src/disclosure/export-csv';
import type { FigureFlag } from '../../../src/disclosure/protected-tables';

interface Row {
  area: string;
  value: number | null;
  flag: FigureFlag;
}

const meta = { title: 'Test, "quoted", title', source: 'Test source', synthetic: true, audience: 'partner' };

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
      { header: 'value', value: (r) => r.value },
    ],
    rows,
    (r) => r.flag,
    new Date('2026-11-26T10:00:00Z'),
  );
  const lines = csv.trimEnd().split('\n');

  it('carries title, source, date, audience and the synthetic warning in comment lines', () => {
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
});
