// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICIES, type Indicator } from '../../../src/contract';
import { SessionContext } from '../../../src/hooks/session-context';
import type { BriefingMeasure } from '../../../src/queries/figures/briefing-measure';
import type { DashboardSession, SessionSnapshot } from '../../../src/session/dashboard-session';
import { kindNamed } from '../../../src/indicator-kinds';
import { rateChange } from '../../../src/stats';
import { measureCsv, summaryCsv } from '../../../src/views/overview/briefing-csv';
import { MeasureCard } from '../../../src/views/overview/MeasureCard';
import { TierSummary } from '../../../src/views/overview/TierSummary';
import { CopyLinkButton } from '../../../src/views/shell/CopyLinkButton';

afterEach(cleanup);

const snapshot = {
  state: {
    manifest: { synthetic: true, disclosure: DEFAULT_POLICIES } as unknown as SessionSnapshot['state']['manifest'],
    boundaries: {},
  },
  version: 1,
  lastLoad: [],
  workspace: { kind: 'demo' },
  storage: { available: false, stored: null, saving: false, problem: null, unfinished: null },
  choices: {},
  absentRows: [],
  absentRowsQuestions: [],
  protecting: null,
  protection: {},
  bundle: null,
  rawData: true,
} as SessionSnapshot;
const session = { subscribe: () => () => {}, getSnapshot: () => snapshot } as unknown as DashboardSession;
const wrap = (ui: ReactNode) => render(<SessionContext.Provider value={session}>{ui}</SessionContext.Provider>);

const indicator = {
  id: 'knife_serious_violence_u25',
  title: 'Knife-enabled serious violence against people aged under 25',
  shortTitle: 'Knife serious violence, under 25',
  dataset: 'police',
  tier: 'tertiary',
  polarity: 'higher-is-worse',
  unit: 'people aged under 25 harmed in knife-enabled serious violence',
  multiplier: 100000,
  rateLabel: 'per 100,000 people aged under 25',
  numerator: 'x',
  denominator: 'y',
  denominatorSource: 'population',
  statistic: 'rate',
  method: 'Home Office VRU success measure.',
  caveats: [],
  headline: true,
  counted: 'events',
} as Indicator;

const months = Array.from({ length: 24 }, (_, i) => {
  const period = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  return i === 5
    ? { period, value: null, flag: 'c' as const }
    : i === 6
      ? { period, value: null, flag: 'x' as const }
      : { period, value: 10 + i, flag: 'shown' as const };
});

const measure = (over: Partial<BriefingMeasure> = {}): BriefingMeasure => ({
  indicator,
  homeOffice: true,
  ageScope: { label: null, bands: null },
  current: {
    period: '2025',
    span: 'year',
    label: '2025',
    value: 240,
    flag: 'shown',
    denominator: 400_000,
    statistic: { value: 60, lower95: 52.7, upper95: 68.1, lower998: 50, upper998: 70, method: 'byars', reason: null },
    lowCount: false,
    populationYear: null,
    rateReason: null,
    perMonth: null,
  },
  previous: {
    period: '2024',
    span: 'year',
    label: '2024',
    value: 200,
    flag: 'shown',
    denominator: 400_000,
    statistic: null,
    lowCount: false,
    populationYear: null,
    rateReason: null,
    perMonth: null,
  },
  change: rateChange({ count: 240, denominator: 400_000 }, { count: 200, denominator: 400_000 }),
  comparedOn: null,
  months,
  sentence: 'The number of people aged under 25 harmed in knife-enabled serious violence in the area in 2025 was 240.',
  ...over,
});

/** The card as an analyst sees it (synthetic, police data), for the measure given; returns the card's article. */
function renderAnalystCard(m: BriefingMeasure): HTMLElement {
  wrap(
    <MeasureCard
      measure={m}
      areaName="the area"
      policy={DEFAULT_POLICIES.analyst}
      datasetSource="Police"
      synthetic
      rules="Analyst disclosure rules"
    />,
  );
  return screen.getByRole('article', { name: 'Knife serious violence, under 25' });
}

