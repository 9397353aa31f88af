// The Overview's figures for one measure, built from protected cells already read (readers/briefing-figures.ts
// reads them): the latest full year and the one before, the change between them, and the sparkline's months.
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
import { groupFigures, partOfFlag, protectGrouping, type GroupPart } from '../../disclosure/grouping';
import { monthName } from '../../contract/months';
import { matchedPositions } from './matched-months';
import { monthOf, yearEarlier } from './trend-parts';
import { matchedMonthsNote } from '../wording/trend-finding';
import type { FigureFlag } from '../../disclosure/protected-tables';
import { type RateChangeResult, type StatisticWithLimits } from '../../stats';
import type { PopulationGap } from '../readers/population-gaps';
import type { PopulationRow, ProtectedFigure } from '../readers/trend-cells';
import {
  BAND_HIDDEN_REASON,
  briefingSentence,
  lowerFirst,
  noFullYearSentence,
  statisticText,
  UNDER_25_SCOPE,
} from '../wording/briefing-sentences';
import { noPopulationReason } from '../wording/population-words';
import { populationNear } from './population-years';
import { standardisedYear } from './trend-standardised';

/** How many months the sparkline covers. */
export const SPARKLINE_MONTHS = 24;

export interface BriefingPoint {
  period: string;
  value: number | null;
  flag: FigureFlag;
}

