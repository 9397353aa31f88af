import type { FileOutcome, InputFile } from '../load-files';
import type { Problem } from '../problems';
import { csvHeader } from '../table-header';
import { mergeAreaRefs, isOnsLookup, readBoundaryLookup, readOnsLookup } from './area-lookups';
import { isImdFile, isIodPopulationFile, readImdFile, readIodPopulationFile, type DeprivationRow } from './deprivation-files';
import { enGBCount } from './number-text';
import {
  isOnsPopulationLong,
  isOnsPopulationWide,
  populationYearFromName,
  readOnsPopulationLong,
  readOnsPopulationWide,
} from './ons-population';
import { aggregatePoliceUk } from './police-uk-aggregate';
import { POLICE_UK_KIND_TITLE, policeUkKind } from './police-uk-files';
import {
  emptyPublicData,
  SETTINGS_KEY,
  type AreaRefs,
  type PopulationRef,
  type PublicDataSettings,
  type PublicDataState,
  type ReferenceKind,
} from './public-data-state';
import { DATASET_ID } from './police-uk-manifest';
import { monthList } from './month-run';

/** What reading a batch's public files gave. */
export interface PublicRead {
  /** Files that are not public data (or, for boundaries, are also boundaries): for the ordinary path. */
  rest: InputFile[];
  /** One per public file taken. */
  outcomes: FileOutcome[];
  /** Everything public loaded so far, this batch included (undefined while nothing public was ever loaded). */
  state: PublicDataState | undefined;
  deprivation: DeprivationRow[];
  /** Whether this batch brought anything public (then the generated inputs are built again). */
  changed: boolean;
}

const REFERENCE_TITLE: Record<ReferenceKind, string> = {
  imd: 'English Indices of Deprivation 2019',
  'iod-population': 'IoD 2019 population denominators (File 6)',
  'ons-population': 'ONS small-area population estimates',
  'ons-lookup': 'ONS areas lookup',
  'boundary-lookup': 'boundaries (read for the areas lookup)',
};

const startsWith = (bytes: Uint8Array, text: string) => [...text].every((ch, i) => bytes[i] === ch.charCodeAt(0));

/**
 * Every public file's header is one short line. A file with no line break in its first 64 KiB is none of them, and
 * is left to the ordinary path, which refuses a long one at once: read here, the "header" of a 60 MB file on one
 * line was millions of columns, and matching them against each public kind took 20-30 seconds.
 */
const HEADER_WINDOW = 65_536;
const hasShortFirstLine = (bytes: Uint8Array) => {
  const head = bytes.subarray(0, HEADER_WINDOW);
  return bytes.length <= HEADER_WINDOW || head.includes(0x0a) || head.includes(0x0d);
};

/** Text that is not JSON, Parquet, Arrow or a ZIP, with a header line short enough: the files the public readers can take. */
const looksLikeCsv = (bytes: Uint8Array) =>
  bytes.length > 0 &&
  !['{', '[', 'PAR1', 'ARROW1', 'PK\x03\x04', '\xff\xff\xff\xff'].some((magic) => startsWith(bytes, magic)) &&
  !bytes.subarray(0, 512).includes(0) &&
  hasShortFirstLine(bytes);

const looksLikeJson = (name: string, bytes: Uint8Array) =>
  /\.(geo|topo)?json$/i.test(name) || bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b);

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** Keeps a population row per area, year, band and sex: ONS over IoD File 6, then the later file. */
function mergePopulation(current: readonly PopulationRef[], next: readonly PopulationRef[]): PopulationRef[] {
  const byKey = new Map(current.map((r) => [`${r.lsoa}|${r.year}|${r.ageBand}|${r.sex}`, r]));
  for (const r of next) {
    const key = `${r.lsoa}|${r.year}|${r.ageBand}|${r.sex}`;
    const prev = byKey.get(key);
    if (!prev || prev.priority <= r.priority) byKey.set(key, r);
  }
  return [...byKey.values()];
}

/**
 * Takes the public files out of a batch and reads them: police.uk months into counts, IMD and population
 * files and ONS lookups into reference data, the settings file into the user's choices. Boundary files
 * are read for their codes but stay in the batch, to be drawn as usual. Nothing here touches the engine.
 */
