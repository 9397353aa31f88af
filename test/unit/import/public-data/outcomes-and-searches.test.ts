import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import type { Engine, Row } from '../../../../src/engine/engine-types';
import type { FileOutcome, LoadedState } from '../../../../src/import/load-files';
import { GENERATED } from '../../../../src/import/public-data/generate-public-inputs';
import { POLICE_UK_HEADERS } from '../../../../src/import/public-data/police-uk-files';
import { settingsFile } from '../../../../src/import/public-data/public-data-state';
import { buildCube } from '../../../../src/disclosure/build-cube';
import { csvFile, emptyState, load, manifestWith, resetTables } from '../../../fixtures/import-helpers';
import { HAS_REAL, imdFile, NO_REAL, streetFiles } from '../../../fixtures/real-public-data';

/**
 * police.uk outcomes and stop and search files (../shared/real has street files only, so these are written here,
 * with police.uk's exact headers and values), placed in a partnership's own areas lookup.
 */
const header = (kind: keyof typeof POLICE_UK_HEADERS) => (POLICE_UK_HEADERS[kind][0] as readonly string[]).join(',');
const located = (lsoa: string, last: string) =>
  `hash,2024-03,Test Constabulary,Test Constabulary,${lsoa ? '-2.4,53.7,On or near A Road' : ',,No location'},${lsoa},${lsoa ? 'Testtown 001A' : ''},${last}`;

const street = csvFile(
  '2024-03-test-street.csv',
  [
    header('street'),
    located('E01000001', 'Violence and sexual offences,Under investigation,'),
    located('E01000001', 'Violence and sexual offences,Unable to prosecute suspect,'),
    located('E01000003', 'Robbery,,'),
    located('', 'Violence and sexual offences,,'),
    located('E01999999', 'Violence and sexual offences,,'),
    '',
  ].join('\n'),
);
const outcomes = csvFile(
  '2024-03-test-outcomes.csv',
  [
    header('outcomes'),
    located('E01000001', 'Suspect charged'),
    located('E01000001', 'Investigation complete; no suspect identified'),
    located('E01000002', 'Investigation complete; no suspect identified'),
    located('E01000004', 'Offender given a caution'),
    located('E01000004', 'Offender sent to prison'),
    located('', 'Unable to prosecute suspect'),
    '',
  ].join('\n'),
);
const search = (gender: string, age: string, object: string, outcome: string) =>
  `Person search,2024-03-05T10:00:00+00:00,False,,53.7,-2.4,${gender},${age},White - English/Welsh/Scottish/Northern Irish/British,White,Misuse of Drugs Act 1971 (section 23),${object},${outcome},False,False`;
const searches = csvFile(
  '2024-03-test-stop-and-search.csv',
  [
    header('stop-and-search'),
    search('Male', '10-17', 'Offensive weapons', 'Arrest'),
    search('Male', '10-17', 'Controlled drugs', 'A no further action disposal'),
    search('Female', '10-17', 'Controlled drugs', 'Community resolution'),
    search('Male', '18-24', 'Stolen goods', 'Arrest'),
    search('Other', '18-24', 'Controlled drugs', 'A no further action disposal'),
    search('', '', 'Firearms', 'A no further action disposal'),
    '',
  ].join('\n'),
);

const manifest = csvFile(
  'manifest.json',
  JSON.stringify(
    manifestWith((m) => {
      m.synthetic = false;
      m.geographies.push({ level: 'lsoa', title: 'LSOAs', parentLevel: 'district' });
    }),
  ),
);
const areas = csvFile(
  'areas.csv',
  [
    'code,name,level,parent_code',
    'VRU1,Test VRU area,vru,',
    'D1,North district,district,VRU1',
    'D2,South district,district,VRU1',
    'E01000001,Testtown 001A,lsoa,D1',
    'E01000002,Testtown 001B,lsoa,D1',
    'E01000003,Testtown 002A,lsoa,D2',
    'E01000004,Testtown 002B,lsoa,D2',
    '',
  ].join('\n'),
);