export interface BriefingYear extends BriefingPoint {
  /**
   * What the figure covers: a full calendar year ('2021'), or, when no full year is loaded up to the chosen month,
   * the 12 months to that month ('2020-10 to 2021-09', only the months compared being counted: see comparedOn).
   */
  span: 'year' | '12 months';
  /** The period in words: "2021", or "the 12 months to September 2021". */
  label: string;
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
  /**
   * Latest full calendar year up to the chosen month, and the one before. When no full year is loaded (a real
   * download rarely has one: it ends mid-year and police.uk leaves months out), the 12 months to the chosen month
   * and the 12 before, as Trends compares them.
   */
  current: BriefingYear | null;
  previous: BriefingYear | null;
  change: RateChangeResult | null;
  /**
   * For 12 months compared with the 12 before: which months were left out of both because one of the two had no
   * data ("leaving out October and November 2020 ... which have no data in one of the periods"); the figures,
   * rates and change are for the other months. Null when whole periods are compared.
   */
  comparedOn: string | null;
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

/** One protected cell of the area (sex 'all'), with where it sits. */
export interface BriefingCell extends ProtectedFigure {
  period: string;
  periodType: string;
  ageBand: string;
}

/** Cells keyed `period|age band`. */
export type BriefingCells = Map<string, BriefingCell>;

/** What every measure of one briefing shares: the area, its population and the chosen month. */
export interface BriefingArea {
  name: string;
  /** Population keyed `year|age band` (sex 'all'). */
  population: Map<string, number>;
  populationRows: readonly PopulationRow[];
  gaps: readonly PopulationGap[];
  /** Last month shown (YYYY-MM), or null when no monthly figures are loaded. */
  endMonth: string | null;
  lowCountBelow: number;
}

/** The cells of one measure: its own, its denominator's, and the months some parts of the area sent no data. */
export interface MeasureCells {
  cells: BriefingCells;
  denominators: BriefingCells;
  partial: ReadonlyMap<string, number>;
}

const HOME_OFFICE = /Home Office (VRU )?success measure/i;

function isHomeOfficeMeasure(ind: Indicator): boolean {
  return HOME_OFFICE.test(ind.method);
}

/**
 * The age range a measure is defined on. An indicator whose definition mentions under-25s is read for the
 * under-25 bands only (its published under-25 cell, build-cube.ts); when the indicator has nothing but those
 * bands, its 'all ages' cell already is that total and is used as it is. The bands are the declared ones where
 * the manifest declares them, so an area published for all ages only (a small area) is not read as under-25s.
 */
function ageScopeOf(ind: Indicator, bandsPresent: readonly string[]): AgeScope {
  if (!isAboutUnder25(ind)) return { label: null, bands: null };
  const label = unitNamesUnder25(ind.unit) ? null : UNDER_25_SCOPE;
  const declared: readonly string[] = ind.breakdowns?.ageBands.length ? ind.breakdowns.ageBands : bandsPresent;
  if (declared.every((b) => (UNDER_25_BANDS as readonly string[]).includes(b))) return { label, bands: null };
  return { label, bands: UNDER_25_BANDS.filter((b) => declared.includes(b)) };
}

/** The months from `end` back, oldest first. */
function monthsEnding(end: string, count: number): string[] {
  const [y, m] = end.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const total = y * 12 + (m - 1) - k;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * One figure for a period: the 'all' cell, or for an under-25 scope the published under-25 cell. Tables published
 * before that cell existed (older bundles) give the protected sum of the scope's bands instead, hidden if any is.
 */
function figureFor(cells: BriefingCells, period: string, bands: readonly string[] | null): BriefingPoint {
  const own = cells.get(`${period}|${bands === null ? 'all' : UNDER_25}`);
  if (own) return { period, value: own.value, flag: own.flag };
  if (bands === null || bands.length === 0) return { period, value: null, flag: 'x' };
  const parts: GroupPart[] = [];
  for (const b of bands) {
    const cell = cells.get(`${period}|${b}`);
    if (!cell) return { period, value: null, flag: 'x' };
    parts.push(partOfFlag(cell.value, cell.flag));
  }
  const g = protectGrouping(parts);
  return { period, value: g.value, flag: g.value === null ? 'c' : g.status === 'rounded' ? 'rounded' : 'shown' };
}

/** Each band's year cells (as the trend reads them), for a standardised rate. */
function bandYears(cells: BriefingCells, bands: readonly string[]): Map<string, Map<string, ProtectedFigure>> {
  const out = new Map(bands.map((b) => [b, new Map<string, ProtectedFigure>()]));
  for (const c of cells.values()) {
    if (c.periodType === 'year') out.get(c.ageBand)?.set(c.period, { value: c.value, flag: c.flag });
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

/**
 * One indicator's card: the latest full year and the year before at the area, the change between them with its
 * exact test, the last 24 months, and a plain-English summary.
 */
export function briefingMeasure(
  ind: Indicator,
  { cells, denominators, partial }: MeasureCells,
  area: BriefingArea,
): BriefingMeasure {
  const { endMonth, population: pop } = area;
  const bandsPresent = [...new Set([...cells.values()].map((c) => c.ageBand).filter((b) => b !== 'all' && b !== UNDER_25))];
  const ageScope = ageScopeOf(ind, bandsPresent);
  const countBands = ageScope.bands;
  const populationBands = ageScope.bands ?? (bandsPresent.length > 0 ? bandsPresent : null);

  const monthsPresent = new Set(
    [...cells.values()].filter((c) => c.periodType === 'month' && !partial.has(c.period)).map((c) => c.period),
  );
  const fullYears = [...new Set([...monthsPresent].map((p) => p.slice(0, 4)))]
    .filter((y) => endMonth !== null && `${y}-12` <= endMonth && monthsEnding(`${y}-12`, 12).every((p) => monthsPresent.has(p)))
    .sort();
  const year = fullYears.at(-1) ?? null;
  const previousYear = year === null ? null : String(Number(year) - 1);

  const kind = kindOf(ind);
  const denominatorFrom = denominatorOf(ind);
  const standardised = standardisedKind(ind);
  /** A figure over some months: a calendar year's own protected cell, or the protected sum of the months compared. */
  interface Span {
    period: string;
    label: string;
    span: BriefingYear['span'];
    point: BriefingPoint;
    /** The months it counts (each month's population counts for a twelfth of a year). */
    months: readonly string[];
  }
  const figureOver = ({ period, label, span, point, months }: Span): BriefingYear => {
    const wholeYear = span === 'year';
    const ownYear = Number((wholeYear ? period : months.at(-1)!).slice(0, 4));
    let denominator: number | null = null;
    let statistic: StatisticWithLimits | null = null;
    let populationYear: number | null = null;
    let rateReason: string | null = null;
    if (denominatorFrom === 'population') {
      // Each year's own population, else the nearest year's (the card names it); none at all is `x`, with why.
      const byYear = populationByYear(pop, populationBands);
      const used = (wholeYear ? [ownYear] : months.map((m) => Number(m.slice(0, 4)))).map((y) => populationNear(byYear, y));
      if (used.every((u) => u !== null)) {
        // Person-years: a month's population counts for a twelfth of the year, as Trends sums them.
        denominator = wholeYear ? used[0]!.population : used.reduce((sum, u) => sum + u!.population / 12, 0);
        populationYear = used.find((u) => u!.year !== u!.wanted)?.year ?? null;
      } else if (point.value !== null) {
        rateReason = noPopulationReason(area.name, ownYear, area.gaps, { ageBands: populationBands ?? ['all'], sex: 'all' });
      }
      statistic = point.value === null || !kind.hasRate ? null : kind.fromCount(point.value, denominator, ind.multiplier);
    } else if (denominatorFrom === 'extract' && kind.hasRate) {
      denominator = wholeYear
        ? figureFor(denominators, period, countBands).value
        : groupFigures(months.map((m) => figureFor(denominators, m, countBands))).value;
      statistic = point.value === null ? null : kind.fromCount(point.value, denominator, ind.multiplier);
    } else if (standardised && point.value !== null && !wholeYear) {
      rateReason = 'a standardised rate is worked out for whole calendar years only';
    } else if (standardised && point.value !== null) {
      // Standardised over the scope's bands (or every band the indicator has), from each band's protected cell.
      const bands = populationBands ?? [];
      const dsr = standardisedYear(
        standardised,
        period,
        { cells: bandYears(cells, bands), population: area.populationRows },
        bands,
      );
      statistic = {
        value: dsr.rate,
        lower95: dsr.rateLower95,
        upper95: dsr.rateUpper95,
        lower998: null,
        upper998: null,
        method: 'dobson',
        reason: dsr.rateFlag === 'c' ? BAND_HIDDEN_REASON : dsr.rateReason,
      };
    }
    const lowCount = point.value !== null && point.value > 0 && point.value < area.lowCountBelow;
    if (statistic?.value === null && point.value !== null) rateReason ??= statistic.reason;
    // People counted each month: the average month of those counted is people.
    const perMonth = ind.counted === 'people-each-month' && point.value !== null ? point.value / months.length : null;
    return { ...point, period, span, label, denominator, populationYear, rateReason, statistic, lowCount, perMonth };
  };
  const yearSpan = (y: string | null): Span | null =>
    y === null || !fullYears.includes(y)
      ? null
      : { period: y, label: y, span: 'year', point: figureFor(cells, y, countBands), months: monthsEnding(`${y}-12`, 12) };

  let currentSpan = yearSpan(year);
  let previousSpan = yearSpan(previousYear);
  let comparedOn: string | null = null;
  if (year === null && endMonth !== null) {
    // No full calendar year: the 12 months to the chosen month against the 12 before, on the months both have.
    const window = monthsEnding(endMonth, 12);
    const earlier = yearEarlier(window);
    const coverage = (p: string) => ({ flag: figureFor(cells, p, countBands).flag, partial: partial.has(p) });
    const kept = matchedPositions(window.map(coverage), earlier.map(coverage));
    if (kept.length > 0) {
      const rolling = (w: readonly string[]): Span => {
        const months = kept.map((k) => w[k]!);
        const period = `${w[0]} to ${w[11]}`;
        const summed = groupFigures(months.map((m) => figureFor(cells, m, countBands)));
        return {
          period,
          label: `the 12 months to ${monthName(w[11]!)}`,
          span: '12 months',
          point: { period, ...summed },
          months,
        };
      };
      currentSpan = rolling(window);
      previousSpan = rolling(earlier);
      if (kept.length < 12)
        comparedOn = matchedMonthsNote(
          kept.map((k) => monthOf(window[k]!)),
          window,
          false,
        );
    }
  }
  const current = currentSpan && figureOver(currentSpan);
  const previous = previousSpan && figureOver(previousSpan);

  let change: RateChangeResult | null = null;
  // People counted each month are tested as the average month's people, not as many times as there are months.
  const perPerson = ind.counted === 'people-each-month' ? (currentSpan?.months.length ?? 12) : 1;
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
    current === null
      ? noFullYearSentence(ind.unit, area.name)
      : briefingSentence({
          measure: lowerFirst(ind.unit),
          scope: ageScope.label,
          areaName: area.name,
          year: current.label,
          previousYear: previous?.label ?? previousYear ?? '',
          statistic: kind.statistic,
          current: { value: current.perMonth ?? current.value, suppressed: current.flag === 'c' },
          averageMonth: ind.counted === 'people-each-month',
          previous: {
            value: previous?.perMonth ?? previous?.value ?? null,
            suppressed: previous?.flag === 'c',
            missing: previous === null || previous.flag === 'x',
          },
          rateText: statValue === null || !kind.hasRate ? null : statisticText(statValue, ind.rateLabel),
          change,
          lowCountBelow: kind.hasRate ? area.lowCountBelow : null,
          comparedOn,
        });
  return {
    indicator: ind,
    homeOffice: isHomeOfficeMeasure(ind),
    ageScope,
    current,
    previous,
    change,
    comparedOn,
    months,
    sentence,
  };
}
