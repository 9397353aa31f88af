import type { Engine } from '../engine/engine-types';
import { ident } from '../engine/sql-literals';
import { ensureCommittedTable, ensureCommittedTables } from '../engine/committed-tables';
import { TABLE_SPECS, type GeographyLevel, type Manifest, type TableKind } from '../contract';
import { readBoundaryFile, type BoundaryLayer, type KnownArea } from './boundary-file';
import { combineBoundaryLayers, type BoundaryMode } from './boundary-layers';
import { columnChecks, headerProblems, runRowChecks } from './column-checks';
import { castStaged, commitTable, dropStaged } from './commit-table';
import { detectFileKind, type DetectedFile } from './detect-file-kind';
import { filesStillExpected, type ExpectedFile } from './expected-files';
import { mergeManifests } from './merge-manifest';
import { parseManifest } from './parse-manifest';
import { checkOneRowPerPerson, personLevelColumns } from './person-level-check';
import { FileRejected, rejectionProblems, shortProblem, type Problem } from './problems';
import { readTableFile } from './read-table-file';
import { rowProgressText, type OnRows } from './row-progress';
import { meaningProblems } from './table-checks';
import { fingertipsBenchmarks, isFingertipsDownload } from './fingertips-download';
import { csvHeader, FORMAT_LABEL, guessTableKind, readTableHeader, tableKindOf, type TableHeader } from './table-header';
import { expandArchives } from './expand-archives';
import { readPublicFiles } from './public-data/read-public-files';
import { loadPublicInputs } from './public-data/load-public-inputs';
import { writeDeprivation } from './public-data/area-deprivation';
import type { PublicDataState } from './public-data/public-data-state';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /**
   * The file as the person chose it, to keep on this device: the bytes above may be handed to the engine's worker
   * (and so emptied) during the load.
   */
  blob?: Blob;
  /** For a boundary file of a level that already has shapes: add to them (the default) or replace them. */
  boundaryMode?: BoundaryMode;
}

export interface LoadedState {
  manifest: Manifest | null;
  boundaries: Partial<Record<GeographyLevel, BoundaryLayer>>;
  /** Files the manifest names that have not been loaded yet (see expected-files.ts); absent before any load. */
  stillExpected?: ExpectedFile[];
  /** Public data loaded so far (police.uk counts, lookups, population, the user's choices): see public-data/. */
  publicData?: PublicDataState;
}

export interface FileOutcome {
  file: string;
  kind: TableKind | 'manifest' | 'boundary' | 'unknown' | 'police-uk' | 'reference' | 'archive';
  status: 'loaded' | 'rejected';
  /** Rows committed; for a police.uk file, the records it held. */
  rows: number;
  problems: Problem[];
  /** What the file was recognised as, in words ("police.uk street-level crime, December 2019"). */
  detail?: string;
  /**
   * Facts for the load summary, a sentence each: what was counted and what could not be placed (police.uk), what
   * loading did beyond its rows (a boundary file added to shapes loaded before).
   */
  notes?: string[];
}

export interface LoadProgress {
  done: number;
  total: number;
  step: string;
}

interface Detected {
  input: InputFile;
  file?: DetectedFile;
  header?: TableHeader;
  kind: FileOutcome['kind'];
  error?: Problem;
}

const ORDER: Record<FileOutcome['kind'], number> = {
  manifest: 0,
  areas: 1,
  population: 2,
  area_deprivation: 2,
  extracts: 3,
  benchmarks: 3,
  boundary: 4,
  unknown: 5,
  'police-uk': 6,
  reference: 6,
  archive: 6,
};

/**
 * Loads a batch of files. Each file is read into a staging table, validated against the data contract and
 * only then committed, so a rejected file changes nothing that was loaded before. Files are taken in
 * dependency order (manifest, areas, population, extracts, boundaries) whatever order they were dropped in.
 *
 * Before that, archives are unpacked and public files (police.uk months, IMD, ONS population and lookups) are
 * taken out and read into counts and lookups (public-data/); after the user's own files, those are turned
 * into the dashboard's inputs (areas lookup, population, extracts, manifest entries), which load and are
 * checked like any file, and boundaries come last, once the areas they draw exist.
 */
