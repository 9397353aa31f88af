import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandArchives } from '../../../../src/import/expand-archives';
import { readBoundaryLookup, readOnsLookup } from '../../../../src/import/public-data/area-lookups';
import { readColumns, scanCsv, ValueInterner } from '../../../../src/import/public-data/csv-scanner';
import { monthRun } from '../../../../src/import/public-data/month-run';
import { ageBandOf, populationYearFromName, readOnsPopulationWide } from '../../../../src/import/public-data/ons-population';
import { aggregatePoliceUk } from '../../../../src/import/public-data/police-uk-aggregate';
import { policeUkFileName, policeUkKind, POLICE_UK_HEADERS } from '../../../../src/import/public-data/police-uk-files';
import {
  outcomeIndicator,
  searchObjectIndicator,
  streetIndicator,
} from '../../../../src/import/public-data/police-uk-indicators';
import { personLevelColumns } from '../../../../src/import/person-level-check';
import { csvHeader } from '../../../../src/import/table-header';
import { splitCsvLine } from '../../../fixtures/csv-line';

const enc = (s: string) => new TextEncoder().encode(s);

describe('the CSV scanner', () => {
  it('reads quoted fields, doubled quotes, CRLF, blank lines and short records as a plain splitter does', () => {
    const text = [
      'a,b,c,d',
      '1,"x, y",3,"say ""hi"""',
      '',
      '"",plain,,last',
      'short,only',
      '4,"multi',
      'line",6,7',
      'trailing,,,',
    ].join('\r\n');
    const interners = [0, 1, 2, 3].map(() => new ValueInterner());
    const got: string[][] = [];
    const { records } = scanCsv(enc(text), [0, 1, 2, 3], interners, (ids) =>
      got.push([...ids].map((id, k) => interners[k]?.values[id] ?? '?')),
    );
    expect(records).toBe(5);
    expect(got).toEqual([
      ['1', 'x, y', '3', 'say "hi"'],
      ['', 'plain', '', 'last'],
      ['short', 'only', '', ''],
      ['4', 'multi\r\nline', '6', '7'],
      ['trailing', '', '', ''],
    ]);
  });

  it('agrees with a plain splitter on every field of a generated file, and interns each distinct value once', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const values = [
      'E01012607',
      'Violence and sexual offences',
      '"On or near, a ""quoted"" road"',
      '',
      '2020-01',
      'Blackburn 001A',
    ];
    const lines = ['c0,c1,c2,c3,c4'];
    for (let i = 0; i < 2000; i++) lines.push(Array.from({ length: 5 }, () => values[rand(values.length)]).join(','));
    const bytes = enc(`${lines.join('\n')}\n`);
    const expected = lines.slice(1).map(splitCsvLine);
    expect(readColumns(bytes, [0, 1, 2, 3, 4])).toEqual(expected);
    const interner = new ValueInterner();
    scanCsv(bytes, [2], [interner], () => {});
    expect(interner.values.length).toBeLessThanOrEqual(values.length);
  });

  it('interns only the first characters of a column when asked (the month of a timestamp)', () => {
    const interner = new ValueInterner();
    const months: string[] = [];
    scanCsv(
      enc('Date\n2020-01-03T10:00:00+00:00\n2020-01-31T23:00:00+00:00\n"2020-02-01T00:00:00+00:00"\n'),
      [0],
      [interner],
      (ids) => months.push(interner.values[ids[0] as number] ?? ''),
      [7],
    );
    expect(months).toEqual(['2020-01', '2020-01', '2020-02']);
    expect(interner.values).toEqual(['', '2020-01', '2020-02']);
  });
});

