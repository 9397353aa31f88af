// @vitest-environment jsdom
// The Trends comparison's files name what their figures are: the rules and sources of the indicators compared that
// are loaded. A link from another workspace may name an indicator that is not; it has no figure, so it must not
// turn "published open data: exact counts" into a claim that the partner rules were applied.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine-types';
import { SessionContext } from '../../../src/hooks/session-context';
import type { DashboardSession } from '../../../src/session/dashboard-session';
import { downloadFile } from '../../../src/ui/download-file';
import { TrendsView } from '../../../src/views/trends/TrendsView';
import { loadMiniSession, miniExtractsCsv, mixedManifest } from '../../fixtures/mini-contract';

vi.mock('../../../src/ui/download-file', () => ({ downloadFile: vi.fn() }));

let engine: Engine;
let session: DashboardSession;
beforeAll(async () => {
  const m = mixedManifest();
  // Both indicators published open data (exact for every audience).
  const allOpen = { ...m, datasets: m.datasets.map((d) => ({ ...d, published: true })) };
  ({ engine, session } = await loadMiniSession(allOpen, [{ name: 'extracts.csv', text: miniExtractsCsv }]));
  await session.ensureProtected('partner');
}, 120_000);
afterAll(() => {
  cleanup();
  return engine?.close();
});

describe('the Trends comparison under the partner audience, open data only', () => {
  it('names exact counts and the loaded indicators’ sources, whatever else the link names', async () => {
    window.history.replaceState(null, '', '/?view=trends&indicator=vwi&part=compare&with=vwi.reoff.not_loaded&audience=partner');
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <SessionContext.Provider value={session}>
          <TrendsView />
        </SessionContext.Provider>
      </QueryClientProvider>,
    );
    const button = await screen.findByRole('button', { name: /CSV/ }, { timeout: 60_000 });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() => expect(downloadFile).toHaveBeenCalled());
    const csv = vi.mocked(downloadFile).mock.calls.at(-1)![1] as string;
    expect(csv).toMatch(/^# Produced: .+ dashboard \(published open data: exact counts\)$/m);
    expect(csv).toMatch(/^# Source: Police recorded crime, Test Constabulary; Youth justice service, Test YJS$/m);
  });
});
