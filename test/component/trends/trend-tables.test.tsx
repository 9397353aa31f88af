// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MonthlyTable, RollingTable, YearTable } from '../../../src/views/trends/TrendTables';
import { SymbolKey, symbolsIn } from '../../../src/views/trends/TrendFigure';
import { EXPLANATIONS, handMadeSeries } from './fixtures';

afterEach(cleanup);

function row(period: string) {
  const cell = document.querySelector(`tr[data-period="${period}"]`);
  if (!cell) throw new Error(`no row for ${period}`);
  return cell as HTMLElement;
}

describe('MonthlyTable', () => {
  it('shows a suppressed month as c with its explanation, never as 0', () => {
    render(<MonthlyTable series={handMadeSeries()} explanations={EXPLANATIONS} caption="Monthly counts" />);
    const march = row('2021-03');
    const cells = within(march).getAllByRole('cell');
    expect(cells[0]?.textContent).toMatch(/^c/);
    expect(cells[0]?.textContent).toContain(`suppressed (c). ${EXPLANATIONS.suppressed}`);
    expect(within(march).getAllByTitle(EXPLANATIONS.suppressed).length).toBeGreaterThan(0);
    expect(march.textContent).not.toMatch(/\b0\b/);
    // The rate of a hidden month is hidden too.
    expect(cells[2]?.textContent).toMatch(/^c/);
  });

  it('shows a month with no data as x, a rounded figure as r, and a low count as u', () => {
    render(<MonthlyTable series={handMadeSeries()} explanations={EXPLANATIONS} caption="Monthly counts" />);
    expect(within(row('2021-06')).getAllByRole('cell')[0]?.textContent).toMatch(/^x.*not available \(x\)/);
    const may = within(row('2022-05')).getAllByRole('cell');
    expect(may[0]?.textContent).toContain('15r');
    expect(may[0]?.textContent).toContain(EXPLANATIONS.rounded);
    // January 2021: 10 events is not below 10, February 12; a count of 9 is (September 2021 has 10).
    expect(within(row('2021-01')).getAllByRole('cell')[2]?.textContent).not.toContain('low reliability');
    expect(screen.getByRole('table', { name: 'Monthly counts' })).toBeInTheDocument();
  });

  it('labels the rate column with its unit and says it is a monthly rate', () => {
    render(<MonthlyTable series={handMadeSeries()} explanations={EXPLANATIONS} caption="Monthly counts" />);
    expect(
      screen.getByRole('columnheader', { name: /Rate per 1,000 residents, in the month \(not a yearly rate\)/ }),
    ).toBeInTheDocument();
  });
});

describe('RollingTable and YearTable', () => {
  it('shows a 12-month total as c while a month in it is hidden, with its change and significance', () => {
    render(<RollingTable series={handMadeSeries()} explanations={EXPLANATIONS} caption="Rolling" />);
    expect(within(row('2021-12')).getAllByRole('cell')[0]?.textContent).toMatch(/^c/);
    expect(within(row('2022-05')).getAllByRole('cell')[0]?.textContent).toMatch(/^x/); // includes June 2021, which had no data
    // Built from a rounded month, so marked rounded itself.
    expect(within(row('2022-12')).getAllByRole('cell')[0]?.textContent).toMatch(/^221r/);
  });

  it('lists calendar years from the year cells, with the change on the months both years have data for', () => {
    const { unmount } = render(<YearTable series={handMadeSeries()} explanations={EXPLANATIONS} caption="Years" />);
    const y2022 = within(row('2022')).getAllByRole('cell');
    expect(y2022[0]?.textContent).toBe('220');
    // June 2021 has no data, so June is left out of both years: in the rate, 206 / (11 months of 3,100 residents)
    // against 140 / (11 months of 3,000), not the whole of 2022 against 11 months of 2021.
    expect(screen.getByRole('columnheader', { name: 'Change in the rate on the year before' })).toBeInTheDocument();
    // The cell names the months too: beside the whole year's 220, a bare +42% would read as the year's change.
    expect(y2022[4]?.textContent).toBe('+42% (January to May and July to December only)');
    expect(y2022[5]?.textContent).toBe(
      'significant rise (p = 0.001); January to May and July to December only, the months both periods have data for',
    );
    expect(within(row('2021')).getAllByRole('cell')[6]?.textContent).toBe('part year: 11 of 12 months have data');
    unmount();
    // In the count, as the chart's default title says it (47%), never a different rounding of another figure.
    render(<YearTable series={handMadeSeries()} explanations={EXPLANATIONS} caption="Years" basis="count" />);
    expect(within(row('2022')).getAllByRole('cell')[4]?.textContent).toBe('+47% (January to May and July to December only)');
  });
});

describe('SymbolKey', () => {
  it('explains in words each symbol the table uses, and only those', () => {
    const months = handMadeSeries().months;
    expect(symbolsIn(months)).toEqual({ c: true, x: true, r: true, u: false });
    render(<SymbolKey explanations={EXPLANATIONS} lowCountBelow={10} used={symbolsIn(months)} />);
    expect(screen.getByText(EXPLANATIONS.suppressed)).toBeInTheDocument();
    expect(screen.getByText(/no data were received/)).toBeInTheDocument();
    expect(screen.getByText(EXPLANATIONS.rounded)).toBeInTheDocument();
    expect(screen.queryByText('Fewer than 10 events: the rate is unreliable.')).toBeNull();
  });
});
