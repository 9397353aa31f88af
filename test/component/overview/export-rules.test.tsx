// @vitest-environment jsdom
// The rules an exported file names are those its figures follow. Published open data (police.uk) keep their exact
// counts for every audience, yet every CSV and chart picture said "partner disclosure rules" under the partner
// audience, whatever it held: a false label on a file that travels. The Overview's cards and table, on the real
// session and engine, with one published dataset and one of the partnership's own.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { SessionContext } from '../../../src/hooks/session-context';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { downloadFile } from '../../../src/ui/download-file';
import { OverviewView } from '../../../src/views/overview/OverviewView';
import { loadMiniSession, miniExtractsCsv, mixedManifest } from '../../fixtures/mini-contract';

vi.mock('../../../src/ui/download-file', () => ({ downloadFile: vi.fn() }));

let engine: Engine;
let session: DashboardSession;
beforeAll(async () => {
  ({ engine, session } = await loadMiniSession(mixedManifest({ headline: true }), [
    { name: 'extracts.csv', text: miniExtractsCsv },
  ]));
  await session.ensureProtected('partner');
}, 120_000);
afterAll(() => {
  cleanup();
  engine?.close();
});

/** The file the button saves: clicked once its figures are current. */
async function saved(button: HTMLElement): Promise<string> {
  await waitFor(() => expect(button).toBeEnabled());
  vi.mocked(downloadFile).mockClear();
  fireEvent.click(button);
  await waitFor(() => expect(downloadFile).toHaveBeenCalled());
  return vi.mocked(downloadFile).mock.calls[0]![1] as string;
}

/**
 * The picture's words as a reader sees them: its text lines, joined where they were wrapped. Read from the markup
 * rather than parsed as XML: jsdom's serializer writes the sparkline's xmlns twice (a browser's does not, or the
 * PNG drawn from the same markup would fail).
 */
function pictureWords(svg: string): string {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
}

describe('an export under the partner audience names the rules its figures follow', () => {
  beforeAll(async () => {
    window.history.replaceState(null, '', '/?view=overview&audience=partner');
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <SessionContext.Provider value={session}>
          <OverviewView />
        </SessionContext.Provider>
      </QueryClientProvider>,
    );
    await screen.findByRole('article', { name: 'Violence with injury' }, { timeout: 60_000 });
  }, 120_000);

  const card = (name: string) => within(screen.getByRole('article', { name }));

  it('published open data: the CSV and the chart say the counts are exact, not that partner rules were applied', async () => {
    const csv = await saved(card('Violence with injury').getByRole('button', { name: /^CSV/ }));
    expect(csv).toMatch(
      /^# Produced: \d{4}-\d{2}-\d{2} with the violence needs assessment dashboard \(published open data: exact counts\)$/m,
    );
    expect(csv).not.toMatch(/partner disclosure rules/i);

    const svg = pictureWords(await saved(card('Violence with injury').getByRole('button', { name: /^SVG/ })));
    expect(svg).toMatch(/Produced .+ with the violence needs assessment dashboard \(published open data: exact counts\)\./);
    expect(svg).not.toMatch(/partner disclosure rules/i);
  });

  it('the partnership’s own data: the CSV and the chart still name the partner rules', async () => {
    const csv = await saved(card('Proven reoffending').getByRole('button', { name: /^CSV/ }));
    expect(csv).toMatch(/^# Produced: .+ dashboard \(partner disclosure rules\)$/m);
    expect(csv).not.toContain('exact counts');

    const svg = pictureWords(await saved(card('Proven reoffending').getByRole('button', { name: /^SVG/ })));
    expect(svg).toMatch(/Produced .+ dashboard \(partner disclosure rules\)\./);
    expect(svg).not.toContain('exact counts');
  });

  it('a table of both: the partner rules for its own figures, exact counts for the published ones', async () => {
    const table = screen.getByRole('table', { name: /All measures by prevention tier/ }).closest('section') as HTMLElement;
    const csv = await saved(within(table).getByRole('button', { name: /^CSV/ }));
    expect(csv).toMatch(/^# Produced: .+ dashboard \(partner disclosure rules; published open data: exact counts\)$/m);
    // Its source, and the briefing's, name each dataset its measures come from, with the agency that holds it.
    expect(csv).toMatch(/^# Source: Police recorded crime, Test Constabulary; Youth justice service, Test YJS$/m);
    expect(screen.getByText(/^Sources: /).textContent).toBe(
      'Sources: Police recorded crime, Test Constabulary; Youth justice service, Test YJS.',
    );
  });

  it('how to read the figures: rounding is explained for the own data, and open data are named as exact', () => {
    expect(screen.getByText(/^r: Rounded to the nearest 5/).textContent).toBe(
      'r: Rounded to the nearest 5 to protect privacy. Rates and tests use the rounded numbers; measures from published open data are exact counts.',
    );
  });
});

describe('the Overview with published open data alone, under the partner audience', () => {
  it('explains no symbol for hiding or rounding: no figure is hidden or rounded', async () => {
    cleanup();
    const allOpen = {
      ...mixedManifest({ headline: true }),
      datasets: mixedManifest().datasets.map((d) => ({ ...d, published: true })),
    };
    const open = await loadMiniSession(allOpen, [{ name: 'extracts.csv', text: miniExtractsCsv }]);
    try {
      window.history.replaceState(null, '', '/?view=overview&audience=partner');
      const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
      render(
        <QueryClientProvider client={client}>
          <SessionContext.Provider value={open.session}>
            <OverviewView />
          </SessionContext.Provider>
        </QueryClientProvider>,
      );
      await screen.findByRole('heading', { name: 'How to read these figures' }, { timeout: 60_000 });
      expect(screen.queryByText(/^c: /)).toBeNull();
      expect(screen.queryByText(/^r: /)).toBeNull();
      expect(screen.getByText(/^x: not available/)).toBeInTheDocument();
    } finally {
      cleanup();
      await open.engine.close();
    }
  });
});
