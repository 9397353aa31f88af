// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildHotspots } from '../../../src/queries/figures/trend-hotspots';
import { buildProjection } from '../../../src/queries/figures/trend-projection';
import { monthRange } from '../../../src/queries/figures/trend-parts';
import type { ProtectedFigure } from '../../../src/queries/readers/trend-cells';
import { TrendChart } from '../../../src/views/trends/TrendChart';
import { backtestSummary, HotspotTable, ProjectionCaveat } from '../../../src/views/trends/ProjectionParts';
import { MainTrendSection, SeasonalitySection, type SectionContext } from '../../../src/views/trends/TrendSections';
import { EXPLANATIONS, handMadeSeries, VWI } from './fixtures';

const downloads: { name: string; content: string | Blob }[] = [];
vi.mock('../../../src/ui/download-file', () => ({
  downloadFile: (name: string, content: string | Blob) => downloads.push({ name, content }),
}));

beforeAll(() => {
  // Recharts' responsive sizing watches its container; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

const ctx: SectionContext = {
  exportMeta: { source: 'Lancashire Constabulary, police recorded crime', synthetic: true, rules: 'Analyst disclosure rules' },
  explanations: EXPLANATIONS,
  lowCountBelow: 10,
};

describe('MainTrendSection', () => {
  it('titles the chart with the finding and switches to the rate wording with the measure', () => {
    const series = handMadeSeries();
    render(<MainTrendSection series={series} ctx={ctx} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(series.comparison.countTitle);
    // June 2021 has no data, so June is left out of both years (like with like): 206 against 140, not 220 against 140.
    expect(series.comparison.countTitle).toBe(
      'Violence with injury in Preston rose 47% in 2022 compared with 2021, leaving out June, which has no data in one of the years',
    );
    fireEvent.click(screen.getByRole('radio', { name: /Rate \(per 1,000 residents\)/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'The rate of violence with injury in Preston rose 42% in 2022 compared with 2021, leaving out June, which has no data in one of the years',
    );
    expect(
      screen.getByText(/Rate per 1,000 residents, in the month \(not a yearly rate\)\. Preston, aged 15-17, females/),
    ).toBeInTheDocument();
  });

  it('says how many months are hidden or missing, and that they are gaps, not zeros', () => {
    render(<MainTrendSection series={handMadeSeries()} ctx={ctx} />);
    expect(
      screen.getByText(
        '1 month is hidden to protect privacy (c) and 1 month has no data (x): shown as gaps in the line, never as zero.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Rolling 12-month totals' }));
    expect(screen.getByText(/12-month totals are hidden to protect privacy \(c\)/)).toBeInTheDocument();
    expect(screen.getByText('Show the data table (13 rolling totals)')).toBeInTheDocument();
  });

  it('writes a CSV with c for the hidden month, its flag, and the synthetic-data warning', () => {
    downloads.length = 0;
    render(<MainTrendSection series={handMadeSeries()} ctx={ctx} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download the data (CSV)' }));
    const csv = String(downloads[0]?.content);
    expect(downloads[0]?.name).toBe('vwi-preston-15-17-female-monthly.csv');
    expect(csv).toContain('# SYNTHETIC DATA');
    expect(csv).toMatch(/\n2021-03,c,c,c,c,c,c,c,no,no,c\n/);
    expect(csv).toMatch(/\n2021-06,x,x,x,x,x,x,[^\n]*,x\n/);
    expect(csv).toMatch(/\n2022-05,15,[^\n]*,rounded\n/);
  });

  it('offers the rate only when the indicator has one, and says why not', () => {
    // A count-only indicator's rateLabel names its unit (police.uk counts without population): not a rate to name.
    const measure = { ...handMadeSeries().measure, hasRate: false, rateLabel: 'crimes recorded (count)' };
    render(<MainTrendSection series={{ ...handMadeSeries(), measure }} ctx={ctx} />);
    expect(screen.getByRole('radio', { name: 'Rate' })).toBeDisabled();
    expect(screen.queryByText(/crimes recorded \(count\)/)).toBeNull();
    expect(screen.getByText(/shown as counts only/)).toBeInTheDocument();
  });
});

describe('SeasonalitySection', () => {
  it('describes the chart only when there is one: one complete year gives the reason, not "2020 to 2020"', () => {
    const title =
      'Violence with injury: at least two complete years (every month with data) are needed to show a monthly pattern';
    const series = { ...handMadeSeries(), seasonality: { years: ['2020'], months: [], title } };
    render(<SeasonalitySection series={series} ctx={ctx} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(title);
    expect(screen.queryByText(/Average count in each calendar month/)).toBeNull();
    cleanup();
    const months = Array.from({ length: 12 }, (_, m) => ({ month: m + 1, mean: 10 + m, flag: 'shown' as const, index: null }));
    const pattern = { ...handMadeSeries(), seasonality: { years: ['2021', '2022'], months, title: 'A monthly pattern' } };
    render(<SeasonalitySection series={pattern} ctx={ctx} />);
    expect(screen.getByText(/^Average count in each calendar month, 2021 to 2022\. Preston/)).toBeInTheDocument();
  });
});

describe('TrendChart', () => {
  it('draws the line with a c above the axis at the hidden month and an x at the missing one', () => {
    const { container } = render(
      <TrendChart
        points={handMadeSeries().months}
        measure="count"
        showLimits
        axisTitle="Count in the month"
        width={800}
        height={300}
      />,
    );
    const marks = [...container.querySelectorAll('.gap-mark')].map((t) => t.textContent);
    expect(marks).toEqual(['c', 'x']);
    expect(container.textContent).toContain('Count in the month');
  });
});

describe('projection and hotspot parts', () => {
  const periods = monthRange('2021-01', '2025-12');
  const level = (p: string) => Math.round(100 * (1 + 0.2 * Math.sin((2 * Math.PI * Number(p.slice(5))) / 12)));
  const steady = new Map<string, ProtectedFigure>(periods.map((p) => [p, { value: level(p), flag: 'shown' }]));

  it('states plainly what a projection can and cannot say', () => {
    render(<ProjectionCaveat />);
    expect(screen.getByRole('heading', { name: 'What a projection can and cannot tell you' })).toBeInTheDocument();
    expect(screen.getByText(/It is not a prediction of what will happen/)).toBeInTheDocument();
    expect(screen.getByText(/describes areas, never people/)).toBeInTheDocument();
  });

  it('puts the back-test error into words', () => {
    const p = buildProjection(VWI, { code: 'A', name: 'Steadytown', level: 'district' }, periods, steady, 4);
    if (p.kind !== 'projection') throw new Error('expected a projection');
    expect(backtestSummary(p)).toMatch(
      /^Refitted without the last 12 recorded months and projected over them, the model was out by [\d.]+ a month on average \(\d+%\)/,
    );
    expect(backtestSummary(p)).toMatch(/\d+ of 12 months fell inside the 80% interval and \d+ of 12 inside the 95% interval\.$/);
  });

  it('lists flagged districts with recorded, expected and p-value, and says "not enough data" where a test cannot run', () => {
    const surge = new Map<string, ProtectedFigure>(
      periods.map((p, i) => [p, { value: i >= 57 ? level(p) * 2 : level(p), flag: 'shown' }]),
    );
    const short = new Map<string, ProtectedFigure>(periods.slice(-10).map((p) => [p, { value: 50, flag: 'shown' }]));
    const h = buildHotspots(
      VWI,
      periods,
      [
        { code: 'A', name: 'Steadytown', months: steady },
        { code: 'B', name: 'Surgeford', months: surge },
        { code: 'C', name: 'Newham', months: short },
      ],
      4,
    );
    render(<HotspotTable hotspots={h} selectedCode="A" caption="Hotspots" />);
    const rows = within(screen.getByRole('table', { name: 'Hotspots' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows[0]?.textContent).toMatch(/^Surgeford.*Emerging hotspot: significantly above expected/);
    expect(rows[1]?.textContent).toMatch(/^NewhamNot enough dataNot tested: /);
    expect(rows[2]?.textContent).toMatch(/^Steadytown \(selected\).*Within the expected range/);
  });
});