describe('a headline measure card', () => {
  it('shows the rate, the count, the change with its test in words, and a sparkline with a text alternative', () => {
    const card = renderAnalystCard(measure());
    expect(within(card).getByText('60.0')).toBeInTheDocument();
    expect(card).toHaveTextContent('Change on 2024: +20%');
    expect(card).toHaveTextContent(/Not a statistically significant change|Statistically significant increase/);
    const chart = within(card).getByRole('img', { name: /last 24 months/ });
    expect(chart.querySelector('desc')?.textContent).toMatch(
      /from January 2024 to December 2025: lowest 10 \(January 2024\), highest 33 \(December 2025\)\. 1 month is hidden .* 1 month has no data/,
    );
    // The line breaks at the hidden and missing months rather than dropping to zero.
    expect(chart.querySelectorAll('path')).toHaveLength(2);
    expect(within(card).getByRole('group', { name: /Download Knife serious violence/ })).toBeInTheDocument();
  });

  it('shows a hidden figure as c with its reason, never as a number', () => {
    wrap(
      <MeasureCard
        measure={measure({
          current: {
            period: '2025',
            span: 'year',
            label: '2025',
            value: null,
            flag: 'c',
            denominator: 400_000,
            statistic: null,
            lowCount: false,
            populationYear: null,
            rateReason: null,
            perMonth: null,
          },
          change: null,
          sentence: 'The number in 2025 is hidden to protect privacy.',
        })}
        areaName="the area"
        policy={DEFAULT_POLICIES.partner}
        datasetSource="Police"
        synthetic
        rules="Partner disclosure rules"
      />,
    );
    const card = screen.getByRole('article', { name: 'Knife serious violence, under 25' });
    expect(
      within(card).getAllByText(/suppressed \(c\)\. Hidden to protect privacy: the number is fewer than 8/).length,
    ).toBeGreaterThan(0);
    expect(card).toHaveTextContent('Not tested: a figure is hidden');
    expect(card).not.toHaveTextContent('240');
  });
});

describe('a rate with no population', () => {
  it('is x with the reason, never c with the small-number wording, and the count still shows', () => {
    const reason =
      'no population figure for the area: 3 of its 14 districts have none for 2025, and a total without them would understate it';
    const card = renderAnalystCard(
      measure({
        current: {
          period: '2025',
          span: 'year',
          label: '2025',
          value: 58_392,
          flag: 'shown',
          denominator: null,
          statistic: {
            value: null,
            lower95: null,
            upper95: null,
            lower998: null,
            upper998: null,
            method: null,
            reason: 'denominator is missing',
          },
          lowCount: false,
          populationYear: null,
          rateReason: reason,
          perMonth: null,
        },
      }),
    );
    expect(card).toHaveTextContent('58,392');
    expect(card).toHaveTextContent(`No rate (x): ${reason}.`);
    expect(within(card).getByText(`not available (x): ${reason}`)).toBeInTheDocument();
    const value = card.querySelector('.measure-card__value');
    expect(value).toHaveTextContent('x');
    expect(value).not.toHaveTextContent(/suppressed \(c\)|fewer than/);
  });

  it('names the year of the population a rate borrowed', () => {
    wrap(
      <MeasureCard
        measure={measure({ current: { ...measure().current!, populationYear: 2024 } })}
        areaName="the area"
        policy={DEFAULT_POLICIES.analyst}
        datasetSource="Police"
        synthetic
        rules="Analyst disclosure rules"
      />,
    );
    expect(screen.getByRole('article', { name: 'Knife serious violence, under 25' })).toHaveTextContent(
      'The rate uses the 2024 population, the nearest year loaded (there is none for 2025).',
    );
  });
});

describe('the downloads of a rate with another year’s population or none', () => {
  it('say which population year a rate used, and why a rate is x, as the card does', () => {
    const borrowed = measure({ current: { ...measure().current!, populationYear: 2024 } });
    const reason = 'no population figure for the area: 1 of its 14 districts has none for 2024';
    const none = measure({ previous: { ...measure().previous!, statistic: null, denominator: null, rateReason: reason } });
    const meta = { source: 'Police', synthetic: true, rules: 'Analyst disclosure rules' };
    const one = measureCsv(borrowed, { ...meta, areaName: 'the area' });
    expect(one).toContain(
      'Knife serious violence, under 25: the rate for 2025 uses the 2024 population, the nearest year loaded',
    );
    const summary = summaryCsv([borrowed, none], { ...meta, title: 'Summary' });
    expect(summary).toContain('the rate for 2025 uses the 2024 population');
    expect(summary).toContain(`no rate for 2024 (x): ${reason}`);
    // A rate using its own year's population needs no note.
    expect(measureCsv(measure(), { ...meta, areaName: 'the area' })).not.toContain('nearest year loaded');
  });
});

