import { describe, expect, it } from 'vitest';
import { briefingSentence, type BriefingSentenceInput } from '../../../../src/queries/wording/briefing-sentences';
import { proportionChange, rateChange } from '../../../../src/stats';

const base: BriefingSentenceInput = {
  measure: 'emergency admissions for assault by a sharp object',
  scope: 'among people aged under 25',
  areaName: 'the test area',
  year: '2025',
  previousYear: '2024',
  statistic: 'rate',
  current: { value: 120, suppressed: false },
  previous: { value: 100, suppressed: false, missing: false },
  rateText: '12.0 per 100,000 residents',
  change: null,
  lowCountBelow: 10,
};

const withCounts = (cur: number, prev: number, over: Partial<BriefingSentenceInput> = {}): BriefingSentenceInput => ({
  ...base,
  current: { value: cur, suppressed: false },
  previous: { value: prev, suppressed: false, missing: false },
  change: rateChange({ count: cur, denominator: 1_000_000 }, { count: prev, denominator: 1_000_000 }),
  ...over,
});

// Words that would claim a cause the figures cannot support.
const CAUSAL = /\b(because of|due to|thanks to|as a result|caused|led to|driven by|improv|succe|worse|better)\b/i;

describe('briefing sentences say what the figures support, and no more', () => {
  it('a significant rise', () => {
    const s = briefingSentence(withCounts(400, 300));
    expect(s).toContain(
      'The number of emergency admissions for assault by a sharp object among people aged under 25 in the test area in 2025 was 400',
    );
    expect(s).toContain('a rate of 12.0 per 100,000 residents');
    expect(s).toMatch(/The rate was 33% higher than in 2024, a statistically significant increase\./);
    expect(s).not.toMatch(CAUSAL);
  });

  it('people counted each month are given as the average month, in people', () => {
    const s = briefingSentence({
      ...withCounts(241_524, 240_102),
      measure: 'residents',
      scope: null,
      statistic: 'proportion',
      averageMonth: true,
      rateText: '16.3% of residents',
      change: proportionChange({ count: 241_524, denominator: 1_480_000 }, { count: 240_102, denominator: 1_476_000 }),
    });
    expect(s).toContain(
      'In an average month of 2025, the number of residents in the test area was 241,524, or 16.3% of residents.',
    );
    expect(s).not.toContain('2,898,288');
  });

  it('a significant fall', () => {
    const s = briefingSentence(withCounts(200, 300));
    expect(s).toMatch(/The rate was 33% lower than in 2024, a statistically significant decrease\./);
    expect(s).not.toMatch(CAUSAL);
  });

  it('a rise that is not significant says so in those words', () => {
    const s = briefingSentence(withCounts(110, 100));
    expect(s).toMatch(/The rate was 10% higher than in 2024, which is not a statistically significant change\./);
    expect(s).not.toMatch(/significant increase/);
  });

  it('a fall that is not significant says so in those words', () => {
    const s = briefingSentence(withCounts(95, 100));
    expect(s).toMatch(/5% lower than in 2024, which is not a statistically significant change\./);
  });

  it('counts compare numbers, with the earlier figure', () => {
    const s = briefingSentence(
      withCounts(12, 10, {
        statistic: 'count',
        rateText: null,
        measure: 'homicides of people aged under 25',
        scope: null,
        lowCountBelow: null,
      }),
    );
    expect(s).toMatch(
      /^The number of homicides of people aged under 25 in the test area in 2025 was 12\. The number was 20% more than in 2024 \(10\), which is not a statistically significant change\.$/,
    );
  });

  it('a hidden current figure gives no number and no comparison', () => {
    const s = briefingSentence({ ...base, current: { value: null, suppressed: true }, change: null });
    expect(s).toMatch(/is hidden to protect privacy/);
    expect(s).toMatch(/No comparison with 2024 is made/);
    expect(s).not.toMatch(/\d+%/);
    expect(s).not.toMatch(/significant/);
  });

  it('a hidden earlier figure gives the number but no comparison', () => {
    const s = briefingSentence({ ...base, previous: { value: null, suppressed: true, missing: false } });
    expect(s).toMatch(/was 120/);
    expect(s).toMatch(/The figure for 2024 is hidden to protect privacy, so no comparison with 2024 is made\./);
    expect(s).not.toMatch(/significant/);
  });

  it('low counts carry a caution', () => {
    const s = briefingSentence(withCounts(6, 9));
    expect(s).toMatch(/fewer than 10 events, so read it with care/);
    expect(s).toMatch(/not a statistically significant change/);
  });

  it('none in either year', () => {
    const s = briefingSentence(withCounts(0, 0, { statistic: 'count', rateText: null }));
    expect(s).toMatch(/was 0\. None were recorded in 2024 either\./);
  });

  it('a proportion is tested as a ratio of proportions, and the change is said to be relative', () => {
    const change = proportionChange({ count: 300, denominator: 1000 }, { count: 240, denominator: 1000 });
    const s = briefingSentence({
      ...base,
      statistic: 'proportion',
      current: { value: 300, suppressed: false },
      previous: { value: 240, suppressed: false, missing: false },
      rateText: '30.0% of pupils',
      change,
    });
    expect(s).toMatch(
      /The proportion was 25% higher than in 2024 \(a relative change, not percentage points\), a statistically significant increase\./,
    );
  });

  it('a missing earlier year', () => {
    const s = briefingSentence({ ...base, previous: { value: null, suppressed: false, missing: true } });
    expect(s).toMatch(/There are no figures for 2024 to compare with\./);
  });
});