export async function readPublicFiles(
  files: readonly InputFile[],
  previous: PublicDataState | undefined,
  onFile: (name: string) => void = () => {},
): Promise<PublicRead> {
  let state = previous;
  const rest: InputFile[] = [];
  const outcomes: FileOutcome[] = [];
  const deprivation: DeprivationRow[] = [];
  const ensure = () => (state ??= emptyPublicData());
  const addLookup = (lookup: Partial<AreaRefs>) => {
    const s = ensure();
    state = { ...s, lookup: mergeAreaRefs(s.lookup, lookup) };
  };
  const addReference = (file: string, kind: ReferenceKind, rows: number) => {
    const s = ensure();
    state = { ...s, references: [...s.references.filter((r) => r.file !== file), { file, kind, rows }] };
  };
  const setSettings = (settings: PublicDataSettings) => {
    const s = ensure();
    state = { ...s, settings: { ...s.settings, ...settings } };
  };
  let changed = false;

  let since = performance.now();
  for (const input of files) {
    const { name, bytes } = input;
    // Counting a month takes tens of milliseconds: let the page draw the progress now and then.
    if (performance.now() - since > 100) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
    try {
      if (looksLikeJson(name, bytes)) {
        const json = parseJson(bytes) as Record<string, unknown> | undefined;
        if (json && typeof json === 'object' && SETTINGS_KEY in json) {
          setSettings(readSettings(json[SETTINGS_KEY]));
          outcomes.push({
            file: name,
            kind: 'reference',
            status: 'loaded',
            rows: 0,
            problems: [],
            detail: 'your choices for public data',
          });
          changed = true;
          continue;
        }
        const boundary = json ? readBoundaryLookup(json) : null;
        if (boundary && boundary.rows > 0) {
          addLookup(boundary.lookup);
          addReference(name, 'boundary-lookup', boundary.rows);
        }
        const edited = json ? editedEthics(json) : null;
        if (edited) setSettings({ ethics: { ...state?.settings.ethics, ...edited } });
        if ((boundary && boundary.rows > 0) || edited) changed = true;
        rest.push(input);
        continue;
      }
      if (!looksLikeCsv(bytes)) {
        rest.push(input);
        continue;
      }
      const columns = csvHeader(bytes).columns.map((c) => c.trim());
      const police = policeUkKind(columns);
      if (police) {
        onFile(name);
        const counted = aggregatePoliceUk(name, bytes, police);
        const s = ensure();
        state = { ...s, police: [...s.police.filter((f) => f.file !== name), counted] };
        const months = [...new Set(counted.cells.map((c) => c.period))].sort();
        const problems: Problem[] =
          counted.noMonth > 0
            ? [
                {
                  file: name,
                  severity: 'warning',
                  column: police === 'stop-and-search' ? 'Date' : 'Month',
                  message: `${enGBCount(counted.noMonth)} records have no month that can be read (YYYY-MM), so they are not counted.`,
                  fix: 'Download the file again from data.police.uk.',
                },
              ]
            : [];
        outcomes.push({
          file: name,
          kind: 'police-uk',
          status: 'loaded',
          rows: counted.records,
          problems,
          detail: `police.uk ${POLICE_UK_KIND_TITLE[police]}${months.length ? `, ${monthList(months)}` : ''}`,
        });
        changed = true;
        continue;
      }
      const reference = readReference(name, bytes, columns);
      if (!reference) {
        rest.push(input);
        continue;
      }
      if (reference.lookup) addLookup(reference.lookup);
      if (reference.population) {
        const s = ensure();
        state = { ...s, population: mergePopulation(s.population, reference.population) };
      }
      if (reference.deprivation) deprivation.push(...reference.deprivation);
      addReference(name, reference.kind, reference.rows);
      outcomes.push({
        file: name,
        kind: 'reference',
        status: 'loaded',
        rows: reference.rows,
        problems: reference.problems,
        detail: REFERENCE_TITLE[reference.kind],
      });
      changed = true;
    } catch (e) {
      outcomes.push({
        file: name,
        kind: 'reference',
        status: 'rejected',
        rows: 0,
        problems: [
          {
            file: name,
            severity: 'error',
            message: e instanceof FileProblem ? e.message : `could not be read: ${(e as Error).message}.`,
            fix: e instanceof FileProblem ? e.fix : 'Check the file is complete, as downloaded.',
          },
        ],
      });
    }
  }
  return { rest, outcomes, state, deprivation, changed };
}

