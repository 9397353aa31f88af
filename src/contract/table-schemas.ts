import { z } from 'zod';
import { AGE_BAND_VALUES, GEOGRAPHY_LEVELS, PERIOD_PATTERN, SEX_VALUES } from './vocabularies';

/**
 * The tabular part of the data contract. Each column is declared once, with the zod type that checks a
 * value and the SQL type it is stored as; the import validator and the TypeScript types both come from here.
 */
export type ColumnKind = 'text' | 'period' | 'count' | 'number' | 'year' | 'enum';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  required: boolean;
  description: string;
  /** For enum columns: the allowed values. */
  values?: readonly string[];
  sqlType: 'VARCHAR' | 'INTEGER' | 'DOUBLE';
}

export interface TableSpec<Row> {
  kind: TableKind;
  title: string;
  columns: readonly ColumnSpec[];
  /** Columns that together identify one cell; duplicates are rejected. */
  key: readonly string[];
  row: z.ZodType<Row>;
}

export type TableKind = 'extracts' | 'areas' | 'population' | 'area_deprivation' | 'benchmarks';

const period = z.string().regex(PERIOD_PATTERN);
const count = z.number().int().nonnegative();

export const extractRowSchema = z.object({
  indicator_id: z.string().min(1),
  period,
  area_code: z.string().min(1),
  age_band: z.enum(AGE_BAND_VALUES),
  sex: z.enum(SEX_VALUES),
  count,
  denominator: z.number().nonnegative().nullable().optional(),
});
export type ExtractRow = z.infer<typeof extractRowSchema>;

export const areaRowSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  level: z.enum(GEOGRAPHY_LEVELS),
  parent_code: z.string().nullable().optional(),
});
export type AreaRow = z.infer<typeof areaRowSchema>;

export const populationRowSchema = z.object({
  area_code: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  age_band: z.enum(AGE_BAND_VALUES),
  sex: z.enum(SEX_VALUES),
  population: count,
});
export type PopulationRow = z.infer<typeof populationRowSchema>;

export const EXTRACTS: TableSpec<ExtractRow> = {
  kind: 'extracts',
  title: 'Extract (aggregated counts)',
  key: ['indicator_id', 'period', 'area_code', 'age_band', 'sex'],
  row: extractRowSchema,
  columns: [
    { name: 'indicator_id', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'an indicator id from the manifest' },
    { name: 'period', kind: 'period', required: true, sqlType: 'VARCHAR', description: 'the month, written YYYY-MM' },
    { name: 'area_code', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'an area code from the areas lookup' },
    {
      name: 'age_band',
      kind: 'enum',
      values: AGE_BAND_VALUES,
      required: true,
      sqlType: 'VARCHAR',
      description: 'an age band, or "all"',
    },
    { name: 'sex', kind: 'enum', values: SEX_VALUES, required: true, sqlType: 'VARCHAR', description: 'female, male, or "all"' },
    {
      name: 'count',
      kind: 'count',
      required: true,
      sqlType: 'INTEGER',
      description: 'a whole number of events or people, 0 or more',
    },
    {
      name: 'denominator',
      kind: 'number',
      required: false,
      sqlType: 'DOUBLE',
      description: 'optional: the denominator for proportions',
    },
  ],
};

export const AREAS: TableSpec<AreaRow> = {
  kind: 'areas',
  title: 'Areas lookup',
  key: ['code'],
  row: areaRowSchema,
  columns: [
    { name: 'code', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'the ONS area code' },
    { name: 'name', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'the area name' },
    {
      name: 'level',
      kind: 'enum',
      values: GEOGRAPHY_LEVELS,
      required: true,
      sqlType: 'VARCHAR',
      description: 'lsoa, msoa, ward, district or vru',
    },
    {
      name: 'parent_code',
      kind: 'text',
      required: false,
      sqlType: 'VARCHAR',
      description: 'the code of the area this one lies in',
    },
  ],
};

export const POPULATION: TableSpec<PopulationRow> = {
  kind: 'population',
  title: 'Population denominators',
  key: ['area_code', 'year', 'age_band', 'sex'],
  row: populationRowSchema,
  columns: [
    { name: 'area_code', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'an area code from the areas lookup' },
    { name: 'year', kind: 'year', required: true, sqlType: 'INTEGER', description: 'the calendar year, e.g. 2024' },
    {
      name: 'age_band',
      kind: 'enum',
      values: AGE_BAND_VALUES,
      required: true,
      sqlType: 'VARCHAR',
      description: 'an age band, or "all"',
    },
    { name: 'sex', kind: 'enum', values: SEX_VALUES, required: true, sqlType: 'VARCHAR', description: 'female, male, or "all"' },
    { name: 'population', kind: 'count', required: true, sqlType: 'INTEGER', description: 'a whole number of people' },
  ],
};

