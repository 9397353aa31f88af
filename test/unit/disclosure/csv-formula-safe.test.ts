// Every CSV the dashboard writes, built with names a hostile or careless lookup could hold, read back as a
// spreadsheet reads it: no cell may start a formula (OWASP CSV injection), and figures stay numbers.
import { describe, expect, it } from 'vitest';
import type { Indicator, Manifest } from '../../../src/contract';
import { csvCell, csvComment, protectedCsv } from '../../../src/disclosure/export-csv';
import type { BriefingMeasure, BriefingYear } from '../../../src/queries/figures/briefing-measure';
import { buildHotspots } from '../../../src/queries/figures/trend-hotspots';
import { indexSeries } from '../../../src/queries/figures/trend-compare';
import type { ProtectedFigure } from '../../../src/queries/readers/trend-cells';
import { monthRange } from '../../../src/queries/figures/trend-parts';
import { rateChange } from '../../../src/stats';
import { pyramidCsv } from '../../../src/views/cohorts/AgeSexPyramid';
import { needHarmCsv } from '../../../src/views/cohorts/NeedHarmScatter';
import { pathwayCsv } from '../../../src/views/cohorts/PathwayChart';
import { profileCsv } from '../../../src/views/cohorts/ProfileTable';
import { problemsCsv } from '../../../src/views/import/problems-csv';
import { mapCsv } from '../../../src/views/map/map-csv';
import { measureCsv, summaryCsv } from '../../../src/views/overview/briefing-csv';
import { compareCsv, hotspotsCsv, monthlyCsv, yearsCsv } from '../../../src/views/trends/trend-csv';
import { parseCsvText } from '../../fixtures/csv-line';
import { INDICATORS, figure, indicator, profile } from '../../component/cohorts/fixtures';
import { districtFigures } from '../../component/map/fixtures';
import { VWI, handMadeSeries } from '../../component/trends/fixtures';

/** Names that a spreadsheet would run as formulas, one for each character OWASP lists. */
const HOSTILE = [
  '=HYPERLINK("http://example.invalid","Click")',
  '+1+cmd|" /C calc"!A0',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
];
const AREA = HOSTILE[0]!;
const TITLE = `Knife crime in ,${HOSTILE[2]!}, "quoted`;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;

/** Every cell a spreadsheet would see, in every line (comment lines included), is safe to open. */
function expectFormulaSafe(csv: string): string[][] {
  const rows = parseCsvText(csv);
  const risky = rows
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell) || /^[=+\-@]/.test(cell.trimStart()))
    .filter((cell) => !PLAIN_NUMBER.test(cell.trim()));
  expect(risky).toEqual([]);
  return rows;
}

/** The hostile text is still there for a person to read, behind its quote. */
function expectEscaped(csv: string, text: string): void {
  expect(parseCsvText(csv).flat()).toContain(`'${text}`);
}

describe('csvCell, the one escaping function', () => {
  it('prefixes a single quote to text that starts with =, +, -, @, tab or carriage return, and quotes the cell', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+44 7700')).toBe(`"'+44 7700"`);
    expect(csvCell('-hello')).toBe(`"'-hello"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell(' =1')).toBe(`"' =1"`);
    expect(csvCell('=say "hi"')).toBe(`"'=say ""hi"""`);
  });

  it('leaves numbers as numbers, negative ones included, and text that is only a number', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+12%')).toBe('+12%');
    expect(csvCell('−12%')).toBe('−12%');
    expect(csvCell('Preston')).toBe('Preston');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
  });

  it('keeps comment lines starting with # and makes each comma-separated piece safe', () => {
    const line = csvComment('Knife crime in ,=1+1, and , -5%, and ,@x');
    expect(line.startsWith('# ')).toBe(true);
    expect(line).toBe("# Knife crime in ,'=1+1, and , -5%, and ,'@x");
    expect(csvComment('say "hi, there')).toBe('# say \u201dhi, there');
    expect(csvComment('one\nline')).toBe('# one line');
  });

  it('a protected CSV keeps a negative figure a number and escapes a hostile name', () => {
    const csv = protectedCsv(
      { title: TITLE, source: HOSTILE[1]!, synthetic: false, rules: 'Analyst disclosure rules' },
      [
        { header: 'area', value: (r: { area: string; change: number }) => r.area },
        { header: 'change', value: (r) => r.change },
      ],
      HOSTILE.map((area) => ({ area, change: -5 })),
      () => 'shown',
    );
    const rows = expectFormulaSafe(csv);
    for (const h of HOSTILE) expect(rows.flat()).toContain(`'${h}`);
    expect(rows.filter((r) => r[1] === '-5')).toHaveLength(HOSTILE.length);
  });
});

/** A year's figure as the Overview reads it, shown as it is (no rate, no stand-in population year). */
function shownYear(period: string, value: number): BriefingYear {
  return {
    period,
    span: 'year',
    label: period,
    value,
    flag: 'shown',
    denominator: 400_000,
    statistic: null,
    lowCount: false,
    populationYear: null,
    rateReason: null,
    perMonth: null,
  };
}

