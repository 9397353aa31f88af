import { describe, expect, it } from 'vitest';
import { absentRowsAnswers, absentRowsReadings, manifestSchema, unansweredFiles } from '../../../src/contract';
import { miniManifest } from '../../fixtures/mini-contract';

const undeclared = manifestSchema.parse({
  ...miniManifest,
  datasets: miniManifest.datasets.map((d) => ({ ...d, coverage: { from: '2024-01', to: '2024-12', areas: 'Both' } })),
});
const files = new Map([
  ['vwi', ['a.csv', 'b.csv']],
  ['reoff', ['b.csv']],
]);

describe('how rows left out are read', () => {
  it('follows the manifest where it declares the reading, whatever was answered', () => {
    const declared = manifestSchema.parse(miniManifest);
    const readings = absentRowsReadings(declared, files, { 'a.csv': 'zero', 'b.csv': 'zero' });
    expect(readings.map((r) => [r.indicatorId, r.reading, r.source])).toEqual([
      ['vwi', 'notReported', 'manifest'],
      ['reoff', 'notReported', 'manifest'],
    ]);
  });

  it('waits for every file of an indicator to be answered, and reads it as zero only when all say zero', () => {
    const partly = absentRowsReadings(undeclared, files, { 'b.csv': 'zero' });
    expect(partly.map((r) => [r.indicatorId, r.reading])).toEqual([
      ['vwi', null],
      ['reoff', 'zero'],
    ]);
    expect(unansweredFiles(partly, { 'b.csv': 'zero' })).toEqual(['a.csv']);
    const mixed = absentRowsReadings(undeclared, files, { 'a.csv': 'notReported', 'b.csv': 'zero' });
    expect(mixed.map((r) => [r.indicatorId, r.reading, r.source])).toEqual([
      ['vwi', 'notReported', 'answer'],
      ['reoff', 'zero', 'answer'],
    ]);
  });

  it('keeps only well-formed answers from the stored choices', () => {
    expect(absentRowsAnswers({ absentRows: { 'a.csv': 'zero', 'b.csv': 'maybe', 'c.csv': 3 } })).toEqual({ 'a.csv': 'zero' });
    expect(absentRowsAnswers({ absentRows: 'zero' })).toEqual({});
    expect(absentRowsAnswers({})).toEqual({});
  });

  it('refuses a coverage whose spans end before they start', () => {
    const bad = {
      ...miniManifest,
      datasets: miniManifest.datasets.map((d) => ({
        ...d,
        coverage: { ...d.coverage, notReported: [{ areas: 'all', from: '2024-05', to: '2024-03' }] },
      })),
    };
    expect(manifestSchema.safeParse(bad).success).toBe(false);
  });
});
