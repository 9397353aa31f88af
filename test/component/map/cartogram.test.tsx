// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cartogramLayout } from '../../../src/geo/tile-grid';
import { buildMapModel } from '../../../src/views/map/map-model';
import { MapPatterns } from '../../../src/views/map/MapPatterns';
import { TileGridCartogram } from '../../../src/views/map/TileGridCartogram';
import { ctx, districtFigures } from './fixtures';

function renderCartogram(onSelect = vi.fn(), selected: string | null = null) {
  const figures = districtFigures();
  const model = buildMapModel(
    figures,
    { measure: 'rate', method: 'quantile', palette: 'sequential', classes: 5, fixedBreaks: [] },
    ctx(figures),
  );
  const layout = cartogramLayout(figures.areas);
  render(
    <>
      <MapPatterns />
      <TileGridCartogram
        layout={layout}
        styles={model.byCode}
        selected={selected}
        onSelect={onSelect}
        label="Violence by district"
      />
    </>,
  );
  return { onSelect, model };
}

afterEach(cleanup);

describe('TileGridCartogram', () => {
  it('draws 14 focusable districts, each named with its figures', () => {
    renderCartogram();
    const group = screen.getByRole('group', { name: 'Violence by district' });
    const areas = within(group).getAllByRole('button');
    expect(areas).toHaveLength(14);
    for (const a of areas) {
      expect(a).toHaveAttribute('tabindex', '0');
      expect(a.getAttribute('aria-label')).toMatch(/\. Count: /);
    }
    const preston = within(group).getByRole('button', {
      name: /^Preston\. Count: \d+ offences\. Rate: [\d.]+ per 1,000 residents\. 95% confidence interval/,
    });
    expect(preston).toHaveAttribute('aria-pressed', 'false');
  });

  it('hatches a suppressed district and labels it c, and marks one with no figure x', () => {
    renderCartogram();
    const pendle = screen.getByRole('button', { name: /^Pendle\. Count: c \(suppressed to protect privacy\)/ });
    expect(pendle).toHaveClass('cartogram__tile--suppressed');
    expect(pendle.querySelector('rect.cartogram__square')).toHaveAttribute('fill', 'url(#map-hatch)');
    expect(pendle.querySelector('.cartogram__value')?.textContent).toBe('c');
    const rossendale = screen.getByRole('button', { name: /^Rossendale\. Count: x/ });
    expect(rossendale).toHaveClass('cartogram__tile--no-data');
    expect(rossendale.querySelector('rect.cartogram__square')).toHaveAttribute('fill', 'url(#map-no-data)');
    expect(document.getElementById('map-hatch')).not.toBeNull();
  });

  it('selects an area by click, Enter or Space, and moves between squares with the arrow keys', async () => {
    const user = userEvent.setup();
    const { onSelect } = renderCartogram();
    const preston = screen.getByRole('button', { name: /^Preston\./ });
    await user.click(preston);
    expect(onSelect).toHaveBeenLastCalledWith('E07000123');
    preston.focus();
    fireEvent.keyDown(preston, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Blackburn with Darwen\./ }));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('E06000008');
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('shows the figures in a tooltip on focus', () => {
    renderCartogram();
    const preston = screen.getByRole('button', { name: /^Preston\./ });
    fireEvent.focus(preston);
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('Preston');
    expect(tip).toHaveTextContent(/95% confidence interval/);
  });

  it('marks the selected area as pressed', () => {
    renderCartogram(vi.fn(), 'E07000123');
    expect(screen.getByRole('button', { name: /^Preston\./ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /^Preston\./ })).toHaveClass('cartogram__tile--selected');
  });
});

describe('TileGridCartogram with many squares', () => {
  it('keeps a single Tab stop and moves it with the arrow keys', () => {
    const areas = Array.from({ length: 60 }, (_, i) => ({
      code: `A${String(i).padStart(2, '0')}`,
      name: `Area ${i}`,
      districtCode: null,
    }));
    const layout = cartogramLayout(areas);
    const { rerender } = render(
      <TileGridCartogram layout={layout} styles={new Map()} selected="A99" onSelect={vi.fn()} label="Areas" />,
    );
    const stops = () => screen.getAllByRole('button').filter((b) => b.getAttribute('tabindex') === '0');
    expect(stops()).toHaveLength(1);
    const first = stops()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(document.activeElement);
    expect(stops()[0]).not.toBe(first);
    // A new layout (another level) without the focused square still has one Tab stop.
    const focused = document.activeElement?.getAttribute('data-code');
    const rest = areas.filter((a) => a.code !== focused).slice(0, 50);
    rerender(
      <TileGridCartogram layout={cartogramLayout(rest)} styles={new Map()} selected={null} onSelect={vi.fn()} label="Areas" />,
    );
    expect(screen.getAllByRole('button')).toHaveLength(50);
    expect(stops()).toHaveLength(1);
  });
});
