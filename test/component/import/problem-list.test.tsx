// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionContext } from '../../../src/hooks/session-context';
import type { Problem } from '../../../src/import/problems';
import type { DashboardSession, SessionSnapshot } from '../../../src/session/dashboard-session';
import { PROBLEMS_SHOWN, ProblemList } from '../../../src/views/import/ProblemList';
import { StillExpected } from '../../../src/views/import/StillExpected';
import { parseCsvText } from '../../fixtures/csv-line';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const file = 'extracts 2025.csv';
const NUMBER_FIX = 'Counts are whole numbers such as 0, 7 or 120, with no text, commas or symbols.';
const PERIOD_FIX = 'Write periods as four-digit year, hyphen, two-digit month, for example 2024-03.';
const COVERAGE_FIX = "Update the dataset's coverage (from, to) in the manifest, or check the period.";

/** What the checks give for a file with three kinds of error and many warnings: examples, then "and N more". */
function manyProblems(): Problem[] {
  const rows = (
    fix: string,
    column: string,
    message: (i: number) => string,
    n: number,
    severity: Problem['severity'] = 'error',
  ) => Array.from({ length: n }, (_, i): Problem => ({ file, severity, row: i + 2, column, message: message(i), fix }));
  return [
    // A warning found first must still come after the errors.
    ...rows(
      COVERAGE_FIX,
      'period',
      (i) => `period 2019-${String((i % 12) + 1).padStart(2, '0')} is outside the coverage.`,
      30,
      'warning',
    ),
    ...rows(NUMBER_FIX, 'count', (i) => `"${i}x" is not a number.`, 5),
    { file, severity: 'error', column: 'count', message: 'and 12,000 more rows with the same problem.', fix: NUMBER_FIX },
    ...rows(PERIOD_FIX, 'period', () => '"2024/03" is not a month written YYYY-MM.', 5),
    ...rows('Use one of: female, male, all.', 'sex', () => '"F" is not one of the allowed values.', 16),
  ];
}

describe('the problems of one file', () => {
  it('shows the total, the first 20 grouped by their fix (errors first), and a download of all of them', async () => {
    const problems = manyProblems();
    expect(problems).toHaveLength(57);
    const created: Blob[] = [];
    vi.stubGlobal('URL', { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => {} });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<ProblemList file={file} problems={problems} />);

    expect(
      screen.getByText(/^27 errors and 30 warnings\. The first 20 are listed, grouped by how to fix them\.$/),
    ).toBeInTheDocument();
    const groups = screen.getAllByRole('listitem').filter((li) => li.classList.contains('problem-group'));
    const listed = groups.flatMap((g) => within(g).queryAllByRole('listitem'));
    expect(listed).toHaveLength(PROBLEMS_SHOWN);
    // Each kind's fix is said once, in the order errors then warnings.
    expect(groups.map((g) => g.querySelector('.problem__fix')?.textContent)).toEqual([
      `How to fix: ${NUMBER_FIX}`,
      `How to fix: ${PERIOD_FIX}`,
      'How to fix: Use one of: female, male, all.',
    ]);
    expect(groups[0]).toHaveTextContent(/^Error, 6 problems of this kind:Row 2, column “count”: "0x" is not a number\./);
    expect(groups[2]).toHaveTextContent('7 more problems of this kind in the download.');
    // The warnings did not fit: nothing of them is listed, and the download has them.
    expect(screen.queryByText(/outside the coverage/)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Download all 57 problems (CSV) found in extracts 2025.csv' }));
    const rows = parseCsvText(await created[0]!.text()).filter((r) => !r[0]!.startsWith('#'));
    expect(rows[0]).toEqual(['file', 'severity', 'row', 'column', 'problem', 'how_to_fix']);
    expect(rows.slice(1)).toHaveLength(57);
    expect(rows.filter((r) => r[1] === 'warning')).toHaveLength(30);
  });

  it('gives a single problem on one line with its row, column and fix, and no download', () => {
    render(
      <ProblemList
        file={file}
        problems={[
          { file, severity: 'error', row: 3, column: 'count', message: '2.5 is not a whole number.', fix: 'Give the count.' },
        ]}
      />,
    );
    expect(screen.getByText(/^1 error\.$/)).toBeInTheDocument();
    expect(document.querySelector('.problem-group')).toHaveTextContent(
      'Error, Row 3, column “count”: 2.5 is not a whole number. Give the count.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the file in a message about the file as a whole', () => {
    render(
      <ProblemList
        file="wide.csv"
        problems={[{ file: 'wide.csv', severity: 'error', message: 'has 200,000 columns.', fix: 'Keep the contract’s columns.' }]}
      />,
    );
    expect(document.querySelector('.problem-group')).toHaveTextContent(
      'Error, wide.csv has 200,000 columns. Keep the contract’s columns.',
    );
  });

  it('says nothing for a file with no problems', () => {
    const { container } = render(<ProblemList file={file} problems={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('files the manifest lists that are not loaded yet', () => {
  const withState = (stillExpected: SessionSnapshot['state']['stillExpected']) => {
    const snapshot = { state: { manifest: null, boundaries: {}, stillExpected } } as unknown as SessionSnapshot;
    const session = { subscribe: () => () => {}, getSnapshot: () => snapshot } as unknown as DashboardSession;
    return render(
      <SessionContext.Provider value={session}>
        <StillExpected />
      </SessionContext.Provider>,
    );
  };

  it('lists each with its kind', () => {
    withState([
      { name: 'extracts-2025.csv', kind: 'extracts' },
      { name: 'districts.geojson', kind: 'boundary' },
    ]);
    const notice = screen.getByRole('status');
    expect(within(notice).getByRole('heading')).toHaveTextContent('The manifest lists 2 files that are not loaded yet');
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['extracts-2025.csv (extract)', 'districts.geojson (boundaries)']);
  });

  it('is absent when nothing is expected', () => {
    const { container } = withState([]);
    expect(container).toBeEmptyDOMElement();
  });
});
