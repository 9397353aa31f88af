// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapTable } from '../../../src/views/map/MapTable';
import { districtFigures } from './fixtures';

function renderTable(onSelect = vi.fn(), figures = districtFigures()) {
  render(
    <MapTable
      areas={figures.areas}
      benchmark={figures.benchmark}
      benchmarkName="the Lancashire VRN area"
      caption="Violence by district, 2025"
      levelLabel="District"
      districtNames={null}
      showRate
      rateLabel="per 1,000 residents"
      polarity="higher-is-worse"
      selected={null}
      onSelect={onSelect}
      suppressedReason="Hidden to protect privacy."
      roundedReason="Rounded."
      lowCountBelow={10}
    />,
  );
  return onSelect;
}

const bodyNames = () =>
  Array.from(screen.getByRole('table', { name: /Violence by district/ }).querySelectorAll('tbody tr th'), (th) => th.textContent);

afterEach(cleanup);

describe('MapTable', () => {
  it('marks a partial figure in words, and has no Notes column when nothing is partial or low', () => {
    renderTable();
    expect(screen.queryByRole('columnheader', { name: 'Notes' })).toBeNull();
    cleanup();
    const figures = districtFigures();
    figures.areas = figures.areas.map((a) => (a.name === 'Wyre' ? { ...a, incompleteMonths: 2, comparison: 'not-compared' } : a));
    renderTable(vi.fn(), figures);
    expect(screen.getByRole('columnheader', { name: 'Notes' })).toBeInTheDocument();
    const wyre = screen.getByRole('row', { name: /^Wyre/ });
    expect(within(wyre).getByText('Partial: parts sent no data for 2 months')).toBeInTheDocument();
    expect(screen.getAllByText(/^Partial/)).toHaveLength(1);
  });

  it('lists every area, highest rate first, with suppressed and missing figures last', () => {
    renderTable();
    const names = bodyNames();
    expect(names).toHaveLength(14);
    expect(names[0]).toBe('Wyre');
    expect(names.slice(-2).sort()).toEqual(['Pendle', 'Rossendale']);
    expect(screen.getByRole('columnheader', { name: /^Rate\s*per 1,000 residents/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts by name and by rate in both directions', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.click(screen.getByRole('button', { name: /^District/ }));
    expect(bodyNames().slice(0, 3)).toEqual(['Blackburn with Darwen', 'Blackpool', 'Burnley']);
    expect(screen.getByRole('columnheader', { name: /^District/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: /^District/ }));
    expect(bodyNames()[0]).toBe('Wyre');
    await user.click(screen.getByRole('button', { name: /^Rate/ }));
    await user.click(screen.getByRole('button', { name: /^Rate/ }));
    expect(screen.getByRole('columnheader', { name: /^Rate/ })).toHaveAttribute('aria-sort', 'ascending');
    const names = bodyNames();
    expect(names[0]).toBe('Blackburn with Darwen');
    expect(names.slice(-2).sort()).toEqual(['Pendle', 'Rossendale']);
  });

  it('shows c and x with their meanings, and the comparison in words', () => {
    renderTable();
    const pendle = screen.getByRole('row', { name: /Pendle/ });
    expect(within(pendle).getAllByText('suppressed (c). Hidden to protect privacy.')).toHaveLength(2);
    const rossendale = screen.getByRole('row', { name: /Rossendale/ });
    // The count and the rate, the rate with the reason it has none.
    expect(within(rossendale).getAllByText('not available (x): no figure in the loaded data.')).toHaveLength(2);
    expect(within(screen.getByRole('row', { name: /Wyre/ })).getByText('Significantly higher (worse)')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /^Lancashire VRN area/ })).getByText('Benchmark')).toBeInTheDocument();
  });

  it('selects an area from its name button', async () => {
    const user = userEvent.setup();
    const onSelect = renderTable();
    await user.click(screen.getByRole('button', { name: 'Preston' }));
    expect(onSelect).toHaveBeenCalledWith('E07000123');
  });
});
