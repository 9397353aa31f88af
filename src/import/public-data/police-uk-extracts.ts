import type { PoliceUkFile } from './police-uk-aggregate';
import type { PoliceUkKind } from './police-uk-files';
import {
  OUTCOME_INDICATORS,
  outcomeIndicator,
  searchObjectIndicator,
  searchOutcomeIndicator,
  searchSex,
  STOP_SEARCH_INDICATORS,
  STREET_INDICATORS,
  streetIndicator,
  type PoliceUkIndicator,
} from './police-uk-indicators';
import type { AreaPlan } from './area-plan';
import { monthRun } from './month-run';

/**
 * The extract's cells as a grid: `cell[j]` is the position ((indicator x areas + area) x months + month) x sexes +
 * sex of the j-th row, in that order, which sorts rows by indicator, area and month as the engine stores them.
 * Rows and their counts are numbers only; the engine joins the few labels back (see prepared-extract.ts).
 */
export interface ExtractGrid {
  indicators: string[];
  areas: string[];
  months: string[];
  sexes: readonly string[];
  cell: Int32Array;
  count: Int32Array;
}

/** What a kind's files gave once placed: the extract's cells and everything that was counted but not placed. */
export interface PoliceUkExtract {
  kind: PoliceUkKind;
  indicators: PoliceUkIndicator[];
  /** The extract (age band "all"): zeros for months every force reported. */
  grid: ExtractGrid;
  cells: number;
  records: number;
  /** Months with records, and, per force, the months missing between its first and last. */
  months: string[];
  missing: { force: string; months: string[] }[];
  /** Months only some of the forces loaded have files for: their LSOAs get no zeros there. */
  partialMonths: string[];
  /** Records with no LSOA, and with an LSOA outside the loaded areas, per indicator (street and outcomes). */
  noLocation: Record<string, number>;
  outside: Record<string, number>;
  /** Distinct LSOAs outside the loaded areas. */
  outsideLsoas: number;
  /** Records that could not be given a month. */
  noMonth: number;
  /** Stop and search: records of an age range whose sex is "Other" or not given, and records with no age range. */
  noSex: number;
  noAge: number;
  forces: string[];
}

/** The force a file is for: "Falls within" where the file has it, else the name's force. */
export const forceOf = (f: PoliceUkFile) => f.forces.join(' / ') || f.forceSlug || 'force not named';

const SEXES = ['all', 'female', 'male'] as const;

/** The indicators a cell of each kind counts towards, with the sex it is counted under. */
function cellIndicators(
  kind: PoliceUkKind,
  values: readonly string[],
): { indicator: PoliceUkIndicator; sex: 0 | 1 | 2 | null }[] {
  if (kind === 'street') return [{ indicator: streetIndicator(values[1] ?? ''), sex: 0 }];
  if (kind === 'outcomes') return [{ indicator: outcomeIndicator(values[1] ?? ''), sex: 0 }];
  const [gender = '', age = '', object = '', outcome = ''] = values;
  const sex = searchSex(gender);
  const byAge = STOP_SEARCH_INDICATORS.ages[age];
  return [
    { indicator: STOP_SEARCH_INDICATORS.all, sex: 0 },
    { indicator: searchObjectIndicator(object), sex: 0 },
    { indicator: searchOutcomeIndicator(outcome), sex: 0 },
    ...(byAge ? [{ indicator: byAge, sex: sex === 'female' ? (1 as const) : sex === 'male' ? (2 as const) : null }] : []),
  ];
}

/**
 * Turns every loaded file of one kind into extract cells on the plan's areas. Records with no LSOA, or an LSOA
 * outside the areas, are counted (and placed in the "area not known" area when the user asked for it). Counts
 * go into one dense array (indicator x area x month x sex), so a run of months makes no object per cell.
 */
