import {
  isAboutUnder25,
  unitNamesUnder25,
  UNDER_25,
  UNDER_25_BANDS,
  type AgeBand,
  type DisclosurePolicy,
  type GeographyLevel,
  type Indicator,
} from '../../contract';
import { denominatorOf, kindOf, standardisedKind } from '../../indicator-kinds';
import { standardisedYear } from '../figures/trend-standardised';
import type { Engine } from '../../engine/engine-types';
import { ident, str, strList } from '../../engine/sql-literals';
import { partOfFlag, protectGrouping, type GroupPart } from '../../disclosure/grouping';
import { DENOMINATOR_SUFFIX, type PublicFlag, type FigureFlag } from '../../disclosure/protected-tables';
import { type RateChangeResult, type StatisticWithLimits } from '../../stats';
import { briefingSentence } from '../wording/briefing-sentences';
import { noPopulationReason } from '../wording/population-words';
import { populationNear } from '../figures/population-years';
import { readPopulationGaps } from './population-gaps';
import { figureOfRow, partialMonths, type PopulationRow, type ProtectedFigure } from './trend-cells';

/** How many months the sparkline covers. */
export const SPARKLINE_MONTHS = 24;

export interface BriefingPoint {
  period: string;
  value: number | null;
  flag: FigureFlag;
}

export interface BriefingYear extends BriefingPoint {
  /** Population (rates) or the protected denominator (proportions) the statistic uses; null for counts. */
  denominator: number | null;
  /** The population's year when the figure's own year has none (the nearest year loaded); else null. */
  populationYear: number | null;
  /** Why there is no rate although the count is shown (e.g. no population for the area), or null. */
  rateReason: string | null;
  /** Rate or proportion with limits; null for count indicators or when the figure is hidden. */
  statistic: StatisticWithLimits | null;
  /** Fewer events than the policy's low-count threshold. */
  lowCount: boolean;
  /**
   * For an indicator counted as people each month: the average month (people), since the year's figure counts
   * each person once a month it applies. Null for events, and when the year's figure is hidden or missing.
   */
  perMonth: number | null;
}

export interface AgeScope {
  /** "aged under 25", or null when the indicator's own breakdown is used whole. */
  label: string | null;
  /** The bands added together, or null when the indicator's 'all' cell already is the measure. */
  bands: AgeBand[] | null;
}

export interface BriefingMeasure {
  indicator: Indicator;
  /** One of the Home Office VRU success measures (the manifest says so in its method). */
  homeOffice: boolean;
  ageScope: AgeScope;
  /** Latest full calendar year up to the chosen month, and the one before. */
  current: BriefingYear | null;
  previous: BriefingYear | null;
  change: RateChangeResult | null;
  /** The last SPARKLINE_MONTHS months up to the chosen month, gaps included. */
  months: BriefingPoint[];
  sentence: string;
}

export interface Briefing {
  areaCode: string;
  areaName: string;
  level: GeographyLevel;
  /** The area the link asked for was not found: the whole VRU area is shown instead. */
  areaNotFound: boolean;
  /** Last month shown (YYYY-MM), or null when no monthly figures are loaded. */
  endMonth: string | null;
  measures: BriefingMeasure[];
}

export interface BriefingRequest {
  indicators: readonly Indicator[];
  /** An area code, or null for the whole VRU area. */
  area: string | null;
  /** Latest month to take into account (YYYY-MM), or null for the latest loaded. */
  endMonth: string | null;
  policy: Pick<DisclosurePolicy, 'lowCountBelow'>;
}

const HOME_OFFICE = /Home Office (VRU )?success measure/i;

export function isHomeOfficeMeasure(ind: Indicator): boolean {
  return HOME_OFFICE.test(ind.method);
}

/**
 * The age range a measure is defined on. An indicator whose definition mentions under-25s is read for the
 * under-25 bands only (its published under-25 cell, build-cube.ts); when the indicator has nothing but those
 * bands, its 'all ages' cell already is that total and is used as it is. The bands are the declared ones where
 * the manifest declares them, so an area published for all ages only (a small area) is not read as under-25s.
 */
