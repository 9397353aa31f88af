// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manifestSchema, type AbsentRowsReading } from '../../../src/contract';
import { SessionContext } from '../../../src/hooks/session-context';
import type { SessionSnapshot } from '../../../src/session/dashboard-session';
import { AbsentRowsTable } from '../../../src/views/data-ethics/AbsentRowsTable';
import { AbsentRowsQuestion } from '../../../src/views/import/AbsentRowsQuestion';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { enc, miniAreasCsv, miniManifest } from '../../fixtures/mini-contract';

afterEach(cleanup);

/** A session whose snapshot the test changes, as the real one does after an answer. */
function fakeSession(questions: string[], readings: AbsentRowsReading[] = []) {
  let snapshot = { absentRowsQuestions: questions, absentRows: readings } as unknown as SessionSnapshot;
  const listeners = new Set<() => void>();
  const answerAbsentRows = vi.fn(async (file: string, reading: string) => {
    snapshot = {
      ...snapshot,
      absentRowsQuestions: snapshot.absentRowsQuestions.filter((f) => f !== file),
      absentRows: [{ indicatorId: 'vwi', reading, source: 'answer', files: [file] }],
    } as SessionSnapshot;
    listeners.forEach((l) => l());
  });
  const session = {
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    getSnapshot: () => snapshot,
    answerAbsentRows,
  } as unknown as DashboardSession;
  return { session, answerAbsentRows };
}

describe('the question about rows left out of an extract', () => {
  it('asks in words naming the file, and is answered with the keyboard alone', async () => {
    const { session, answerAbsentRows } = fakeSession(['ed-extract.csv']);
    const user = userEvent.setup();
    render(
      <SessionContext.Provider value={session}>
        <AbsentRowsQuestion />
      </SessionContext.Provider>,
    );
    const group = screen.getByRole('group', {
      name: 'Rows left out of ed-extract.csv: do they mean no events (zero) or not reported?',
    });
    expect(group).toBeInTheDocument();
    // Nothing chosen: the form says so and answers nothing.
    await user.tab();
    expect(screen.getByRole('radio', { name: /^No events/ })).toHaveFocus();
    const button = screen.getByRole('button', { name: 'Use this answer' });
    while (document.activeElement !== button && document.activeElement !== document.body) await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose one of the two answers.');
    expect(answerAbsentRows).not.toHaveBeenCalled();
    // Back into the group (Shift+Tab lands on its last radio, as in a browser), choose it with the space bar, then move
    // between the answers with the arrow keys, and submit.
    await user.tab({ shift: true });
    const notReported = screen.getByRole('radio', { name: /^Not reported/ });
    expect(notReported).toHaveFocus();
    await user.keyboard(' ');
    expect(notReported).toBeChecked();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('radio', { name: /^No events/ })).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(notReported).toBeChecked();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(answerAbsentRows).toHaveBeenCalledWith('ed-extract.csv', 'notReported');
    // Answered: the question goes.
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('asks nothing when every extract declares its reading', () => {
    const { session } = fakeSession([]);
    render(
      <SessionContext.Provider value={session}>
        <AbsentRowsQuestion />
      </SessionContext.Provider>,
    );
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('shows in Data and ethics how each indicator is read, who said so, and the months declared not reported', () => {
    const manifest = manifestSchema.parse({
      ...miniManifest,
      datasets: miniManifest.datasets.map((d) => ({
        ...d,
        coverage: {
          from: '2024-01',
          to: '2024-12',
          areas: 'Both',
          absentRows: 'zero',
          notReported: [{ areas: ['D2'], from: '2024-03', to: '2024-04' }],
        },
      })),
    });
    const { session } = fakeSession(
      [],
      [
        { indicatorId: 'vwi', reading: 'zero', source: 'manifest', files: ['extracts.csv'] },
        { indicatorId: 'reoff', reading: null, source: null, files: ['reoff.csv'] },
      ],
    );
    render(
      <SessionContext.Provider value={session}>
        <AbsentRowsTable manifest={manifest} />
      </SessionContext.Provider>,
    );
    const vwi = screen.getByRole('row', { name: /Violence with injury/ });
    expect(vwi).toHaveTextContent('as 0 (no events)');
    expect(vwi).toHaveTextContent('the manifest');
    expect(vwi).toHaveTextContent('March 2024 to April 2024 (D2)');
    const reoff = screen.getByRole('row', { name: /Proven reoffending/ });
    expect(reoff).toHaveTextContent('not yet answered: not shown');
    expect(reoff).toHaveTextContent('waiting for an answer at Load data (reoff.csv)');
  });
});

// The real session and engine: an extract of 60 rows none of which counts 0 (two districts, two sexes, 15 months)
// has most likely left its zeros out, so "Not reported" is refused with the reason, and the question stays.
describe('the question on the real session, for an extract with no zero row', () => {
  it('says why "Not reported" cannot be used, keeps the question, and takes "No events"', async () => {
    const engine = await createNodeEngine();
    try {
      const session = await DashboardSession.start(engine, protectInline);
      const manifest = structuredClone(miniManifest);
      manifest.datasets = manifest.datasets.map((d) => ({ ...d, coverage: { from: '2023-01', to: '2024-03', areas: 'Both' } }));
      const rows = ['indicator_id,period,area_code,age_band,sex,count'];
      for (let m = 0; m < 15; m++) {
        const period = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        for (const area of ['D1', 'D2'])
          for (const sex of ['female', 'male']) rows.push(`vwi,${period},${area},15-17,${sex},${1 + ((m + rows.length) % 4)}`);
      }
      await session.load([
        { name: 'manifest.json', bytes: enc(JSON.stringify(manifest)) },
        { name: 'areas.csv', bytes: enc(miniAreasCsv) },
        { name: 'vwi.csv', bytes: enc(rows.join('\n') + '\n') },
      ]);
      expect(session.getSnapshot().absentRowsQuestions).toEqual(['vwi.csv']);
      const user = userEvent.setup();
      render(
        <SessionContext.Provider value={session}>
          <AbsentRowsQuestion />
        </SessionContext.Provider>,
      );
      await user.click(screen.getByRole('radio', { name: /^Not reported/ }));
      await user.click(screen.getByRole('button', { name: 'Use this answer' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'The answer could not be used: vwi.csv has no row with a count of 0, so the rows it leaves out are most likely its zeros',
      );
      expect(screen.getByRole('group', { name: /^Rows left out of vwi\.csv/ })).toBeInTheDocument();
      await user.click(screen.getByRole('radio', { name: /^No events/ }));
      await user.click(screen.getByRole('button', { name: 'Use this answer' }));
      await waitFor(() => expect(screen.queryByRole('group')).not.toBeInTheDocument());
      expect(session.getSnapshot().absentRows[0]).toMatchObject({ reading: 'zero', source: 'answer' });
    } finally {
      await engine.close();
    }
  }, 60_000);
});