export async function loadFiles(
  engine: Engine,
  state: LoadedState,
  files: readonly InputFile[],
  onProgress: (p: LoadProgress) => void = () => {},
  now: Date = new Date(),
): Promise<{ state: LoadedState; outcomes: FileOutcome[] }> {
  await ensureCommittedTables(engine);
  const latestPeriod = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const expanded = expandArchives(files);
  let total = expanded.files.length * 2;
  let done = 0;
  const tick = (step: string) => onProgress({ done: Math.min(++done, total), total, step });

  const pub = await readPublicFiles(expanded.files, state.publicData, (name) => tick(`Counting the records in ${name}`));
  // Generated inputs (areas, population, up to three extracts) are counted in once known.
  total += pub.outcomes.length > 0 ? 10 - pub.outcomes.length : 0;
  const detected = detectAll(pub.rest);
  let next: LoadedState = { manifest: state.manifest, boundaries: { ...state.boundaries }, publicData: state.publicData };
  const outcomes: FileOutcome[] = [...expanded.outcomes, ...pub.outcomes];
  for (let i = 0; i < pub.outcomes.length; i++) tick('Counted');

  let staged = 0;
  let ownManifest = false;
  const loadBatch = async (batch: Detected[]): Promise<FileOutcome[]> => {
    const loaded: FileOutcome[] = [];
    for (const d of batch) {
      const name = d.input.name;
      tick(`Reading ${name}`);
      if (!d.file || d.error) {
        loaded.push({ file: name, kind: d.kind, status: 'rejected', rows: 0, problems: d.error ? [d.error] : [] });
        tick(`Rejected ${name}`);
        continue;
      }
      try {
        if (d.kind === 'manifest') {
          const manifest = parseManifest(name, d.file.json);
          next = { ...next, manifest: mergeManifests(next.manifest, manifest) };
          ownManifest = true;
          loaded.push({ file: name, kind: 'manifest', status: 'loaded', rows: 0, problems: [] });
        } else if (d.kind === 'boundary') {
          const areas = await engine.query<{ code: string; level: GeographyLevel; name: string | null }>(
            'SELECT code, level, name FROM areas',
          );
          const read = readBoundaryFile(name, d.file.json, next.manifest, areas as KnownArea[]);
          const { layer, note } = combineBoundaryLayers(
            next.boundaries[read.layer.level],
            read.layer,
            d.input.boundaryMode ?? 'add',
          );
          next = { ...next, boundaries: { ...next.boundaries, [layer.level]: layer } };
          loaded.push({
            file: name,
            kind: 'boundary',
            status: 'loaded',
            rows: read.layer.features.features.length,
            problems: read.problems,
            ...(note ? { notes: [note] } : {}),
          });
        } else if (d.header) {
          const staging = `stg_${staged++}`;
          try {
            // A Fingertips download becomes benchmark rows first; they are then checked like any benchmark file.
            const fingertips = isFingertipsDownload(d.header.columns)
              ? fingertipsBenchmarks(name, d.input.bytes, next.manifest)
              : null;
            const bytes = fingertips ? new TextEncoder().encode(fingertips.csv) : d.input.bytes;
            const file = fingertips ? ({ name, format: 'csv', role: 'table' } as const) : d.file;
            const { kind, rows, problems } = await loadTable(
              engine,
              file,
              bytes,
              fingertips ? csvHeader(bytes) : d.header,
              staging,
              next.manifest,
              latestPeriod,
              rowsOf(name, (step) => onProgress({ done, total, step })),
            );
            loaded.push({ file: name, kind, status: 'loaded', rows, problems: [...(fingertips?.problems ?? []), ...problems] });
          } finally {
            await dropStaged(
              engine,
              ['', '_raw', '_typed'].map((suffix) => `${staging}${suffix}`),
            );
          }
        }
      } catch (e) {
        const problems = rejectionProblems(e, name, 'Check the file and try again.');
        loaded.push({ file: name, kind: d.kind, status: 'rejected', rows: 0, problems });
      }
      tick(`Checked ${name}`);
    }
    outcomes.push(...loaded);
    return loaded;
  };

  const first = await loadBatch(detected.filter((d) => d.kind !== 'boundary'));
  if (pub.deprivation.length > 0) await writeDeprivation(engine, pub.deprivation);
  // Public data are placed again when they changed, or when the user's own lookup, population or manifest did.
  const ownChange = first.some((o) => o.status === 'loaded' && ['areas', 'population', 'manifest'].includes(o.kind));
  if (pub.state && (pub.changed || ownChange)) {
    const placed = await loadPublicInputs({
      engine,
      publicData: pub.state,
      previous: state.publicData,
      manifest: next.manifest,
      ownManifest,
      outcomes,
      today: now.toISOString().slice(0, 10),
      tick,
      staging: () => `stg_${staged++}`,
    });
    next = { ...next, ...placed };
  }
  await loadBatch(detected.filter((d) => d.kind === 'boundary'));
  const kept = keepManifestOnlyWithItsData(state, next, outcomes);
  const stillExpected = await filesStillExpected(engine, kept.state.manifest, kept.state.boundaries);
  // However a check words it, no problem is longer than a glance (see shortProblem).
  return {
    state: { ...kept.state, stillExpected },
    outcomes: kept.outcomes.map((o) => ({ ...o, problems: o.problems.map(shortProblem) })),
  };
}