describe('police.uk files', () => {
  const street = POLICE_UK_HEADERS.street[0] as readonly string[];

  it('are recognised by their exact header only', () => {
    expect(policeUkKind([...street])).toBe('street');
    expect(policeUkKind([...(POLICE_UK_HEADERS.outcomes[0] as string[])])).toBe('outcomes');
    for (const h of POLICE_UK_HEADERS['stop-and-search']) expect(policeUkKind([...h])).toBe('stop-and-search');
    expect(policeUkKind([...street, 'Name'])).toBeNull();
    expect(policeUkKind(street.slice(1))).toBeNull();
    expect(policeUkFileName('2020-01/2020-01-lancashire-street.csv')).toEqual({ month: '2020-01', force: 'lancashire' });
    expect(policeUkFileName('2020-01-avon-and-somerset-stop-and-search.csv')).toEqual({
      month: '2020-01',
      force: 'avon-and-somerset',
    });
  });

  it('pass the person-level check with their Crime ID, while any other file with a crime reference is refused', () => {
    expect(personLevelColumns('2020-01-lancashire-street.csv', street)).toEqual([]);
    const refused = personLevelColumns('export.csv', ['Crime ID', 'Month', 'LSOA code', 'Crime type']);
    expect(refused.map((p) => p.message)).toEqual([
      'looks like person-level data: column "Crime ID" holds a crime or case reference.',
    ]);
    expect(personLevelColumns('x.csv', [...street, 'Name'])).toHaveLength(2);
  });

  it('are counted by month, LSOA and crime type, with records lacking a month counted apart', () => {
    const rows = [
      'abc,2020-01,Lancashire Constabulary,Lancashire Constabulary,-2.4,53.7,On or near A Road,E01012607,Blackburn 001A,Robbery,Under investigation,',
      ',2020-01,Lancashire Constabulary,Lancashire Constabulary,-2.4,53.7,"On or near A, B",E01012607,Blackburn 001A,Anti-social behaviour,,',
      'def,2020-01,Lancashire Constabulary,Lancashire Constabulary,,,No location,,,Robbery,Under investigation,',
      'ghi,2020-01,Lancashire Constabulary,Lancashire Constabulary,-2.4,53.7,On or near A Road,E01012607,Blackburn 001A,Robbery,,',
      'jkl,,Lancashire Constabulary,Lancashire Constabulary,-2.4,53.7,On or near A Road,E01012607,Blackburn 001A,Robbery,,',
    ];
    const f = aggregatePoliceUk('2020-01-lancashire-street.csv', enc(`${street.join(',')}\n${rows.join('\n')}\n`));
    expect(f).toMatchObject({
      kind: 'street',
      forces: ['Lancashire Constabulary'],
      forceSlug: 'lancashire',
      records: 5,
      noMonth: 1,
    });
    const cells = Object.fromEntries(f.cells.map((c) => [`${c.period}|${c.values.join('|')}`, c.count]));
    expect(cells).toEqual({
      '2020-01|E01012607|Robbery': 2,
      '2020-01|E01012607|Anti-social behaviour': 1,
      '2020-01||Robbery': 1,
    });
  });

  it('map categories to indicators, a new category to one of its own', () => {
    expect(streetIndicator('Violence and sexual offences').id).toBe('policeuk-violence-sexual');
    expect(streetIndicator('Possession of weapons').id).toBe('policeuk-weapons');
    expect(streetIndicator('Knife crime (new)').id).toBe('policeuk-knife-crime-new');
    expect(outcomeIndicator('Investigation complete; no suspect identified').id).toBe('policeuk-outcome-no-suspect');
    expect(outcomeIndicator('Offender given community sentence').id).toBe('policeuk-outcome-court-result');
    expect(outcomeIndicator('Offender given a caution').id).toBe('policeuk-outcome-out-of-court');
    expect(outcomeIndicator('Suspect charged as part of another case').id).toBe('policeuk-outcome-charged');
    expect(outcomeIndicator('Further investigation is not in the public interest').id).toBe(
      'policeuk-outcome-not-public-interest',
    );
    expect(outcomeIndicator('Status update unavailable').id).toBe('policeuk-outcome-other');
    expect(searchObjectIndicator('Offensive weapons').id).toBe('policeuk-stop-search-weapons');
    expect(searchObjectIndicator('Anything to threaten or harm anyone').id).toBe('policeuk-stop-search-weapons');
    expect(searchObjectIndicator('Controlled drugs').id).toBe('policeuk-stop-search-drugs');
  });

  it('say which months are missing from a run', () => {
    expect(monthRun(['2020-07', '2019-12', '2020-02', '2020-01', '2020-07'])).toEqual({
      present: ['2019-12', '2020-01', '2020-02', '2020-07'],
      missing: ['2020-03', '2020-04', '2020-05', '2020-06'],
    });
  });
});

