// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseViewState } from '../../../src/url-state/view-state';
import { CohortControls } from '../../../src/views/cohorts/CohortBuilder';

const AREAS = [
  { code: 'E06000009', name: 'Blackpool' },
  { code: 'E07000123', name: 'Preston' },
];
const VRU = 'Lancashire Violence Reduction Network area';
const YOUNG_PEOPLE = {
  name: `People aged 15-24 in the ${VRU}`,
  ages: ['15-17' as const, '18-24' as const],
  sex: 'all' as const,
  area: null,
};

const urlState = () => parseViewState(window.location.search).state;

beforeEach(() => window.history.replaceState(null, '', '/?view=cohorts'));
afterEach(cleanup);

describe('the cohort builder', () => {
  it('writes the cohort to the URL, with a name that follows the choices until it is edited', async () => {
    const user = userEvent.setup();
    render(<CohortControls cohort={YOUNG_PEOPLE} compare={null} areas={AREAS} vruName={VRU} />);
    const form = screen.getByRole('form', { name: 'Cohort' });
    const ages = within(form).getByRole('group', { name: 'Age bands' });
    expect(within(ages).getByRole('checkbox', { name: '15-17' })).toBeChecked();
    await user.click(within(form).getByRole('radio', { name: 'Male' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Area' }), 'Preston');
    expect(within(form).getByRole('textbox', { name: 'Cohort name' })).toHaveValue('Males aged 15-24 in Preston');
    await user.click(within(ages).getByRole('checkbox', { name: '10-14' }));
    expect(within(form).getByRole('textbox', { name: 'Cohort name' })).toHaveValue('Males aged 10-24 in Preston');
    await user.click(within(form).getByRole('button', { name: 'Show cohort' }));
    expect(window.location.search).toContain('cohort=10-14%2B15-17%2B18-24%7Cmale%7CE07000123%7CMales+aged+10-24+in+Preston');
    expect(urlState().cohort).toEqual({
      ages: ['10-14', '15-17', '18-24'],
      sex: 'male',
      area: 'E07000123',
      name: 'Males aged 10-24 in Preston',
    });
  });

  it('keeps a name the user typed', async () => {
    const user = userEvent.setup();
    render(<CohortControls cohort={YOUNG_PEOPLE} compare={null} areas={AREAS} vruName={VRU} />);
    const name = screen.getByRole('textbox', { name: 'Cohort name' });
    await user.clear(name);
    await user.type(name, 'Young people | VRU');
    await user.click(screen.getByRole('radio', { name: 'Female' }));
    expect(name).toHaveValue('Young people | VRU');
    await user.click(screen.getByRole('button', { name: 'Show cohort' }));
    expect(urlState().cohort?.name).toBe('Young people / VRU');
  });

  it('asks for an age band rather than showing an empty cohort', async () => {
    const user = userEvent.setup();
    render(<CohortControls cohort={YOUNG_PEOPLE} compare={null} areas={AREAS} vruName={VRU} />);
    await user.click(screen.getByRole('checkbox', { name: '15-17' }));
    await user.click(screen.getByRole('checkbox', { name: '18-24' }));
    await user.click(screen.getByRole('button', { name: 'Show cohort' }));
    expect(screen.getByText('Choose at least one age band')).toBeVisible();
    expect(window.location.search).not.toContain('cohort=');
    expect(screen.getByRole('checkbox', { name: '0-9' })).toHaveFocus();
  });

  it('opens a second form to compare with, moves focus to it, and writes the comparison', async () => {
    const user = userEvent.setup();
    const preston = {
      name: 'Young men in Preston',
      ages: ['15-17' as const, '18-24' as const],
      sex: 'male' as const,
      area: 'E07000123',
    };
    render(<CohortControls cohort={preston} compare={null} areas={AREAS} vruName={VRU} />);
    await user.click(screen.getByRole('button', { name: 'Compare with another cohort' }));
    const second = screen.getByRole('form', { name: 'Comparison cohort' });
    expect(within(second).getByRole('heading', { name: 'Comparison cohort' })).toHaveFocus();
    expect(within(second).getByRole('radio', { name: 'Female' })).toBeChecked();
    expect(within(second).getByRole('textbox', { name: 'Cohort name' })).toHaveValue('Females aged 15-24 in Preston');
    await user.click(within(second).getByRole('button', { name: 'Show comparison' }));
    expect(urlState().compare).toEqual({
      ages: ['15-17', '18-24'],
      sex: 'female',
      area: 'E07000123',
      name: 'Females aged 15-24 in Preston',
    });
    await user.click(within(second).getByRole('button', { name: 'Stop comparing' }));
    expect(urlState().compare).toBeNull();
  });

  it('can be used from the keyboard alone', async () => {
    const user = userEvent.setup();
    render(<CohortControls cohort={YOUNG_PEOPLE} compare={null} areas={AREAS} vruName={VRU} />);
    await user.tab();
    expect(screen.getByRole('checkbox', { name: '0-9' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: '0-9' })).toBeChecked();
    screen.getByRole('button', { name: 'Show cohort' }).focus();
    await user.keyboard('{Enter}');
    expect(urlState().cohort?.ages).toEqual(['0-9', '15-17', '18-24']);
  });
});