/** A problem with a recognised public file, said with its fix. */
class FileProblem extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

interface ReferenceRead {
  kind: ReferenceKind;
  rows: number;
  lookup?: Partial<AreaRefs>;
  population?: PopulationRef[];
  deprivation?: DeprivationRow[];
  problems: Problem[];
}

function readReference(name: string, bytes: Uint8Array, columns: readonly string[]): ReferenceRead | null {
  if (isImdFile(columns)) {
    const { deprivation, lookup, skipped } = readImdFile(name, bytes, columns);
    const problems: Problem[] =
      skipped > 0
        ? [
            {
              file: name,
              severity: 'warning',
              message: `${enGBCount(skipped)} rows have no LSOA code or no readable rank and decile, and are left out.`,
              fix: 'Download File 1 again from the English indices of deprivation 2019 page.',
            },
          ]
        : [];
    return { kind: 'imd', rows: deprivation.length, lookup, deprivation, problems };
  }
  if (isIodPopulationFile(columns)) {
    const { population, lookup } = readIodPopulationFile(bytes, columns);
    return { kind: 'iod-population', rows: population.length, lookup, population, problems: [] };
  }
  if (isOnsPopulationLong(columns)) {
    const population = readOnsPopulationLong(bytes, columns);
    return { kind: 'ons-population', rows: population.length, population, problems: [] };
  }
  if (isOnsPopulationWide(columns)) {
    const year = populationYearFromName(name);
    if (year === null) {
      throw new FileProblem(
        'is an ONS population file, but its name does not say which year it is for (ONS gives the year in the file or sheet name).',
        'Put the mid-year in the file name, for example "lsoa-population-mid-2020.csv", and load it again.',
      );
    }
    const population = readOnsPopulationWide(name, bytes, columns, year);
    return { kind: 'ons-population', rows: population.length, population, problems: [] };
  }
  if (isOnsLookup(columns)) {
    const { lookup, rows } = readOnsLookup(bytes, columns);
    return { kind: 'ons-lookup', rows, lookup, problems: [] };
  }
  return null;
}

const SETTING_TEXT = ['vruName', 'vruCode'] as const;

/** The settings file's choices, taking only fields of the right type (a hand-edited file may hold anything). */
function readSettings(value: unknown): PublicDataSettings {
  const v = (value ?? {}) as Record<string, unknown>;
  const out: PublicDataSettings = {};
  for (const key of SETTING_TEXT) if (typeof v[key] === 'string') out[key] = v[key];
  if (Array.isArray(v.districts)) out.districts = v.districts.filter((d): d is string => typeof d === 'string');
  if (typeof v.unknownArea === 'boolean') out.unknownArea = v.unknownArea;
  if (v.ethics && typeof v.ethics === 'object') {
    out.ethics = Object.fromEntries(
      Object.entries(v.ethics as Record<string, unknown>).map(([id, answers]) => [
        id,
        Object.fromEntries(
          Object.entries((answers ?? {}) as Record<string, unknown>).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        ),
      ]),
    );
  }
  return out;
}

/**
 * A manifest the user edited and loaded back: its answers for the police.uk datasets are kept as their own, so
 * the next police.uk file loaded does not put the dashboard's answers back.
 */
function editedEthics(json: Record<string, unknown>): PublicDataSettings['ethics'] | null {
  if (!Array.isArray(json.datasets)) return null;
  const ids = new Set(Object.values(DATASET_ID));
  const out: NonNullable<PublicDataSettings['ethics']> = {};
  for (const d of json.datasets as Record<string, unknown>[]) {
    if (typeof d?.id === 'string' && ids.has(d.id) && d.ethics && typeof d.ethics === 'object') {
      out[d.id] = Object.fromEntries(
        Object.entries(d.ethics as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}