describe('a card with no full calendar year loaded', () => {
  const LEFT_OUT =
    'leaving out October and November 2020 and June, August and September 2021 (and the same months a year earlier), which have no data in one of the periods';
  const rolling = (current: BriefingMeasure['current'], label: string, period: string) =>
    ({ ...current!, span: '12 months', label, period }) as const;
  const twelve = measure({
    current: rolling(measure().current, 'the 12 months to September 2021', '2020-10 to 2021-09'),
    previous: rolling(measure().previous, 'the 12 months to September 2020', '2019-10 to 2020-09'),
    comparedOn: LEFT_OUT,
  });

  it('names the 12 months on the figure and the change, and says which months both were compared on', () => {
    const card = renderAnalystCard(twelve);
    expect(card).toHaveTextContent('per 100,000 people aged under 25, the 12 months to September 2021');
    expect(card).toHaveTextContent(
      '240 people aged under 25 harmed in knife-enabled serious violence in the 12 months to September 2021',
    );
    expect(card).toHaveTextContent('Change on the 12 months to September 2020: +20%');
    expect(card).toHaveTextContent(
      `No full calendar year is loaded, so the 12 months to the latest month are compared with the 12 before, on the months both have data for: ${LEFT_OUT}.`,
    );
    expect(card).not.toHaveTextContent('No full calendar year of figures');
  });

  it('writes the period as months in its downloads, says what the value counts, and names the months left out', () => {
    const meta = { source: 'Police', synthetic: true, rules: 'Analyst disclosure rules' };
    const one = measureCsv(twelve, { ...meta, areaName: 'the area' });
    expect(one).toContain('2020-10 to 2021-09,12 months,240,in the 12 months');
    expect(one).toContain(
      `no full calendar year is loaded; the 12-month figures count only the months both periods have data for, ${LEFT_OUT}`,
    );
    const summary = summaryCsv([twelve], { ...meta, title: 'Summary' });
    expect(summary).toMatch(/,period,value,value_counts,.*,previous_period,/);
    expect(summary).toContain('2020-10 to 2021-09,240,in the 12 months');
  });
});

describe('the copy link button', () => {
  it('copies the address and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    window.history.replaceState(null, '', '/?view=overview&sex=female');
    render(<CopyLinkButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link to this view' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(await screen.findByRole('status')).toHaveTextContent('Link copied');
  });

  it('falls back to a selected read-only field when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    window.history.replaceState(null, '', '/?view=overview&period=2024-06');
    render(<CopyLinkButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link to this view' }));
    const field = await screen.findByLabelText('Link to this view');
    expect(field).toHaveValue(window.location.href);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('did not let the page copy');
  });
});

describe('a card for a directly standardised rate', () => {
  const dsr = { ...indicator, statistic: 'dsr', rateLabel: 'per 100,000 (age-standardised, ESP2013)' } as Indicator;
  const stat = { value: 812.34, lower95: 760.2, upper95: 866.9, lower998: null, upper998: null, method: 'dobson' as const };

  it('shows the DSR under its own label and says its change is not tested, not a Poisson test of a crude rate', () => {
    const notTested = dsrChange();
    const card = renderAnalystCard(
      measure({
        indicator: dsr,
        current: { ...measure().current!, statistic: { ...stat, reason: null } },
        change: notTested,
      }),
    );
    expect(within(card).getByText('812')).toBeInTheDocument();
    expect(card).toHaveTextContent('per 100,000 (age-standardised, ESP2013), 2025');
    expect(card).toHaveTextContent(/Not tested: the change in a directly standardised rate is not tested/);
    expect(card).not.toHaveTextContent(/rate ratio/);
  });

  it('says why there is no DSR when it cannot be worked out, rather than showing a crude rate', () => {
    const card = renderAnalystCard(
      measure({
        indicator: dsr,
        current: {
          ...measure().current!,
          statistic: { ...stat, value: null, lower95: null, upper95: null, reason: 'no figure for ages 15-17 in 2025' },
          rateReason: 'no figure for ages 15-17 in 2025',
        },
        change: dsrChange(),
      }),
    );
    expect(card).toHaveTextContent('No rate (x): no figure for ages 15-17 in 2025.');
    expect(within(card).queryByText('60.0')).toBeNull();
  });
});

function dsrChange(): BriefingMeasure['change'] {
  return kindNamed('dsr').changeTest({ count: 240, denominator: null }, { count: 200, denominator: null });
}

describe('the table of all measures by tier', () => {
  it('marks a rate with no full year x (not available), and z (not applicable) only for a measure shown as a count', () => {
    const noYear = measure({ current: null, previous: null, change: null });
    const counted = measure({ indicator: { ...indicator, id: 'counted', statistic: 'count' } as Indicator });
    wrap(
      <TierSummary
        measures={[noYear, counted]}
        areaName="the area"
        policy={DEFAULT_POLICIES.analyst}
        source="Police"
        synthetic
        rules="Analyst disclosure rules"
      />,
    );
    const rateCell = (id: string) => document.querySelector(`tr[data-indicator="${id}"]`)!.querySelectorAll('td')[2]!;
    expect(rateCell('knife_serious_violence_u25').textContent).toBe('x');
    expect(rateCell('counted').textContent).toBe('z');
  });
});
