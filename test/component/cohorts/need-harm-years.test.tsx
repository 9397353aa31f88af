// @vitest-environment jsdom
// Need and harm on a real download that has no complete calendar year (police.uk months with gaps): every district
// is x, and the words say why, never "in null" where the year would be.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { noFigure } from '../../../src/queries/figures/cohort-figures';
import type { CohortNeedHarm } from '../../../src/queries/readers/cohort-need-harm';
import { NeedHarmScatter } from '../../../src/views/cohorts/NeedHarmScatter';
import { figure, indicator, PRESTON, VRU } from './fixtures';

afterEach(cleanup);

const NEED = indicator('burglary', 'primary');
const HARM = indicator('robbery', 'tertiary');
const names = new Map([
  [PRESTON, 'Preston'],
  [VRU, 'Lancashire VRN area'],
]);

function renderWith(data: CohortNeedHarm) {
  render(
    <NeedHarmScatter
      data={data}
      need={NEED}
      harm={HARM}
      areaNames={names}
      cohortArea={null}
      policy={null}
      exportMeta={() => ({ source: 'police.uk', synthetic: false, rules: 'Published open data: exact counts' })}
    />,
  );
}

describe('need and harm: the years named', () => {
  it('with no complete year loaded, says so instead of naming a year', () => {
    const none = noFigure('x', 'no complete year loaded');
    renderWith({
      needId: NEED.id,
      harmId: HARM.id,
      needYear: null,
      harmYear: null,
      points: [{ areaCode: PRESTON, need: none, harm: none }],
      vru: { areaCode: VRU, need: none, harm: none },
    });
    expect(document.body.textContent).not.toMatch(/\bnull\b/);
    expect(screen.getByText(/^Each point is a district, for all ages and both sexes\. Across:/)).toBeInTheDocument();
    expect(screen.getByText(/by district, all ages and both sexes, no complete year loaded$/)).toBeInTheDocument();
  });

  it('names each indicator with its own year when they differ, and one year when they share it', () => {
    const data = (needYear: string | null, harmYear: string | null): CohortNeedHarm => ({
      needId: NEED.id,
      harmId: HARM.id,
      needYear,
      harmYear,
      points: [{ areaCode: PRESTON, need: figure(2.5), harm: figure(1.5) }],
      vru: { areaCode: VRU, need: figure(2), harm: figure(1) },
    });
    renderWith(data('2024', null));
    expect(
      screen.getByText(/for all ages and both sexes in burglary short 2024, robbery short no complete year loaded\./),
    ).toBeInTheDocument();
    cleanup();
    renderWith(data('2024', '2024'));
    expect(screen.getByText(/for all ages and both sexes in 2024\. Across:/)).toBeInTheDocument();
  });
});
