// @vitest-environment jsdom
// Switching the audience while its disclosure rules are still being applied: the real session, engine, hooks and
// Overview view, with the partner protection held back until the test lets it run. Before, the analyst figures
// stayed on screen, and in a CSV labelled "partner disclosure rules", until the partner figures came.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LP_COMPONENT_CAPS } from '../../../src/disclosure/lp-audit';
import { protectInline } from '../../../src/disclosure/protect-inline';
import type { ProtectRunner } from '../../../src/disclosure/protect-cube-table';
import { createNodeEngine, type NodeEngine } from '../../../src/engine/node-engine';
import { SessionContext } from '../../../src/hooks/session-context';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { downloadFile } from '../../../src/ui/download-file';
import { OverviewView } from '../../../src/views/overview/OverviewView';
import { FilterBar } from '../../../src/views/shell/FilterBar';
import { Header } from '../../../src/views/shell/Header';
import { ProtectionStatus } from '../../../src/views/shell/ProtectionStatus';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';
import { splitCsvLine } from '../../fixtures/real-police';

vi.mock('../../../src/ui/download-file', () => ({ downloadFile: vi.fn() }));

let engine: NodeEngine;
let session: DashboardSession;
/** Lets the held-back partner protection run. */
let release: () => void = () => {};
const partnerHeld = new Promise<void>((resolve) => {
  release = resolve;
});
// Analyst rules round to 1, partner rules to 5: only theirs is held back (the public's come from the snapshot).
// What is checked here is what the page shows while protection runs and after, not how far the LP certifies: the
// partner table is protected with the analysts' LP cap, a quarter of the CPU of partners' own (LP_COMPONENT_CAPS).
const gatedProtect: ProtectRunner = async (request, onProgress) => {
  if (request.policy.roundTo > 1) await partnerHeld;
  return protectInline({ ...request, lpComponentCap: LP_COMPONENT_CAPS.analyst }, onProgress);
};

beforeAll(async () => {
  engine = await createNodeEngine();
  // The demo restored protected for every audience but partners, with its files loaded beside it (the build's
  // snapshot holds every audience already): partners are protected here, through the gate, as own data are.
  session = await restoreProtectedDemo(engine, 'raw', gatedProtect, ['analyst', 'public']);
}, 600_000);
afterAll(() => {
  cleanup();
  engine?.close();
});

function renderDashboard() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>
        <Header />
        <FilterBar />
        <ProtectionStatus />
        <OverviewView />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}

const tierTable = () => screen.queryByRole('table', { name: /All measures by prevention tier/ });
const downloads = () => screen.queryAllByRole('button', { name: /^(CSV|SVG|PNG)/ });

describe('the Overview’s words', () => {
  it('follow the chosen month in the heading, and count people, not person-months', async () => {
    window.history.replaceState(null, '', '/?view=overview&period=2024-06');
    renderDashboard();
    await waitFor(() => expect(tierTable()).not.toBeNull(), { timeout: 120_000 });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      /^Overview: headline measures for .+, 2023, the latest full year to June 2024$/,
    );
    // Residents of the most deprived tenth are counted each month: the year's cell counts each of them 12 times.
    const [cell] = await engine.query<{ value: number }>(
      `SELECT CAST(value AS DOUBLE) AS value FROM protected_analyst WHERE indicator_id = 'imd_most_deprived_decile'
       AND area_code = 'VRN-LANCS' AND period = '2023' AND period_type = 'year' AND age_band = 'all' AND sex = 'all'`,
    );
    const residentMonths = cell?.value ?? NaN;
    const row = within(tierTable() as HTMLElement).getByRole('row', { name: /Most deprived 10%/ });
    expect(row).toHaveTextContent(`${Math.round(residentMonths / 12).toLocaleString('en-GB')} (average month)`);
    expect(row).not.toHaveTextContent(residentMonths.toLocaleString('en-GB'));
    cleanup();
  }, 600_000);
});

describe('switching the audience while its figures are worked out', () => {
  it('shows and exports no analyst figure under the partner label, then the partner figures', async () => {
    window.history.replaceState(null, '', '/?view=overview');
    renderDashboard();
    await waitFor(() => expect(tierTable()).not.toBeNull(), { timeout: 120_000 });
    const analystTable = tierTable()?.textContent ?? '';
    expect(downloads().length).toBeGreaterThan(0);
    await waitFor(() => expect(downloads().every((b) => !(b as HTMLButtonElement).disabled)).toBe(true));

    act(() => {
      fireEvent.change(screen.getByLabelText('Disclosure rules for'), { target: { value: 'partner' } });
    });
    // The partner rules are now the label...
    await waitFor(() => expect(screen.getByRole('note', { name: 'Disclosure rules' })).toHaveTextContent(/Partner view/));
    // ...and while they are applied, no figure is on screen: a placeholder, and nothing to download or copy.
    expect(tierTable()).toBeNull();
    expect(screen.getByText('Working out the headline measures…')).toBeInTheDocument();
    expect(downloads()).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Copy link to this view' })).toBeDisabled();
    expect(screen.getByText(/Updating the figures for partners/)).toBeInTheDocument();
    expect(downloadFile).not.toHaveBeenCalled();

    await act(async () => {
      release();
      await partnerHeld;
    });
    await waitFor(() => expect(tierTable()).not.toBeNull(), { timeout: 120_000 });
    const partnerTable = tierTable()?.textContent ?? '';
    // Rounded to 5 and more hidden: not the analyst figures.
    expect(partnerTable).not.toBe(analystTable);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy link to this view' })).toBeEnabled());

    const summary = within(tierTable()?.closest('section') as HTMLElement);
    const csvButton = summary.getAllByRole('button', { name: /^CSV/ }).at(-1) as HTMLButtonElement;
    expect(csvButton).toBeEnabled();
    fireEvent.click(csvButton);
    const [, csv] = vi.mocked(downloadFile).mock.calls.at(-1) as [string, string];
    expect(csv).toContain('(partner disclosure rules)');
    // Every count in the file is a partner figure (rounded to 5): none is an analyst figure.
    const counts = partnerNumbersIn(csv);
    expect(counts.length).toBeGreaterThan(5);
    for (const n of counts) expect(n % 5, `${n} in the partner CSV`).toBe(0);
  }, 600_000);
});

/** The whole-number counts in the CSV's value column (rounded to 5 under partner rules). */
function partnerNumbersIn(csv: string): number[] {
  const lines = csv.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
  const header = splitCsvLine(lines[0] ?? '');
  const col = header.indexOf('value');
  const counts = header.indexOf('value_counts');
  if (col < 0) throw new Error(`no value column in ${header.join(',')}`);
  // An average month of people counted each month is a twelfth of a rounded figure, so only counts of events.
  return lines
    .slice(1)
    .map((l) => splitCsvLine(l))
    .filter((cells) => counts < 0 || cells[counts] === 'in the year')
    .map((cells) => cells[col] ?? '')
    .filter((v) => /^\d+$/.test(v))
    .map(Number);
}