export const deprivationRowSchema = z.object({
  area_code: z.string().min(1),
  imd_rank: z.number().int().min(1),
  imd_decile: z.number().int().min(1).max(10),
  imd_score: z.number().nullable().optional(),
  source: z.string().nullable().optional(),
});
export type DeprivationRow = z.infer<typeof deprivationRowSchema>;

/**
 * A small area's national deprivation (for England, the IMD 2019 File 1 rank and decile, 1 = most deprived):
 * the Deprivation view groups small areas by it. The public-data import writes the same table from File 1.
 */
export const AREA_DEPRIVATION: TableSpec<DeprivationRow> = {
  kind: 'area_deprivation',
  title: 'Deprivation of small areas',
  key: ['area_code'],
  row: deprivationRowSchema,
  columns: [
    { name: 'area_code', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'a small-area code (LSOA 2011)' },
    {
      name: 'imd_rank',
      kind: 'count',
      required: true,
      sqlType: 'INTEGER',
      description: 'the national rank, 1 = most deprived',
    },
    {
      name: 'imd_decile',
      kind: 'count',
      required: true,
      sqlType: 'INTEGER',
      description: 'the national decile, 1 = most deprived tenth, 10 = least',
    },
    { name: 'imd_score', kind: 'number', required: false, sqlType: 'DOUBLE', description: 'optional: the index score' },
    {
      name: 'source',
      kind: 'text',
      required: false,
      sqlType: 'VARCHAR',
      description: 'optional: where the ranks come from, e.g. "IMD 2019"',
    },
  ],
};

export const benchmarkRowSchema = z.object({
  indicator_id: z.string().min(1),
  benchmark: z.string().min(1),
  period: z.string().min(1),
  value: z.number(),
  lower95: z.number().nullable().optional(),
  upper95: z.number().nullable().optional(),
});
export type BenchmarkRow = z.infer<typeof benchmarkRowSchema>;

/**
 * Comparator values for an indicator (England, a region, a most-similar group), on the indicator's own scale
 * (its multiplier): Trends and Map compare each area with them. A Fingertips indicator download is turned into
 * these rows on import (src/import/fingertips-download.ts).
 */
export const BENCHMARKS: TableSpec<BenchmarkRow> = {
  kind: 'benchmarks',
  title: 'Benchmark values',
  key: ['indicator_id', 'benchmark', 'period'],
  row: benchmarkRowSchema,
  columns: [
    { name: 'indicator_id', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'an indicator id from the manifest' },
    { name: 'benchmark', kind: 'text', required: true, sqlType: 'VARCHAR', description: 'what the value is for, e.g. "England"' },
    {
      name: 'period',
      kind: 'text',
      required: true,
      sqlType: 'VARCHAR',
      description: 'the calendar year the value is for, e.g. "2023" (other periods are kept but not compared)',
    },
    { name: 'value', kind: 'number', required: true, sqlType: 'DOUBLE', description: "the value, on the indicator's scale" },
    { name: 'lower95', kind: 'number', required: false, sqlType: 'DOUBLE', description: 'optional: its lower 95% limit' },
    { name: 'upper95', kind: 'number', required: false, sqlType: 'DOUBLE', description: 'optional: its upper 95% limit' },
  ],
};

export const TABLE_SPECS = {
  extracts: EXTRACTS,
  areas: AREAS,
  population: POPULATION,
  area_deprivation: AREA_DEPRIVATION,
  benchmarks: BENCHMARKS,
} as const;

/**
 * Column names that mark person-level data. The dashboard takes aggregated extracts only, so a file with
 * any of these is refused from its header alone, before any of its rows is read into the engine.
 */
export const PERSON_LEVEL_COLUMNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /^(first_?name|last_?name|surname|forename|full_?name|name_of_person|person_?name|given_?name)$/i, what: 'a name' },
  { pattern: /^(dob|date_?of_?birth|birth_?date|birthdate)$/i, what: 'a date of birth' },
  { pattern: /^(nhs_?(no|number|num)?|chi_?number|nhsnumber)$/i, what: 'an NHS number' },
  { pattern: /^(address|address_?line_?\d*|street|house_?(no|number)|home_?address)$/i, what: 'an address' },
  { pattern: /^(postcode|post_?code|zip|postal_?code)$/i, what: 'a postcode' },
  {
    pattern: /^(crime_?(id|ref|reference|number)|crime_?no|urn|case_?(id|ref|number)|incident_?(id|ref|number))$/i,
    what: 'a crime or case reference',
  },
  {
    pattern:
      /^(person_?id|patient_?id|pupil_?id|upn|child_?id|client_?id|pnc_?id|pnc|nominal_?id|ni_?number|national_?insurance)$/i,
    what: 'a personal identifier',
  },
];
