// @vitest-environment jsdom
// The Data and ethics view's disclosure table, on the real session, engine and demo: it may say how many cells show
// c and that the audit passed, by which method, but never how many hidden cells are small or were hidden to protect
// another (safety relies on those being unknown). Before, it showed both counts and "N hidden small numbers checked".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '../../../src/contract';
import { LP_AUDIT_METHOD } from '../../../src/disclosure/audit-method';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine, type NodeEngine } from '../../../src/engine/node-engine';
import { SessionContext } from '../../../src/hooks/session-context';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { DisclosureSection } from '../../../src/views/data-ethics/DisclosureSection';
import { loadMiniSession, miniExtractsCsv, miniManifest, mixedManifest } from '../../fixtures/mini-contract';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';

let engine: NodeEngine;
let session: DashboardSession;

beforeAll(async () => {
  engine = await createNodeEngine();
  // The demo as the page opens it (its protection summaries restored from the build's snapshot), with its cube
  // beside it so the test can count the small hidden cells the table must not mention.
  session = await restoreProtectedDemo(engine, 'raw');
}, 600_000);
afterAll(() => {
  cleanup();
  return engine?.close();
});

describe('the disclosure table of the Data and ethics view', () => {
  it('says the audit passed and how, and how many cells show c, but not how many of them are small', async () => {
    window.history.replaceState(null, '', '/?view=data');
    const manifest = session.getSnapshot().state.manifest!;
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <SessionContext.Provider value={session}>
          <DisclosureSection manifest={manifest} />
        </SessionContext.Provider>
      </QueryClientProvider>,
    );
    const table = screen.getByRole('table', { name: /Disclosure rules and the audit/ });
    const analyst = within(table).getByRole('row', { name: /Analysts in the partnership/ });
    await waitFor(() => expect(analyst).toHaveTextContent('Passed'), { timeout: 120_000 });
    expect(analyst).toHaveTextContent(LP_AUDIT_METHOD);
    // The analyst table's largest groups had only bounds propagation (the LP's cap): "passed" is not called proof.
    // It said "No hidden small number can be narrowed", which an LP without the cap disproves on the demo.
    expect(analyst).toHaveTextContent('larger groups by bounds propagation');
    expect(analyst).toHaveTextContent('so this is not proof for them');
    expect(analyst).not.toHaveTextContent('No hidden small number can be narrowed');
    // The rule in the words every other place uses (policyInWords): the zeros these rules show are not "hidden".
    expect(analyst).toHaveTextContent(
      `Counts of 1 to ${manifest.disclosure.analyst.suppressBelowOrEqual} hidden; rates from fewer than ${manifest.disclosure.analyst.lowCountBelow} events flagged as low counts.`,
    );

    // The analyst rules' small hidden cells and the others hidden, counted from the cube and the protected table.
    const policy = manifest.disclosure.analyst;
    const [counts] = await engine.query<{ hidden: number; small: number }>(`
      SELECT count(*)::DOUBLE AS hidden,
             count(*) FILTER (WHERE c.count <= ${policy.suppressBelowOrEqual} AND (c.count > 0 OR NOT ${policy.showZeros}))::DOUBLE AS small
      FROM protected_analyst p JOIN cube c USING (indicator_id, area_code, level, period, period_type, age_band, sex)
      WHERE p.flag = 'c'`);
    expect(counts!.small).toBeGreaterThan(0);
    expect(counts!.hidden).toBeGreaterThan(counts!.small);
    // Every number written in any cell of the table (cells are read one by one: their text runs together).
    const numbers = within(table)
      .getAllByRole('cell')
      .flatMap((cell) => (cell.textContent ?? '').match(/\d[\d,]*/g) ?? [])
      .map((n) => Number(n.replaceAll(',', '')));
    expect(
      within(analyst)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain(counts!.hidden.toLocaleString('en-GB'));
    for (const secret of [counts!.small, counts!.hidden - counts!.small]) expect(numbers, String(secret)).not.toContain(secret);
    expect(table).not.toHaveTextContent(/small numbers checked|to stop subtraction|could be narrowed/);
  });
});

/** The section rendered for a session of the mini contract, its datasets published open data or not as given. */
async function renderFor(manifest: ManifestInput): Promise<{ engine: Engine; table: HTMLElement }> {
  cleanup();
  const mini = await loadMiniSession(manifest, [{ name: 'extracts.csv', text: miniExtractsCsv }]);
  window.history.replaceState(null, '', '/?view=data');
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={mini.session}>
        <DisclosureSection manifest={mini.session.getSnapshot().state.manifest!} />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
  return { engine: mini.engine, table: screen.getByRole('table', { name: /Disclosure rules and the audit/ }) };
}

describe('published open data in the disclosure table (exact for every audience)', () => {
  it('with only open data loaded, claims no hidden number and no audit', async () => {
    const allOpen = { ...miniManifest, datasets: miniManifest.datasets.map((d) => ({ ...d, published: true })) };
    const { engine: open, table } = await renderFor(allOpen);
    try {
      expect(screen.getByText(/^Every figure loaded is published open data, shown exactly as published/)).toBeInTheDocument();
      expect(screen.queryByText(/Small numbers are hidden/)).toBeNull();
      const analyst = within(table).getByRole('row', { name: /Analysts in the partnership/ });
      expect(analyst).toHaveTextContent('Nothing to audit: no figure loaded is under these rules.');
      expect(table).not.toHaveTextContent(/Passed|narrowed/);
    } finally {
      await open.close();
    }
  });

  it('beside own data, says the rules are for the own data and open data are exact', async () => {
    const { engine: mixed, table } = await renderFor(mixedManifest());
    try {
      expect(screen.getByText(/Published open data are shown exactly as published, for every audience\./)).toBeInTheDocument();
      const analyst = within(table).getByRole('row', { name: /Analysts in the partnership/ });
      await waitFor(() => expect(analyst).toHaveTextContent('Passed'), { timeout: 60_000 });
    } finally {
      await mixed.close();
    }
  });
});