describe('ONS files', () => {
  it('read the published wide population form into the age bands, by sex from F/M columns', () => {
    const ages = Array.from({ length: 91 }, (_, a) => a);
    const header = ['LAD 2021 Code', 'LSOA 2021 Code', 'Total', ...ages.map((a) => `F${a}`), ...ages.map((a) => `M${a}`)];
    const row = ['E07000123', 'E01025300', '182', ...ages.map(() => '1'), ...ages.map(() => '"1"')];
    const bytes = enc(`${header.join(',')}\n${row.join(',')}\n`);
    expect(populationYearFromName('sapelsoasyoa2022.csv')).toBe(2022);
    expect(populationYearFromName('lsoa-population-mid-2019-males.csv')).toBe(2019);
    expect(populationYearFromName('lsoa-population.csv')).toBeNull();
    const rows = readOnsPopulationWide('sapelsoasyoa2022.csv', bytes, csvHeader(bytes).columns, 2022);
    const got = Object.fromEntries(rows.map((r) => [`${r.ageBand}|${r.sex}`, r.population]));
    expect(got).toEqual({
      '0-9|female': 10,
      '10-14|female': 5,
      '15-17|female': 3,
      '18-24|female': 7,
      '25-34|female': 10,
      '35-49|female': 15,
      '50-64|female': 15,
      '65+|female': 26,
      '0-9|male': 10,
      '10-14|male': 5,
      '15-17|male': 3,
      '18-24|male': 7,
      '25-34|male': 10,
      '35-49|male': 15,
      '50-64|male': 15,
      '65+|male': 26,
    });
    expect(ageBandOf(17)).toBe('15-17');
    expect(ageBandOf(90)).toBe('65+');
  });

  it('read an ONS lookup, the latest year where several are given, one row per LSOA', () => {
    const text = [
      'OA11CD,LSOA11CD,LSOA11NM,MSOA11CD,MSOA11NM,LAD17CD,LAD19CD,LAD19NM',
      'E00001,E01025300,Preston 001A,E02005280,Preston 001,E07000000,E07000123,Preston',
      'E00002,E01025300,Preston 001A,E02005280,Preston 001,E07000000,E07000123,Preston',
    ].join('\n');
    const bytes = enc(text);
    const { lookup, rows } = readOnsLookup(bytes, csvHeader(bytes).columns);
    expect(rows).toBe(1);
    expect(lookup.lsoa).toEqual({
      E01025300: { name: 'Preston 001A', msoa: 'E02005280', ward: undefined, district: 'E07000123', editions: [2011] },
    });
    expect(lookup.district).toEqual({ E07000123: { name: 'Preston' } });
  });

  it('read codes and names from boundary features', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null,
          properties: { LSOA11CD: 'E01025300', LSOA11NM: 'Preston 001A', LAD13CD: 'E07000123' },
        },
      ],
    };
    const read = readBoundaryLookup(fc);
    expect(read?.lookup.lsoa.E01025300).toEqual({
      name: 'Preston 001A',
      msoa: undefined,
      ward: undefined,
      district: 'E07000123',
      editions: [2011],
    });
    expect(read?.lookup.boundaryDistricts).toEqual(['E07000123']);
    expect(
      readBoundaryLookup({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { id: 1 } }] }),
    ).toBeNull();
  });
});

describe('archives', () => {
  it('unpack a zip of month folders into its files, by their own names, and list what they leave out', () => {
    const zip = zipSync({
      '2020-01': {
        '2020-01-lancashire-street.csv': strToU8('a\n1\n'),
        '2020-01-lancashire-outcomes.csv': strToU8('b\n2\n'),
      },
      '2020-02/2020-02-lancashire-street.csv': strToU8('c\n3\n'),
      'README.pdf': strToU8('%PDF'),
    });
    const { files, outcomes } = expandArchives([{ name: 'download.zip', bytes: zip }]);
    expect(files.map((f) => f.name).sort()).toEqual([
      '2020-01-lancashire-outcomes.csv',
      '2020-01-lancashire-street.csv',
      '2020-02-lancashire-street.csv',
    ]);
    expect(outcomes).toMatchObject([{ file: 'download.zip', kind: 'archive', status: 'loaded' }]);
    expect(outcomes[0]?.notes).toEqual([
      'Unpacked 3 files; each is listed on its own below.',
      'Left out 1 file the dashboard does not read: README.pdf.',
    ]);
  });

  it('refuse a zip holding nothing the dashboard reads, and leave an Excel workbook for its own message', () => {
    const nothing = expandArchives([{ name: 'photos.zip', bytes: zipSync({ 'a.jpg': strToU8('x'), 'b.docx': strToU8('y') }) }]);
    expect(nothing.files).toEqual([]);
    expect(nothing.outcomes[0]?.status).toBe('rejected');
    expect(nothing.outcomes[0]?.problems[0]?.message).toBe(
      'is a ZIP archive holding nothing the dashboard reads (it holds a.jpg, b.docx).',
    );
    const workbook = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), '[Content_Types].xml': strToU8('<Types/>') });
    const excel = expandArchives([{ name: 'extract.zip', bytes: workbook }]);
    expect(excel.files.map((f) => f.name)).toEqual(['extract.zip']);
    expect(excel.outcomes).toEqual([]);
  });
});