export function ageScopeOf(ind: Indicator, bandsPresent: readonly string[]): AgeScope {
  if (!isAboutUnder25(ind)) return { label: null, bands: null };
  const label = unitNamesUnder25(ind.unit) ? null : 'among people aged under 25';
  const declared: readonly string[] = ind.breakdowns?.ageBands.length ? ind.breakdowns.ageBands : bandsPresent;
  if (declared.every((b) => (UNDER_25_BANDS as readonly string[]).includes(b))) return { label, bands: null };
  return { label, bands: UNDER_25_BANDS.filter((b) => declared.includes(b)) };
}

/** The months from `end` back, oldest first. */
export function monthsEnding(end: string, count: number): string[] {
  const [y, m] = end.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const total = y * 12 + (m - 1) - k;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

interface CellRow {
  indicator_id: string;
  period: string;
  period_type: string;
  age_band: string;
  value: number | null;
  flag: string;
}

/**
 * One figure for a period: the 'all' cell, or for an under-25 scope the published under-25 cell. Tables published
 * before that cell existed (older bundles) give the protected sum of the scope's bands instead, hidden if any is.
 */
function figureFor(cells: Map<string, CellRow>, period: string, bands: readonly string[] | null): BriefingPoint {
  const own = cells.get(`${period}|${bands === null ? 'all' : UNDER_25}`);
  if (own) return { period, ...figureOfRow(own) };
  if (bands === null || bands.length === 0) return { period, value: null, flag: 'x' };
  const parts: GroupPart[] = [];
  for (const b of bands) {
    const row = cells.get(`${period}|${b}`);
    if (!row) return { period, value: null, flag: 'x' };
    parts.push(partOfFlag(row.value, row.flag as PublicFlag));
  }
  const g = protectGrouping(parts);
  return { period, value: g.value, flag: g.value === null ? 'c' : g.status === 'rounded' ? 'rounded' : 'shown' };
}

/** Each band's year cells (as the trend reads them), for a standardised rate. */
function bandYears(cells: Map<string, CellRow>, bands: readonly string[]): Map<string, Map<string, ProtectedFigure>> {
  const out = new Map(bands.map((b) => [b, new Map<string, ProtectedFigure>()]));
  for (const c of cells.values()) {
    if (c.period_type === 'year') out.get(c.age_band)?.set(c.period, figureOfRow(c));
  }
  return out;
}

/** Population by year for the bands (every band needed, or the year is left out): the years a rate can use. */
function populationByYear(pop: Map<string, number>, bands: readonly string[] | null): Map<number, number> {
  const wanted = bands ?? ['all'];
  const years = new Set([...pop.keys()].map((k) => Number(k.slice(0, 4))));
  const out = new Map<number, number>();
  for (const year of years) {
    let sum = 0;
    for (const b of wanted) {
      const v = pop.get(`${year}|${b}`);
      if (v === undefined) {
        sum = NaN;
        break;
      }
      sum += v;
    }
    if (!Number.isNaN(sum)) out.set(year, sum);
  }
  return out;
}

const fmtStat = (v: number): string =>
  v.toLocaleString('en-GB', { maximumFractionDigits: v >= 100 ? 0 : 1, minimumFractionDigits: v >= 100 ? 0 : 1 });

/** "12.3 per 100,000 residents" or "4.2% of residents". */
export function statisticText(value: number, rateLabel: string): string {
  return rateLabel.startsWith('%') ? `${fmtStat(value)}${rateLabel}` : `${fmtStat(value)} ${rateLabel}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * Everything the Overview shows: for each indicator, the latest full year and the year before at the chosen
 * area (the whole VRU area by default), the change between them with its exact test, the last 24 months, and
 * a plain-English summary. Reads only the audience's protected table and the public lookups.
 */
export async function briefingFigures(engine: Engine, table: string, req: BriefingRequest): Promise<Briefing> {
  const wanted = req.area
    ? await engine.query<{ code: string; name: string; level: string }>(
        `SELECT code, name, level FROM areas WHERE code = ${str(req.area)} LIMIT 1`,
      )
    : [];
  const [vru] = await engine.query<{ code: string; name: string; level: string }>(
    "SELECT code, name, level FROM areas WHERE level = 'vru' ORDER BY code LIMIT 1",
  );
  const area = wanted[0] ?? vru;
  if (!area) return { areaCode: '', areaName: '', level: 'vru', areaNotFound: req.area !== null, endMonth: null, measures: [] };

  const ids = req.indicators.map((i) => i.id);
  const rows = await engine.query<CellRow & Record<string, string | number | null>>(`
    SELECT indicator_id, period, period_type, age_band, CAST(value AS DOUBLE) AS value, flag
    FROM ${ident(table)}
    WHERE area_code = ${str(area.code)} AND sex = 'all' AND period_type IN ('month', 'year')
      AND indicator_id IN ${strList([...ids, ...ids.map((id) => id + DENOMINATOR_SUFFIX)])}`);
  const popRows = await engine.query<{ year: string; age_band: string; population: number }>(`
    SELECT CAST(year AS VARCHAR) AS year, age_band, CAST(population AS DOUBLE) AS population
    FROM population_cube WHERE area_code = ${str(area.code)} AND sex = 'all'`);
  const pop = new Map(popRows.map((r) => [`${r.year}|${r.age_band}`, r.population]));
  const popByBand: PopulationRow[] = popRows.map((r) => ({
    year: Number(r.year),
    ageBand: r.age_band,
    population: r.population,
  }));
  const gaps = await readPopulationGaps(engine, { areaCodes: [area.code], sex: 'all' });
  // Months in which some parts of the area sent no data: a year with one is not a whole year.
  const partial = await partialMonths(engine, table, ids, area.code);

  const byIndicator = new Map<string, Map<string, CellRow>>();
  let latestMonth = '';
  for (const r of rows) {
    let m = byIndicator.get(r.indicator_id);
    if (!m) byIndicator.set(r.indicator_id, (m = new Map()));
    m.set(`${r.period}|${r.age_band}`, r);
    if (r.period_type === 'month' && r.period > latestMonth) latestMonth = r.period;
  }
  const endMonth = req.endMonth ?? (latestMonth || null);

  const measures = req.indicators.map((ind): BriefingMeasure => {
    const cells = byIndicator.get(ind.id) ?? new Map<string, CellRow>();
    const denominators = byIndicator.get(ind.id + DENOMINATOR_SUFFIX) ?? new Map<string, CellRow>();
    const bandsPresent = [...new Set([...cells.values()].map((c) => c.age_band).filter((b) => b !== 'all' && b !== UNDER_25))];
    const ageScope = ageScopeOf(ind, bandsPresent);
    const countBands = ageScope.bands;
    const populationBands = ageScope.bands ?? (bandsPresent.length > 0 ? bandsPresent : null);

    const partialHere = partial.get(ind.id) ?? new Map<string, number>();
    const monthsPresent = new Set(
      [...cells.values()].filter((c) => c.period_type === 'month' && !partialHere.has(c.period)).map((c) => c.period),
    );
    const fullYears = [...new Set([...monthsPresent].map((p) => p.slice(0, 4)))]
      .filter((y) => endMonth !== null && `${y}-12` <= endMonth && monthsEnding(`${y}-12`, 12).every((p) => monthsPresent.has(p)))
      .sort();
    const year = fullYears.at(-1) ?? null;
    const previousYear = year === null ? null : String(Number(year) - 1);

    const kind = kindOf(ind);
    const denominatorFrom = denominatorOf(ind);
    const standardised = standardisedKind(ind);
    const yearFigure = (y: string | null): BriefingYear | null => {
      if (y === null || !fullYears.includes(y)) return null;
      const point = figureFor(cells, y, countBands);
      let denominator: number | null = null;
      let statistic: StatisticWithLimits | null = null;
      let populationYear: number | null = null;
      let rateReason: string | null = null;
      if (denominatorFrom === 'population') {
        // The year's own population, else the nearest year's (the card names it); none at all is `x`, with why.
        const used = populationNear(populationByYear(pop, populationBands), Number(y));
        denominator = used?.population ?? null;
        populationYear = used && used.year !== used.wanted ? used.year : null;
        if (!used && point.value !== null)
          rateReason = noPopulationReason(area.name, Number(y), gaps, { ageBands: populationBands ?? ['all'], sex: 'all' });
        statistic = point.value === null || !kind.hasRate ? null : kind.fromCount(point.value, denominator, ind.multiplier);
      } else if (denominatorFrom === 'extract' && kind.hasRate) {
        denominator = figureFor(denominators, y, countBands).value;
        statistic = point.value === null ? null : kind.fromCount(point.value, denominator, ind.multiplier);
      } else if (standardised && point.value !== null) {
        // Standardised over the scope's bands (or every band the indicator has), from each band's protected cell.
        const bands = populationBands ?? [];
        const dsr = standardisedYear(standardised, y, { cells: bandYears(cells, bands), population: popByBand }, bands);
        statistic = {
          value: dsr.rate,
          lower95: dsr.rateLower95,
          upper95: dsr.rateUpper95,
          lower998: null,
          upper998: null,
          method: 'dobson',
          reason: dsr.rateFlag === 'c' ? 'an age band is hidden to protect privacy' : dsr.rateReason,
        };
      }
      const lowCount = point.value !== null && point.value > 0 && point.value < req.policy.lowCountBelow;
      if (statistic?.value === null && point.value !== null) rateReason ??= statistic.reason;
      // A full year is 12 months of people counted each month: its average month is people.
      const perMonth = ind.counted === 'people-each-month' && point.value !== null ? point.value / 12 : null;
      return { ...point, denominator, populationYear, rateReason, statistic, lowCount, perMonth };
    };
    const current = yearFigure(year);
    const previous = yearFigure(previousYear);

    let change: RateChangeResult | null = null;
    // People counted each month are tested as the average month's people, not 12 times as many.
    const perPerson = ind.counted === 'people-each-month' ? 12 : 1;
    const people = (v: number | null) => (v === null ? null : v / perPerson);
    if (current?.value != null && previous?.value != null) {
      change = kind.changeTest(
        { count: current.value / perPerson, denominator: people(current.denominator) },
        { count: previous.value / perPerson, denominator: people(previous.denominator) },
      );
    }

    const months = endMonth ? monthsEnding(endMonth, SPARKLINE_MONTHS).map((p) => figureFor(cells, p, countBands)) : [];
    const statValue = current?.statistic?.value ?? null;
    const sentence =
      year === null || previousYear === null
        ? `There is no full calendar year of figures for ${lowerFirst(ind.unit)} in ${area.name} up to the chosen month.`
        : briefingSentence({
            measure: lowerFirst(ind.unit),
            scope: ageScope.label,
            areaName: area.name,
            year,
            previousYear,
            statistic: kind.statistic,
            current: { value: current?.perMonth ?? current?.value ?? null, suppressed: current?.flag === 'c' },
            averageMonth: ind.counted === 'people-each-month',
            previous: {
              value: previous?.perMonth ?? previous?.value ?? null,
              suppressed: previous?.flag === 'c',
              missing: previous === null || previous.flag === 'x',
            },
            rateText: statValue === null || !kind.hasRate ? null : statisticText(statValue, ind.rateLabel),
            change,
            lowCountBelow: kind.hasRate ? req.policy.lowCountBelow : null,
          });
    return { indicator: ind, homeOffice: isHomeOfficeMeasure(ind), ageScope, current, previous, change, months, sentence };
  });

  return {
    areaCode: area.code,
    areaName: area.name,
    level: area.level as GeographyLevel,
    areaNotFound: req.area !== null && wanted.length === 0,
    endMonth,
    measures,
  };
}
