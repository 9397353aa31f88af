import type { Engine } from '../../engine/engine-types';
import { str } from '../../engine/sql-literals';
import type { PublicFlag, FigureFlag } from '../../disclosure/protected-tables';
import {
  GINI_CHANGE_METHOD,
  GINI_FORMULA,
  giniChange,
  giniCoefficient,
  lorenzCurve,
  persistentlyHighAreas,
  topShares,
  type GiniChange,
  type LorenzPoint,
  type TopShare,
} from '../../stats';

export type SmallAreaLevel = 'lsoa' | 'msoa' | 'ward';

export interface ConcentrationParams {
  indicatorId: string;
  level: SmallAreaLevel;
  /** Whether the audience's rules allow naming the persistently highest areas (allowsSmallAreaLists). */
  listAreas: boolean;
}

export interface ConcentrationYear {
  year: string;
  /** Months of data in the year (the whole VRU area's months for the indicator). */
  months: number;
  areas: number;
  /** Areas whose figure is hidden, and areas with no figure in the loaded data. */
  hiddenAreas: number;
  missingAreas: number;
  /** 'c' when any area is hidden, 'x' when any has no figure: the shares need every area. */
  flag: FigureFlag;
  total: number | null;
  gini: number | null;
  shares: TopShare[];
  curve: LorenzPoint[];
}

export interface PersistentAreaFigure {
  code: string;
  name: string;
  yearsInTop: string[];
  totalEvents: number;
}

export interface ConcentrationFigures {
  level: SmallAreaLevel;
  years: ConcentrationYear[];
  /** Change in the Gini between the first and last comparable years, or why there is none. */
  change: { from: string; to: string; result: GiniChange } | null;
  changeReason: string | null;
  /** Areas in the top tenth in most of the comparable years; null (with the reason) when not listed. */
  persistent: PersistentAreaFigure[] | null;
  persistentYears: string[];
  persistentReason: string | null;
  methods: { gini: string; change: string };
}

interface CellRow extends Record<string, string | number | null> {
  code: string;
  name: string;
  period: string | null;
  value: number | null;
  flag: PublicFlag | null;
}

/**
 * Concentration of an indicator among the small areas of a level, per calendar year: the share in the most
 * affected 1%, 5% and 10% of areas, the concentration curve and its Gini, the change between the first and
 * last years with as many months as the fullest year, and the areas persistently in the top tenth. A year's
 * figures need every area's protected cell: one hidden area could be among the most affected, so the year is
 * then shown as `c` (as a grouping with a hidden part is).
 */
export async function concentrationFigures(engine: Engine, table: string, p: ConcentrationParams): Promise<ConcentrationFigures> {
  const [rows, monthRows] = await Promise.all([
    engine.query<CellRow>(`
      WITH cell AS (
        SELECT area_code, period, value::DOUBLE AS value, flag FROM ${table}
        WHERE indicator_id = ${str(p.indicatorId)} AND level = ${str(p.level)} AND period_type = 'year'
          AND age_band = 'all' AND sex = 'all'
      ),
      yrs AS (SELECT DISTINCT period FROM cell)
      SELECT a.code, a.name, yrs.period, cell.value, cell.flag
      FROM areas a CROSS JOIN yrs LEFT JOIN cell ON cell.area_code = a.code AND cell.period = yrs.period
      WHERE a.level = ${str(p.level)}
      ORDER BY yrs.period, a.code`),
    engine.query<{ year: string; months: number }>(`
      SELECT substr(period, 1, 4) AS year, count(DISTINCT period)::INTEGER AS months FROM ${table}
      WHERE indicator_id = ${str(p.indicatorId)} AND level = 'vru' AND period_type = 'month' GROUP BY 1`),
  ]);
  const monthsOf = new Map(monthRows.map((r) => [r.year, r.months]));
  const byYear = new Map<string, CellRow[]>();
  for (const r of rows) if (r.period !== null) byYear.set(r.period, [...(byYear.get(r.period) ?? []), r]);
  const names = new Map(rows.map((r) => [r.code, r.name]));

  const years: ConcentrationYear[] = [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, cells]) => {
      const hiddenAreas = cells.filter((c) => c.flag === 'c').length;
      const missingAreas = cells.filter((c) => c.flag === null).length;
      const flag: FigureFlag =
        hiddenAreas > 0 ? 'c' : missingAreas > 0 ? 'x' : cells.some((c) => c.flag === 'rounded') ? 'rounded' : 'shown';
      const counts = flag === 'c' || flag === 'x' ? null : cells.map((c) => c.value ?? 0);
      return {
        year,
        months: monthsOf.get(year) ?? 0,
        areas: cells.length,
        hiddenAreas,
        missingAreas,
        flag,
        total: counts ? counts.reduce((s, v) => s + v, 0) : null,
        gini: counts ? giniCoefficient(counts) : null,
        shares: counts ? topShares(counts) : [],
        curve: counts ? lorenzCurve(counts) : [],
      };
    });

  // Years are compared only with years of as many months as the fullest: a part year has fewer events per
  // area, which alone makes them look more concentrated.
  const shown = years.filter((y) => y.gini !== null);
  const fullest = Math.max(0, ...years.map((y) => y.months));
  const comparable = shown.filter((y) => y.months === fullest);
  const countsOf = (year: string) => new Map((byYear.get(year) ?? []).map((c) => [c.code, c.value ?? 0]));

  let change: ConcentrationFigures['change'] = null;
  let changeReason: string | null = null;
  const first = comparable[0];
  const last = comparable[comparable.length - 1];
  if (!first || !last || first === last) {
    changeReason =
      shown.length < years.length
        ? 'fewer than two years can be compared: in the others, some areas are hidden to protect privacy or have no figure'
        : 'fewer than two years with the same number of months are loaded';
  } else {
    const result = giniChange([...countsOf(first.year).values()], [...countsOf(last.year).values()]);
    if (result) change = { from: first.year, to: last.year, result };
    else changeReason = 'a year has no events';
  }

  let persistent: PersistentAreaFigure[] | null = null;
  let persistentReason: string | null = null;
  if (!p.listAreas) persistentReason = 'these rules do not allow lists that name small areas by how much happened in them';
  else if (comparable.length < 2)
    persistentReason = 'it needs at least two years with every area shown and the same number of months';
  else
    persistent = persistentlyHighAreas(comparable.map((y) => ({ year: y.year, counts: countsOf(y.year) }))).map((a) => ({
      ...a,
      name: names.get(a.code) ?? a.code,
    }));
  return {
    level: p.level,
    years,
    change,
    changeReason,
    persistent,
    persistentYears: comparable.map((y) => y.year),
    persistentReason,
    methods: { gini: GINI_FORMULA, change: GINI_CHANGE_METHOD },
  };
}
