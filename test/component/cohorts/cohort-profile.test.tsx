// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CohortProfileSection } from '../../../src/views/cohorts/CohortProfileSection';
import { profileCsv } from '../../../src/views/cohorts/ProfileTable';
import { INDICATORS, profile, tooSmallProfile } from './fixtures';

const POLICY = { suppressBelowOrEqual: 4, roundTo: 1, showZeros: true, lowCountBelow: 10 };
const COHORT = {
  name: 'Young men in Preston',
  ages: ['15-17' as const, '18-24' as const],
  sex: 'male' as const,
  area: 'E07000123',
};

function renderProfile(p = profile()) {
  render(
    <CohortProfileSection
      cohort={COHORT}
      profile={p}
      pending={false}
      error={null}
      indicators={INDICATORS}
      areaName="Preston"
      vruName="Lancashire VRN area"
      policy={POLICY}
      exportMeta={() => ({ source: 'test', synthetic: true, rules: 'Analyst disclosure rules' })}
    />,
  );
}

afterEach(cleanup);

describe('the tier profile', () => {
  it('has a spine chart per tier, each described in words, with a title that states the finding', () => {
    renderProfile();
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      'Young men in Preston against the Lancashire VRN area: 1 worse, 1 better, 1 similar, of 3 indicators compared',
    );
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Primary prevention (universal)',
      'Secondary prevention (early warning)',
      'Tertiary prevention (harm and justice)',
    ]);
    const charts = screen.getAllByRole('img', { name: /^Spine chart of/ });
    expect(charts).toHaveLength(3);
    expect(charts[0]).toHaveAccessibleName(/1 worse, 1 similar compared with the VRU area/);
    expect(charts[2]).toHaveAccessibleName(/1 hidden to protect privacy, 1 not recorded for this cohort/);
  });

  it('has a table behind the spine charts with every figure, its limits, the benchmark and the comparison in words', async () => {
    const user = userEvent.setup();
    renderProfile();
    await user.click(screen.getByText('Table of figures for Young men in Preston'));
    const table = screen.getByRole('table', {
      name: /Figures for Young men in Preston by prevention tier, with 95% confidence limits/,
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Indicator',
      'Ages covered',
      'Year',
      'Count',
      'Value',
      '95% limits',
      'VRU area',
      'Compared with VRU area',
      'Districts, same ages and sex',
      // The tiers group the rows.
      'Primary prevention (universal)',
      'Secondary prevention (early warning)',
      'Tertiary prevention (harm and justice)',
    ]);
    const absence = within(table).getByRole('row', { name: /absence short/ });
    expect(absence).toHaveTextContent('12.5');
    expect(absence).toHaveTextContent('10.0 to 15.0');
    expect(absence).toHaveTextContent('Worse');
    expect(absence).toHaveTextContent('4.0 to 14.0 (middle half 6.5 to 11.5); 6 districts, 1 c');
    const suppressed = within(table).getByRole('row', { name: /suspensions short/ });
    // One wording for every hidden cell, true whether it is small or protects another figure: never "too small".
    expect(
      within(suppressed).getAllByText(/^suppressed \(c\)\. Hidden to protect privacy\. A wider cohort \(more age bands/).length,
    ).toBeGreaterThan(0);
    expect(suppressed).not.toHaveTextContent(/\b0\.0\b/);
    expect(table).not.toHaveTextContent(/too small/);
    // A cohort figure adding up bands, one of them hidden, says so.
    const knife = within(table).getByRole('row', { name: /knife short/ });
    expect(
      within(knife).getAllByText(/This figure cannot be shown because it includes hidden figures: one of the age bands/).length,
    ).toBeGreaterThan(0);
    expect(within(table).getByRole('row', { name: /vwi short/ })).toHaveTextContent(
      'not available (x): recorded for both sexes together only',
    );
  });

  it('says how many figures are hidden and how to see more', () => {
    renderProfile();
    expect(
      screen.getByText(
        '2 of 5 figures are hidden to protect privacy (shown as c). A wider cohort (more age bands, both sexes, or the whole VRU area) is more likely to be shown.',
      ),
    ).toBeVisible();
  });

  it('says no rate of a cohort can be shown when every rate is hidden, without calling it small, and suggests widening it', () => {
    renderProfile(tooSmallProfile());
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent(
      'No rate can be shown for this cohort. Every one of its 3 figures is hidden to protect privacy (c), or cannot be shown because they include hidden figures. A wider cohort (more age bands, both sexes, or the whole VRU area) is more likely to be shown.',
    );
    expect(notice).not.toHaveTextContent(/too small|cohort is small/);
  });
});

describe('the profile’s downloads and units', () => {
  it('say which population year stood in, and that people counted each month are an average month', () => {
    const p = profile();
    const meta = { source: 'test', synthetic: true, rules: 'Analyst disclosure rules' };
    const plain = profileCsv(p, INDICATORS, 'Young men in Preston', meta);
    expect(plain).not.toContain('nearest year loaded');
    expect(plain).not.toContain('average month of the year');
    const first = p.rows[0]!;
    first.figure = { ...first.figure, populationYear: '2024', averageMonth: true };
    const csv = profileCsv(p, INDICATORS, 'Young men in Preston', meta);
    expect(csv).toContain('its rates use the 2024 population, the nearest year loaded');
    expect(csv).toContain('the count is people in an average month of the year, not the sum of the months (person-months)');
    expect(csv).toContain(',count_is,');
    expect(csv).toContain('people in an average month');
    renderProfile(p);
    expect(screen.getByText('people in an average month')).toBeInTheDocument();
  });
});