describe('every CSV writer escapes through csvCell', () => {
  it('Map: the table of areas', () => {
    const data = districtFigures();
    data.areas = data.areas.map((a, i) => ({ ...a, name: HOSTILE[i % HOSTILE.length]! }));
    const ind = indicator('vwi', 'tertiary', { title: TITLE });
    const csv = mapCsv(data, {
      manifest: { synthetic: true, datasets: [{ id: 'd', title: HOSTILE[3]!, agency: 'Police' }] } as unknown as Manifest,
      indicator: ind,
      level: 'district',
      small: false,
      comparedWithBenchmark: false,
      age: 'all',
      sex: 'all',
      rules: 'Analyst disclosure rules',
      hasRate: true,
      benchmarkName: 'the area',
      when: '2025',
      breakdown: 'all ages, persons',
    });
    expectFormulaSafe(csv);
    for (const h of HOSTILE) expectEscaped(csv, h);
  });

  it('Trends: months, years, indicators compared and hotspots', () => {
    const series = handMadeSeries();
    const meta = { title: TITLE, source: HOSTILE[1]!, synthetic: true, rules: 'Analyst disclosure rules', notes: [HOSTILE[4]!] };
    expectFormulaSafe(monthlyCsv(meta, series));
    const years = yearsCsv(meta, series);
    expectFormulaSafe(years);
    // A change on the year before is written as a signed percentage, which stays a number.
    // +42%: the rate on the months both years have data for (test/component/trends/trend-tables.test.tsx).
    expect(parseCsvText(years).flat()).toContain('+42%');

    const compared = compareCsv(meta, indexSeries(series.area, [{ ...VWI, title: AREA }], [series]));
    expectFormulaSafe(compared);
    expectEscaped(compared, AREA);

    const periods = monthRange('2020-01', '2024-12');
    const months = new Map<string, ProtectedFigure>(periods.map((p) => [p, { value: 20, flag: 'shown' }]));
    const hot = hotspotsCsv(
      meta,
      buildHotspots(
        VWI,
        periods,
        HOSTILE.map((name, i) => ({ code: `A${i}`, name, months })),
        4,
      ),
    );
    expectFormulaSafe(hot);
    for (const h of HOSTILE) expectEscaped(hot, h);
  });

  it('Overview: a measure card and the tier summary', () => {
    const ind = { ...indicator('knife', 'tertiary'), shortTitle: HOSTILE[3]! } as Indicator;
    const measure: BriefingMeasure = {
      indicator: ind,
      homeOffice: true,
      ageScope: { label: null, bands: null },
      current: shownYear('2025', 190),
      previous: shownYear('2024', 200),
      change: rateChange({ count: 190, denominator: 400_000 }, { count: 200, denominator: 400_000 }),
      comparedOn: null,
      months: [{ period: '2025-01', value: 15, flag: 'shown' }],
      sentence: '',
    };
    const card = measureCsv(measure, { areaName: AREA, source: HOSTILE[1]!, synthetic: true, rules: 'Analyst disclosure rules' });
    expectFormulaSafe(card);
    expectEscaped(card, AREA);
    const summary = summaryCsv([measure], {
      title: TITLE,
      source: HOSTILE[1]!,
      synthetic: true,
      rules: 'Analyst disclosure rules',
    });
    expectFormulaSafe(summary);
    expectEscaped(summary, HOSTILE[3]!);
    // The fall of 5% stays a number.
    expect(parseCsvText(summary).flat()).toContain('-5%');
  });

  it('Cohorts: profile, pyramid, pathway and need against harm', () => {
    const meta = { source: HOSTILE[1]!, synthetic: true, rules: 'Analyst disclosure rules' };
    const hostileIndicators = new Map([...INDICATORS].map(([id, ind]) => [id, { ...ind, title: HOSTILE[2]! }]));
    const prof = profileCsv(profile(), hostileIndicators, HOSTILE[0]!, meta);
    expectFormulaSafe(prof);
    expectEscaped(prof, HOSTILE[2]!);

    const ind = indicator('vwi', 'tertiary', { title: TITLE });
    const pyramid = pyramidCsv(
      {
        indicatorId: 'vwi',
        areaCode: 'A',
        year: '2025',
        reason: null,
        bands: [{ ageBand: '15-17', female: figure(3), male: figure(null) }],
      },
      ind,
      AREA,
      meta,
    );
    expectFormulaSafe(pyramid);

    const pathway = pathwayCsv(
      {
        granularity: 'year',
        areaCode: 'A',
        periods: ['2024'],
        series: [],
        tiers: [
          { tier: 'primary', included: [], excluded: [], points: [{ period: '2024', index: 100, flag: 'shown', members: 2 }] },
        ],
      },
      `${AREA}, ${HOSTILE[3]!}`,
      meta,
    );
    expectFormulaSafe(pathway);

    const harm = needHarmCsv(
      {
        needId: 'n',
        harmId: 'h',
        needYear: '2025',
        harmYear: '2025',
        points: HOSTILE.map((_, i) => ({ areaCode: `A${i}`, need: figure(5), harm: figure(7) })),
        vru: null,
      },
      ind,
      ind,
      (code) => HOSTILE[Number(code.slice(1))]!,
      meta,
    );
    expectFormulaSafe(harm);
    for (const h of HOSTILE) expectEscaped(harm, h);
  });

  it('Load data: the list of problems found in a file', () => {
    const csv = problemsCsv([
      {
        file: HOSTILE[0]!,
        severity: 'error',
        row: 3,
        column: HOSTILE[2]!,
        message: `"${HOSTILE[3]!}" is not a number.`,
        fix: HOSTILE[1]!,
      },
    ]);
    const rows = expectFormulaSafe(csv);
    expectEscaped(csv, HOSTILE[0]!);
    expectEscaped(csv, HOSTILE[2]!);
    expectEscaped(csv, HOSTILE[1]!);
    // The row number stays a number.
    expect(rows.at(-1)).toContain('3');
  });
});