export function policeUkExtract(kind: PoliceUkKind, files: readonly PoliceUkFile[], plan: AreaPlan): PoliceUkExtract {
  const mine = files.filter((f) => f.kind === kind);
  const byForce = new Map<string, Set<string>>();
  for (const f of mine) {
    const set = byForce.get(forceOf(f)) ?? new Set<string>();
    for (const c of f.cells) set.add(c.period);
    byForce.set(forceOf(f), set);
  }
  const months = monthRun([...byForce.values()].flatMap((set) => [...set])).present;
  // Zeros only for months every force loaded reported: a month one force lacks is not reported, not zero.
  const everyForce = months.map((p) => [...byForce.values()].every((set) => set.has(p)));
  const monthIndex = new Map(months.map((p, i) => [p, i]));

  const indicators = new Map<string, PoliceUkIndicator>(
    (kind === 'street'
      ? STREET_INDICATORS
      : kind === 'outcomes'
        ? Object.values(OUTCOME_INDICATORS)
        : [STOP_SEARCH_INDICATORS.all, ...Object.values(STOP_SEARCH_INDICATORS.ages)]
    ).map((i) => [i.id, i]),
  );
  // Categories police.uk adds later get indicators of their own: find them before sizing the array.
  const categoryCache = new Map<string, ReturnType<typeof cellIndicators>>();
  const placesOf = (values: readonly string[]) => {
    // Street and outcome categories decide the indicator alone: keyed by the category, not by LSOA and category.
    const key = kind === 'stop-and-search' ? values.join('\t') : (values[1] ?? '');
    let found = categoryCache.get(key);
    if (!found) categoryCache.set(key, (found = cellIndicators(kind, values)));
    return found;
  };
  for (const f of mine)
    for (const c of f.cells) for (const { indicator } of placesOf(c.values)) indicators.set(indicator.id, indicator);
  const ids = [...indicators.keys()].sort();
  const indicatorIndex = new Map(ids.map((id, i) => [id, i]));
  const areas =
    kind === 'stop-and-search' ? [plan.vru.code] : [...plan.lsoas.keys(), ...(plan.unknownArea ? [plan.unknownArea] : [])].sort();
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const [nA, nM] = [areas.length, months.length];
  const at = (i: number, a: number, m: number, s: number) => ((i * nA + a) * nM + m) * 3 + s;
  const counts = new Int32Array(ids.length * nA * nM * 3);
  const seen = new Uint8Array(counts.length);

  const noLocation: Record<string, number> = {};
  const outside: Record<string, number> = {};
  const outsideLsoas = new Set<string>();
  let noSex = 0;
  let noAge = 0;
  for (const f of mine) {
    for (const { period, values, count } of f.cells) {
      const m = monthIndex.get(period) as number;
      let a: number | undefined;
      if (kind === 'stop-and-search') {
        a = 0;
        if (!STOP_SEARCH_INDICATORS.ages[values[1] ?? '']) noAge += count;
      } else {
        const lsoa = values[0] ?? '';
        const id = placesOf(values)[0]?.indicator.id ?? '';
        if (!lsoa) noLocation[id] = (noLocation[id] ?? 0) + count;
        else if (!plan.lsoas.has(lsoa)) {
          outside[id] = (outside[id] ?? 0) + count;
          outsideLsoas.add(lsoa);
        }
        a = areaIndex.get(lsoa && plan.lsoas.has(lsoa) ? lsoa : (plan.unknownArea ?? ''));
      }
      if (a === undefined) continue;
      for (const { indicator, sex } of placesOf(values)) {
        if (sex === null) {
          noSex += count;
          continue;
        }
        const k = at(indicatorIndex.get(indicator.id) as number, a, m, sex);
        counts[k] = (counts[k] as number) + count;
        seen[k] = 1;
      }
    }
  }

  const keep =
    kind === 'stop-and-search' ? Uint8Array.from(seen) : sparseZeros(seen, ids.length, areas, months, everyForce, plan);
  const cell = new Int32Array(counts.length);
  const kept = new Int32Array(counts.length);
  let n = 0;
  ids.forEach((id, i) => {
    const sexes = indicators.get(id)?.bySex ? [1, 2] : [0];
    for (let a = 0; a < nA; a++) {
      for (let m = 0; m < nM; m++) {
        for (const s of sexes) {
          const k = at(i, a, m, s);
          // Stop and search is counted for the whole area, whose every month is published: zeros throughout.
          if (!keep[k] && !(kind === 'stop-and-search' && everyForce[m])) continue;
          cell[n] = k;
          kept[n++] = counts[k] as number;
        }
      }
    }
  });
  return {
    kind,
    indicators: ids.map((id) => indicators.get(id) as PoliceUkIndicator),
    grid: { indicators: ids, areas, months, sexes: SEXES, cell: cell.slice(0, n), count: kept.slice(0, n) },
    cells: n,
    records: mine.reduce((sum, f) => sum + f.records, 0),
    months,
    missing: [...byForce].map(([force, set]) => ({ force, months: monthRun(set).missing })).filter((x) => x.months.length > 0),
    partialMonths: months.filter((_, m) => !everyForce[m]),
    noLocation,
    outside,
    outsideLsoas: outsideLsoas.size,
    noMonth: mine.reduce((sum, f) => sum + f.noMonth, 0),
    noSex,
    noAge,
    forces: [...byForce.keys()].sort(),
  };
}

/**
 * Which zero cells an LSOA extract needs, beside the cells with records, so that every figure the dashboard
 * publishes from it exists, as 0 where nothing was recorded, in the months every force reported: an LSOA's
 * year (published for small areas) and a district's month (published for districts and the whole area). A
 * zero row is added for an LSOA with no record all year (in its first reported month), and for a district
 * month none of whose LSOAs has a row (at its first LSOA). Every row is true (no records there that month),
 * and the extract is about a third of the size of one with every zero.
 */
function sparseZeros(
  seen: Uint8Array,
  indicators: number,
  areas: readonly string[],
  months: readonly string[],
  everyForce: readonly boolean[],
  plan: AreaPlan,
): Uint8Array {
  const keep = Uint8Array.from(seen);
  const [nA, nM] = [areas.length, months.length];
  const at = (i: number, a: number, m: number) => ((i * nA + a) * nM + m) * 3;
  const years = new Map<string, number[]>();
  months.forEach((p, m) => years.set(p.slice(0, 4), [...(years.get(p.slice(0, 4)) ?? []), m]));
  const groups = new Map<string, number[]>();
  areas.forEach((code, a) => {
    const g = plan.lsoas.get(code) ?? code;
    groups.set(g, [...(groups.get(g) ?? []), a]);
  });
  for (let i = 0; i < indicators; i++) {
    for (let a = 0; a < nA; a++) {
      for (const inYear of years.values()) {
        const first = inYear.find((m) => everyForce[m]);
        if (first !== undefined && !inYear.some((m) => keep[at(i, a, m)])) keep[at(i, a, first)] = 1;
      }
    }
    for (const members of groups.values()) {
      for (let m = 0; m < nM; m++) {
        if (!everyForce[m] || members.some((a) => keep[at(i, a, m)])) continue;
        keep[at(i, members[0] as number, m)] = 1;
      }
    }
  }
  return keep;
}
