import { AGE_BANDS, SEX_WORDS, type AgeBand } from '../../contract';
import type { CohortSpec } from '../../url-state/view-state';
import { listOf } from '../../contract/list-of';

function bandStart(band: AgeBand): number {
  return Number(band.replace('+', '').split('-')[0]);
}

/** Last age in the band, or null for an open band such as 65+. */
function bandEnd(band: AgeBand): number | null {
  if (band.endsWith('+')) return null;
  return Number(band.split('-')[1]);
}

/** Runs of neighbouring bands ("15-17", "18-24" -> one run 15-24). */
function runsOf(ages: readonly AgeBand[]): AgeBand[][] {
  const picked = AGE_BANDS.filter((b) => ages.includes(b));
  const runs: AgeBand[][] = [];
  let prev = -2;
  for (const b of picked) {
    const i = AGE_BANDS.indexOf(b);
    const last = runs.at(-1);
    if (last && i === prev + 1) last.push(b);
    else runs.push([b]);
    prev = i;
  }
  return runs;
}

function runText(run: readonly AgeBand[]): string {
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return '';
  const from = bandStart(first);
  const to = bandEnd(last);
  if (to === null) return `${from} and over`;
  if (from === 0) return `under ${to + 1}`;
  return `${from}-${to}`;
}

/** "aged 15-24", "aged under 15 and 25-34", "of all ages". */
export function describeAges(ages: readonly AgeBand[]): string {
  if (ages.includes('all') || AGE_BANDS.every((b) => ages.includes(b))) return 'of all ages';
  const runs = runsOf(ages).map(runText);
  return runs.length === 0 ? 'of no ages' : `aged ${listOf(runs)}`;
}

/**
 * A name that says who is in the cohort, in words: "Males aged 15-24 in Preston". It describes people by
 * their age, sex and where they live only, never by what has happened to them.
 */
export function defaultCohortName(cohort: Pick<CohortSpec, 'ages' | 'sex'>, areaName: string | null, vruName: string): string {
  const where = areaName ?? `the ${vruName.replace(/^the /i, '')}`;
  return `${capitalised(SEX_WORDS[cohort.sex].prose)} ${describeAges(cohort.ages)} in ${where}`.slice(0, 80);
}

/** The band list in words for tables: "15-17 and 18-24". */
export function bandList(bands: readonly AgeBand[]): string {
  if (bands.includes('all')) return 'all ages';
  return listOf(AGE_BANDS.filter((b) => bands.includes(b)));
}

export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