describe('outcomes and stop and search files, in the partnership own areas lookup', () => {
  let engine: Engine;
  let state: LoadedState;
  let result: FileOutcome[];
  const cells = (indicator: string): Promise<Row[]> =>
    engine.query(
      `SELECT area_code, sex, count FROM extracts WHERE indicator_id = '${indicator}' AND count > 0 ORDER BY area_code, sex`,
    );

  beforeAll(async () => {
    engine = await createNodeEngine();
    await resetTables(engine);
    ({ state } = await load(engine, [manifest, areas], emptyState()));
    ({ state, outcomes: result } = await load(engine, [street, outcomes, searches], state));
  });
  afterAll(() => engine?.close());

  it('loads all three into the loaded areas, keeping the partnership manifest and adding police.uk datasets', () => {
    expect(result.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(result.filter((o) => o.kind === 'police-uk').map((o) => o.rows)).toEqual([5, 6, 6]);
    expect(state.manifest?.title).toBe('Test partnership (synthetic)');
    expect(state.manifest?.area.code).toBe('VRU1');
    expect(state.manifest?.datasets.map((d) => d.id)).toEqual([
      'police',
      'policeuk-street',
      'policeuk-outcomes',
      'policeuk-stop-search',
    ]);
    expect(state.manifest?.datasets.filter((d) => d.published).map((d) => d.licence)).toEqual(
      Array(3).fill('Open Government Licence v3.0'),
    );
  });

  it('counts street crime per LSOA, reporting the record with no location and the one outside the areas', async () => {
    expect(await cells('policeuk-violence-sexual')).toEqual([{ area_code: 'E01000001', sex: 'all', count: 2 }]);
    expect(await cells('policeuk-robbery')).toEqual([{ area_code: 'E01000003', sex: 'all', count: 1 }]);
    const notes = result.find((o) => o.file === GENERATED.street)?.notes ?? [];
    expect(notes).toContain('Records with no location (no LSOA), in no area: 1. By type: Violence and sexual offences 1.');
    expect(notes).toContain(
      'Records in 1 LSOAs outside the loaded areas, in no area: 1. By type: Violence and sexual offences 1.',
    );
  });

  it('counts outcomes per LSOA by the group of their outcome type', async () => {
    expect(await cells('policeuk-outcome-no-suspect')).toEqual([
      { area_code: 'E01000001', sex: 'all', count: 1 },
      { area_code: 'E01000002', sex: 'all', count: 1 },
    ]);
    expect(await cells('policeuk-outcome-charged')).toEqual([{ area_code: 'E01000001', sex: 'all', count: 1 }]);
    expect(await cells('policeuk-outcome-out-of-court')).toEqual([{ area_code: 'E01000004', sex: 'all', count: 1 }]);
    expect(await cells('policeuk-outcome-court-result')).toEqual([{ area_code: 'E01000004', sex: 'all', count: 1 }]);
    expect(await cells('policeuk-outcome-unable-to-prosecute')).toEqual([]);
  });

  it('counts stop and search for the whole area: all, by age range and sex, by object and by outcome', async () => {
    expect(await cells('policeuk-stop-search')).toEqual([{ area_code: 'VRU1', sex: 'all', count: 6 }]);
    expect(await cells('policeuk-stop-search-age-10-17')).toEqual([
      { area_code: 'VRU1', sex: 'female', count: 1 },
      { area_code: 'VRU1', sex: 'male', count: 2 },
    ]);
    expect(await cells('policeuk-stop-search-age-18-24')).toEqual([{ area_code: 'VRU1', sex: 'male', count: 1 }]);
    expect(await cells('policeuk-stop-search-weapons')).toEqual([{ area_code: 'VRU1', sex: 'all', count: 2 }]);
    expect(await cells('policeuk-stop-search-drugs')).toEqual([{ area_code: 'VRU1', sex: 'all', count: 3 }]);
    expect(await cells('policeuk-stop-search-arrest')).toEqual([{ area_code: 'VRU1', sex: 'all', count: 2 }]);
    expect(await cells('policeuk-stop-search-no-further-action')).toEqual([{ area_code: 'VRU1', sex: 'all', count: 3 }]);
    const caveats = state.manifest?.datasets.find((d) => d.id === 'policeuk-stop-search')?.caveats ?? [];
    expect(caveats).toContain(
      '1 searches recorded with a gender of "Other" or none are in the totals but not in the age-range indicators, which are by sex.',
    );
    expect(caveats).toContain('1 searches with no age range are in the totals but not in the age-range indicators.');
  });

  it('gives the Cohorts view real sex: the cube has the age-range searches by sex for the whole area', async () => {
    await buildCube(engine, state.manifest);
    const rows = await engine.query(
      "SELECT sex, count FROM cube WHERE indicator_id = 'policeuk-stop-search-age-10-17' AND level = 'vru' AND period_type = 'month' ORDER BY sex",
    );
    expect(rows).toEqual([
      { sex: 'all', count: 3 },
      { sex: 'female', count: 1 },
      { sex: 'male', count: 2 },
    ]);
  });

  it("adds an 'area not known' part to the partnership's own VRU area when asked, so its total includes every record", async () => {
    ({ state } = await load(engine, [settingsFile({ unknownArea: true })], state));
    const rows = await engine.query(
      "SELECT area_code, count FROM extracts WHERE indicator_id = 'policeuk-violence-sexual' AND count > 0 ORDER BY area_code",
    );
    expect(rows).toEqual([
      { area_code: 'E01000001', count: 2 },
      { area_code: 'VRU1-UNKNOWN', count: 2 },
    ]);
    expect(await engine.query("SELECT name, level, parent_code FROM areas WHERE code = 'VRU1-UNKNOWN'")).toEqual([
      { name: 'Area not known (no location, or outside the districts)', level: 'district', parent_code: 'VRU1' },
    ]);
  });

  it("keeps the partnership's own ethics answers, from the Load data form or from a manifest edited and loaded back", async () => {
    ({ state } = await load(
      engine,
      [settingsFile({ ethics: { 'policeuk-street': { actions: 'Review the maps with the youth panel.' } } })],
      state,
    ));
    const streetDataset = () => state.manifest?.datasets.find((d) => d.id === 'policeuk-street');
    expect(streetDataset()?.ethics.actions).toBe('Review the maps with the youth panel.');
    expect(streetDataset()?.ethics.dataSources).toMatch(
      /^Street-level crime and anti-social behaviour records, downloaded from data.police.uk/,
    );
    const edited = structuredClone(state.manifest);
    const outcomesDataset = edited?.datasets.find((d) => d.id === 'policeuk-outcomes');
    if (outcomesDataset) outcomesDataset.ethics.limitations = 'Outcomes lag the crimes they close.';
    ({ state } = await load(engine, [csvFile('manifest.json', JSON.stringify(edited))], state));
    // A later police.uk file regenerates the entries: both edits stay.
    ({ state } = await load(engine, [street], state));
    expect(state.manifest?.datasets.find((d) => d.id === 'policeuk-outcomes')?.ethics.limitations).toBe(
      'Outcomes lag the crimes they close.',
    );
    expect(streetDataset()?.ethics.actions).toBe('Review the maps with the youth panel.');
  });

  it('refuses population built from public files when the partnership loaded the same cells itself, and says which', async () => {
    ({ state } = await load(
      engine,
      [csvFile('population.csv', 'area_code,year,age_band,sex,population\nE01000001,2024,all,all,1400\n')],
      state,
    ));
    const ons = csvFile('lsoa-population.csv', 'Year,LSOA Code,Population\n2024,E01000001,1500\n2024,E01000002,1600\n');
    const { outcomes: got } = await load(engine, [ons], state);
    const built = got.find((o) => o.file === GENERATED.population);
    expect(built?.status).toBe('rejected');
    expect(built?.problems[0]?.message).toBe('the cell E01000001 / 2024 / all / all was already loaded from another file.');
    expect(await engine.query('SELECT area_code, population, source_file FROM population ORDER BY ALL')).toEqual([
      { area_code: 'E01000001', population: 1400, source_file: 'population.csv' },
    ]);
  });
});

describe.skipIf(!HAS_REAL)('the police.uk download as a zip of month folders', { timeout: 600_000 }, () => {
  it('loads the same as the loose files', async () => {
    const engine = await createNodeEngine();
    try {
      // Three of the months: the archive is unpacked file by file, so more months prove nothing more about it (all
      // 19 are loaded, loose, in public-data-drops.test.ts and police-uk-real.test.ts).
      const street = streetFiles().slice(0, 3);
      const months = Object.fromEntries(street.map((f) => [`${f.name.slice(0, 7)}/${f.name}`, f.bytes]));
      const zip = zipSync({ ...months, 'notes.txt': strToU8('downloaded from data.police.uk') });
      const read = async (files: Parameters<typeof load>[1]) => {
        await resetTables(engine);
        const { outcomes } = await load(engine, files, emptyState());
        const rows = await engine.query('SELECT indicator_id, period, area_code, count FROM extracts ORDER BY ALL');
        return { outcomes, rows };
      };
      const loose = await read([...street, imdFile()]);
      const zipped = await read([{ name: 'police-uk-download.zip', bytes: zip }, imdFile()]);
      expect(zipped.rows.length).toBeGreaterThan(10_000);
      expect(zipped.rows).toEqual(loose.rows);
      const archive = zipped.outcomes.find((o) => o.file === 'police-uk-download.zip');
      expect(archive?.notes).toEqual([
        'Unpacked 3 files; each is listed on its own below.',
        'Left out 1 file the dashboard does not read: notes.txt.',
      ]);
      expect(zipped.outcomes.filter((o) => o.kind === 'police-uk').map((o) => o.file)).toEqual(street.map((f) => f.name));
    } finally {
      await engine.close();
    }
  });
});

describe.skipIf(HAS_REAL)('the police.uk download as a zip of month folders', () => {
  it.skip(NO_REAL, () => {});
});
