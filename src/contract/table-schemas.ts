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

/** The SQL type each kind of column is stored as. */
const SQL_TYPE: Record<ColumnKind, ColumnSpec['sqlType']> = {
  text: 'VARCHAR',
  period: 'VARCHAR',
  enum: 'VARCHAR',
  count: 'INTEGER',
  year: 'INTEGER',
  number: 'DOUBLE',
};

/** One column's declaration: required unless said otherwise, stored as its kind's SQL type. */
function column(
  name: string,
  kind: ColumnKind,
  description: string,
  { required = true, values }: { required?: boolean; values?: readonly string[] } = {},
): ColumnSpec {
  return { name, kind, required, sqlType: SQL_TYPE[kind], description, ...(values ? { values } : {}) };
}

/** Columns several tables share. */
const INDICATOR_ID_COLUMN = column('indicator_id', 'text', 'an indicator id from the manifest');
const AREA_CODE_COLUMN = column('area_code', 'text', 'an area code from the areas lookup');
const AGE_BAND_COLUMN = column('age_band', 'enum', 'an age band, or "all"', { values: AGE_BAND_VALUES });
const SEX_COLUMN = column('sex', 'enum', 'female, male, or "all"', { values: SEX_VALUES });

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
    INDICATOR_ID_COLUMN,
    column('period', 'period', 'the month, written YYYY-MM'),
    AREA_CODE_COLUMN,
    AGE_BAND_COLUMN,
    SEX_COLUMN,
    column('count', 'count', 'a whole number of events or people, 0 or more'),
    column('denominator', 'number', 'optional: the denominator for proportions', { required: false }),
  ],
};

export const AREAS: TableSpec<AreaRow> = {
  kind: 'areas',
  title: 'Areas lookup',
  key: ['code'],
  row: areaRowSchema,
  columns: [
    column('code', 'text', 'the ONS area code'),
    column('name', 'text', 'the area name'),
    column('level', 'enum', 'lsoa, msoa, ward, district or vru', { values: GEOGRAPHY_LEVELS }),
    column('parent_code', 'text', 'the code of the area this one lies in', { required: false }),
  ],
};

export const POPULATION: TableSpec<PopulationRow> = {
  kind: 'population',
  title: 'Population denominators',
  key: ['area_code', 'year', 'age_band', 'sex'],
  row: populationRowSchema,
  columns: [
    AREA_CODE_COLUMN,
    column('year', 'year', 'the calendar year, e.g. 2024'),
    AGE_BAND_COLUMN,
    SEX_COLUMN,
    column('population', 'count', 'a whole number of people'),
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
    column('area_code', 'text', 'a small-area code (LSOA 2011)'),
    column('imd_rank', 'count', 'the national rank, 1 = most deprived'),
    column('imd_decile', 'count', 'the national decile, 1 = most deprived tenth, 10 = least'),
    column('imd_score', 'number', 'optional: the index score', { required: false }),
    column('source', 'text', 'optional: where the ranks come from, e.g. "IMD 2019"', { required: false }),
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
    INDICATOR_ID_COLUMN,
    column('benchmark', 'text', 'what the value is for, e.g. "England"'),
    column('period', 'text', 'the calendar year the value is for, e.g. "2023" (other periods are kept but not compared)'),
    column('value', 'number', "the value, on the indicator's scale"),
    column('lower95', 'number', 'optional: its lower 95% limit', { required: false }),
    column('upper95', 'number', 'optional: its upper 95% limit', { required: false }),
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