/** Reads what each file is, from its bytes and header; a file that cannot be read gets its problem here. */
function detectAll(inputs: readonly InputFile[]): Detected[] {
  const detected: Detected[] = inputs.map((input) => {
    try {
      const file = detectFileKind(input.name, input.bytes);
      if (file.role !== 'table') return { input, file, kind: file.role === 'manifest' ? 'manifest' : 'boundary' };
      // The header decides which table a file is for, so it is loaded in the right order whatever its name.
      try {
        const header = readTableHeader(file, input.bytes);
        return { input, file, header, kind: tableKindOf(input.name, header.columns) };
      } catch (e) {
        const problem: Problem = {
          file: input.name,
          severity: 'error',
          message: `could not be read as ${FORMAT_LABEL[file.format]}: ${(e as Error).message}.`,
          fix: `Check the file is complete and was saved as ${FORMAT_LABEL[file.format]}.`,
        };
        return { input, file, kind: guessTableKind(input.name), error: problem };
      }
    } catch (e) {
      const fix = 'Supply CSV, Parquet, Arrow or JSON tables, a manifest.json, or GeoJSON/TopoJSON boundaries.';
      return { input, kind: 'unknown', error: { file: input.name, severity: 'error', message: (e as Error).message, fix } };
    }
  });
  return detected.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}
/**
 * A manifest describes the tables that come with it: when every table file of its batch is refused, it is not
 * kept either (its indicators would be listed with nothing behind them, or clash with the next attempt).
 */
function keepManifestOnlyWithItsData(
  before: LoadedState,
  next: LoadedState,
  outcomes: FileOutcome[],
): { state: LoadedState; outcomes: FileOutcome[] } {
  const tables = outcomes.filter((o) => o.kind !== 'manifest' && o.kind !== 'boundary');
  const manifests = outcomes.filter((o) => o.kind === 'manifest' && o.status === 'loaded');
  if (manifests.length === 0 || tables.length === 0 || tables.some((o) => o.status === 'loaded')) {
    return { state: next, outcomes };
  }
  const refused = tables.map((o) => o.file).join(', ');
  return {
    state: { ...next, manifest: before.manifest },
    outcomes: outcomes.map((o) =>
      manifests.includes(o)
        ? {
            ...o,
            status: 'rejected',
            problems: [
              {
                file: o.file,
                severity: 'error',
                message: `was not kept, because none of the files loaded with it could be loaded (${refused}).`,
                fix: 'Correct the problems listed for those files, then load the manifest and the files together again.',
              },
            ],
          }
        : o,
    ),
  };
}

/** The rows read of a large file, said within its "Reading" step (see row-progress.ts). */
function rowsOf(name: string, say: (step: string) => void): OnRows {
  const started = performance.now();
  return (done, rows) => say(`Reading ${name}: ${rowProgressText(done, rows, performance.now() - started)}`);
}

async function loadTable(
  engine: Engine,
  file: DetectedFile,
  bytes: Uint8Array,
  header: TableHeader,
  staging: string,
  manifest: Manifest | null,
  latestPeriod: string,
  onRows?: OnRows,
): Promise<{ kind: TableKind; rows: number; problems: Problem[] }> {
  // Person-level columns and a wrong header are refused from the header alone, before any row is read.
  const personal = personLevelColumns(file.name, header.columns);
  if (personal.length > 0) throw new FileRejected(personal);
  const kind = tableKindOf(file.name, header.columns);
  const spec = TABLE_SPECS[kind];
  const headerIssues = headerProblems(file.name, spec, header.columns);
  if (headerIssues.length > 0) throw new FileRejected(headerIssues);
  await ensureCommittedTable(engine, kind);

  const wantsNumber = new Set(spec.columns.filter((c) => c.sqlType !== 'VARCHAR').map((c) => c.name));
  const staged = await readTableFile(engine, file, bytes, header, staging, wantsNumber, onRows);
  const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${ident(staging)}`);
  if (n === 0) {
    throw new FileRejected([
      {
        file: file.name,
        severity: 'error',
        message: 'has a header but no rows of data.',
        fix: 'Check the export included the data, not just the column names.',
      },
    ]);
  }
  if (kind === 'extracts') await checkOneRowPerPerson(engine, file.name, staging, staged.numeric.has('count'));

  const problems = await runRowChecks(engine, file.name, staging, columnChecks(spec, header.columns, staged.numeric));
  if (problems.length > 0) throw new FileRejected(problems);
  // Every value now casts cleanly, so the meaning checks and the commit both work on the committed types. The
  // typed table replaces the staged one: one copy of the file in the engine from here to the commit.
  const typed = `${staging}_typed`;
  await castStaged(engine, kind, staging, typed, new Set(header.columns), staged.numeric, undefined, staged.asWritten);
  problems.push(...(await meaningProblems(engine, kind, typed, { manifest, latestPeriod, file: file.name })));
  if (problems.some((p) => p.severity === 'error')) throw new FileRejected(problems);

  await commitTable(engine, kind, typed, file.name, staged.keyOrdered);
  return { kind, rows: n, problems };
}
