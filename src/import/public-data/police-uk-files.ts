/**
 * The three monthly files data.police.uk publishes per force, recognised by their exact header. They are
 * public records of crimes and searches, not of people: `Crime ID` is a published hash that links a crime to
 * its outcomes, so these files are accepted although their header holds a crime reference (see
 * person-level-check.ts), and only these exact headers are.
 */
export type PoliceUkKind = 'street' | 'outcomes' | 'stop-and-search';

const LOCATED = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
];

/** Every header police.uk has published for each kind (stop and search gained "Policing operation" columns in 2016). */
const STOP_AND_SEARCH = [
  'Type',
  'Date',
  'Part of a policing operation',
  'Policing operation',
  'Latitude',
  'Longitude',
  'Gender',
  'Age range',
  'Self-defined ethnicity',
  'Officer-defined ethnicity',
  'Legislation',
  'Object of search',
  'Outcome',
  'Outcome linked to object of search',
  'Removal of more than just outer clothing',
];

/** Every header police.uk has published for each kind (early stop and search files lack "Policing operation"). */
export const POLICE_UK_HEADERS: Record<PoliceUkKind, readonly (readonly string[])[]> = {
  street: [[...LOCATED, 'Crime type', 'Last outcome category', 'Context']],
  outcomes: [[...LOCATED, 'Outcome type']],
  'stop-and-search': [STOP_AND_SEARCH, STOP_AND_SEARCH.filter((c) => c !== 'Policing operation')],
};

export const POLICE_UK_KIND_TITLE: Record<PoliceUkKind, string> = {
  street: 'street-level crime',
  outcomes: 'outcomes',
  'stop-and-search': 'stop and search',
};

/** Which police.uk file a header is, or null. Column names are compared exactly (after trimming), in order. */
export function policeUkKind(columns: readonly string[]): PoliceUkKind | null {
  const names = columns.map((c) => c.trim());
  for (const [kind, headers] of Object.entries(POLICE_UK_HEADERS) as [PoliceUkKind, readonly (readonly string[])[]][]) {
    if (headers.some((h) => h.length === names.length && h.every((c, i) => c === names[i]))) return kind;
  }
  return null;
}

/** `2020-01-lancashire-street.csv` -> the month and force slug the name gives, if it follows police.uk's pattern. */
export function policeUkFileName(name: string): { month: string; force: string } | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^(\d{4}-\d{2})-(.+)-(street|outcomes|stop-and-search)\.csv$/i.exec(base);
  return m ? { month: m[1] as string, force: m[2] as string } : null;
}
