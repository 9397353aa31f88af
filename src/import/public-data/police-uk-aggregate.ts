import { csvHeader } from '../table-header';
import { scanCsv, ValueInterner } from './csv-scanner';
import { policeUkFileName, policeUkKind, type PoliceUkKind } from './police-uk-files';

/**
 * What a police.uk file holds once aggregated: counts per month and per combination of the kind's
 * dimensions. The records themselves are read in one pass and never kept.
 */
export interface PoliceUkFile {
  file: string;
  kind: PoliceUkKind;
  /** Forces named in "Falls within" (street and outcomes); empty for stop and search, which has no such column. */
  forces: string[];
  /** The force in the file name (`2020-01-lancashire-street.csv` -> "lancashire"), if it follows police.uk's pattern. */
  forceSlug: string | null;
  records: number;
  /** Records whose month could not be read as YYYY-MM (they are counted here and nowhere else). */
  noMonth: number;
  /** One per distinct month and combination of DIMENSIONS[kind]; `values` follows that order. */
  cells: PoliceUkCell[];
}

export interface PoliceUkCell {
  period: string;
  values: string[];
  count: number;
}

/** The columns each kind is counted by, after the month. An empty value means the record left it blank. */
export const DIMENSIONS: Record<PoliceUkKind, readonly string[]> = {
  street: ['LSOA code', 'Crime type'],
  outcomes: ['LSOA code', 'Outcome type'],
  'stop-and-search': ['Gender', 'Age range', 'Object of search', 'Outcome'],
};

const MONTH_COLUMN: Record<PoliceUkKind, string> = { street: 'Month', outcomes: 'Month', 'stop-and-search': 'Date' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Reads one police.uk file (its header already recognised as `kind`) into counts. */
export function aggregatePoliceUk(file: string, bytes: Uint8Array, kind?: PoliceUkKind): PoliceUkFile {
  const columns = csvHeader(bytes).columns.map((c) => c.trim());
  const k = kind ?? policeUkKind(columns);
  if (!k) throw new Error(`${file} is not a police.uk file`);
  const index = (name: string) => columns.indexOf(name);
  const wanted = [MONTH_COLUMN[k], ...DIMENSIONS[k]];
  const hasFallsWithin = index('Falls within') >= 0;
  if (hasFallsWithin) wanted.push('Falls within');
  const interners = wanted.map(() => new ValueInterner());
  // A timestamp's month is its first seven characters ("2020-01-03T10:00:00+00:00").
  const prefixes = wanted.map((_, i) => (i === 0 ? 7 : undefined));
  const dims = DIMENSIONS[k].length;
  const counts = new Map<number | string, number>();
  const fallsWithin = new Set<number>();
  // Up to three ids fit one number key exactly (16 bits each); stop and search (five) uses a text key.
  const numericKey = dims + 1 <= 3;
  const { records } = scanCsv(
    bytes,
    wanted.map(index),
    interners,
    (ids) => {
      let key: number | string;
      if (numericKey) {
        key = 0;
        for (let d = 0; d <= dims; d++) key = key * 65536 + (ids[d] as number);
      } else {
        key = ids.subarray(0, dims + 1).join(',');
      }
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (hasFallsWithin) fallsWithin.add(ids[dims + 1] as number);
    },
    prefixes,
  );
  if (numericKey && interners.some((i) => i.values.length >= 65536)) {
    throw new Error(`${file} has more than 65,535 distinct values in one column, which is not a police.uk file`);
  }
  let noMonth = 0;
  const cells: PoliceUkCell[] = [];
  for (const [key, count] of counts) {
    const ids = typeof key === 'number' ? splitKey(key, dims + 1) : key.split(',').map(Number);
    const values = ids.map((id, d) => (interners[d] as ValueInterner).values[id] ?? '');
    const period = values[0] ?? '';
    if (!MONTH.test(period)) {
      noMonth += count;
      continue;
    }
    cells.push({ period, values: values.slice(1), count });
  }
  const fallsInterner = interners[dims + 1];
  const forces = fallsInterner ? [...fallsWithin].map((id) => fallsInterner.values[id] ?? '').filter(Boolean) : [];
  return { file, kind: k, forces: forces.sort(), forceSlug: policeUkFileName(file)?.force ?? null, records, noMonth, cells };
}

function splitKey(key: number, parts: number): number[] {
  const out = new Array<number>(parts);
  for (let d = parts - 1; d >= 0; d--) {
    out[d] = key % 65536;
    key = Math.floor(key / 65536);
  }
  return out;
}
