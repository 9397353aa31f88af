import { ABSENT_ROWS, type AbsentRows, type Manifest } from './manifest-schema';

/**
 * The workspace choice that holds the answers to the import's question, by extract file name: how rows left out
 * of a file are read when its datasets do not declare it (`coverage.absentRows`). Kept with the workspace.
 */
export const ABSENT_ROWS_CHOICE = 'absentRows';

export type AbsentRowsAnswers = Readonly<Record<string, AbsentRows>>;

/** The answers held in the workspace's choices; anything else there (an older or damaged record) is ignored. */
export function absentRowsAnswers(choices: Readonly<Record<string, unknown>>): AbsentRowsAnswers {
  const held = choices[ABSENT_ROWS_CHOICE];
  if (typeof held !== 'object' || held === null) return {};
  return Object.fromEntries(
    Object.entries(held).filter((e): e is [string, AbsentRows] => (ABSENT_ROWS as readonly unknown[]).includes(e[1])),
  );
}

/** Where an indicator's reading of absent rows came from, as the Data and ethics view says it. */
export interface AbsentRowsReading {
  indicatorId: string;
  reading: AbsentRows | null;
  /** `manifest`: declared by its dataset; `answer`: given at import for its files; null: not yet answered. */
  source: 'manifest' | 'answer' | null;
  /** The extract files its rows came from. */
  files: string[];
}

/**
 * Each indicator's reading: its dataset's declaration, else the answers for every file its rows came from (one
 * file read as not reported makes the whole indicator so, as a zero it cannot vouch for is not shown). Null when a
 * file is unanswered: the indicator is left out of the cube until it is, rather than guessed.
 */
export function absentRowsReadings(
  manifest: Manifest | null,
  filesByIndicator: ReadonlyMap<string, readonly string[]>,
  answers: AbsentRowsAnswers,
): AbsentRowsReading[] {
  const datasetOf = new Map(manifest?.indicators.map((i) => [i.id, i.dataset]) ?? []);
  const declared = new Map(manifest?.datasets.map((d) => [d.id, d.coverage.absentRows]) ?? []);
  return [...filesByIndicator].map(([indicatorId, files]) => {
    const own = declared.get(datasetOf.get(indicatorId) ?? '');
    if (own) return { indicatorId, reading: own, source: 'manifest', files: [...files] };
    const given = files.map((f) => answers[f]);
    if (given.length === 0 || given.some((g) => g === undefined))
      return { indicatorId, reading: null, source: null, files: [...files] };
    const reading = given.every((g) => g === 'zero') ? 'zero' : 'notReported';
    return { indicatorId, reading, source: 'answer', files: [...files] };
  });
}

/** The extract files still waiting for an answer, in the order first met. */
export function unansweredFiles(readings: readonly AbsentRowsReading[], answers: AbsentRowsAnswers): string[] {
  const out = new Set<string>();
  for (const r of readings) if (r.reading === null) for (const f of r.files) if (!(f in answers)) out.add(f);
  return [...out];
}
