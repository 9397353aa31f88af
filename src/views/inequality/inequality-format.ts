import type { Indicator } from '../../contract';
import type { CsvColumn } from '../../disclosure/export-csv';
import type { ConcentrationYear, PersistentAreaFigure } from '../../queries/readers/concentration-figures';
import type { MapPeriod } from '../../queries/figures/map-area-figures';
import type { GroupFigure, SchemeFigures } from '../../queries/readers/inequality-figures';
import { decimalsApart, enGB, fixedDecimals, formatMonth } from '../../ui/format';
import type { FigureFlag } from '../../disclosure/protected-tables';

/** Rates to one decimal place below 100, whole numbers above (as the map shows them). */
export function formatRate(v: number): string {
  return enGB(v, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 1, minimumFractionDigits: Math.abs(v) >= 100 ? 0 : 1 });
}

export function formatRatio(v: number): string {
  return enGB(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/**
 * A ratio and its 95% confidence interval's ends, to one decimal place, or more (up to three) where one would make
 * different ends read the same: "1.8 to 1.8" for 1.79 to 1.84, on real police.uk data, read as an interval with no
 * width.
 */
export function ratioInterval(v: number, lower: number, upper: number): [string, string, string] {
  const digits = decimalsApart([lower, upper], 1, 3);
  return [fixedDecimals(v, digits), fixedDecimals(lower, digits), fixedDecimals(upper, digits)];
}

/** "1.83 (95% confidence interval 1.79 to 1.84)". */
export function ratioWithInterval(v: number, lower: number, upper: number): string {
  const [value, lo, hi] = ratioInterval(v, lower, upper);
  return `${value} (95% confidence interval ${lo} to ${hi})`;
}

export function formatShare(v: number): string {
  return `${enGB(v * 100, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

export function formatGini(v: number): string {
  return enGB(v, { maximumFractionDigits: 3, minimumFractionDigits: 3 });
}

/** "2021", or "2020 (9 months of data, January to December)" when the year is not complete. */
export function yearText(period: Pick<MapPeriod, 'period' | 'months' | 'firstMonth' | 'lastMonth'> | null): string {
  if (!period) return 'no year loaded';
  if (period.months >= 12 || !period.firstMonth || !period.lastMonth) return period.period;
  const first = formatMonth(period.firstMonth).split(' ')[0];
  const last = formatMonth(period.lastMonth).split(' ')[0];
  return `${period.period} (${period.months} ${period.months === 1 ? 'month' : 'months'} of data, ${first} to ${last})`;
}

/** A concentration year's months, in the same words. */
export function monthsText(y: Pick<ConcentrationYear, 'year' | 'months'>): string {
  return y.months >= 12 ? y.year : `${y.year} (${y.months} ${y.months === 1 ? 'month' : 'months'} of data)`;
}

const isShown = (flag: FigureFlag) => flag === 'shown' || flag === 'rounded';

/** The finding a gradient chart's title states, true for the figures beside it. */
export function gradientTitle(indicator: Indicator, figures: SchemeFigures, period: MapPeriod | null): string {
  const part = figures.scheme === 'national' ? 'tenth' : 'fifth';
  const name = indicator.title;
  const when = period?.period ?? '';
  const gap = figures.gap;
  if (gap?.ratio != null && gap.ratioLower != null && gap.ratioUpper != null) {
    if (gap.ratioLower > 1)
      return `${name}: ${formatRatio(gap.ratio)} times as common in the most deprived ${part} of areas as in the least, ${when}`;
    if (gap.ratioUpper < 1)
      return `${name}: ${formatRatio(1 / gap.ratio)} times as common in the least deprived ${part} of areas as in the most, ${when}`;
    return `${name}: no clear difference between the most and least deprived ${part}s of areas, ${when}`;
  }
  if (figures.groups.some((g) => g.rateFlag === 'c'))
    return `${name} by deprivation, ${when}: some groups are hidden to protect privacy`;
  if (!figures.groups.some((g) => isShown(g.flag))) return `${name} by deprivation, ${when}: no figures in the loaded data`;
  return `${name} by deprivation, ${when}`;
}

/** The value a CSV or table shows for a figure of a group: the number, or its symbol. */
function groupRateCell(g: GroupFigure, pick: (g: GroupFigure) => number | null | undefined): string | number | null {
  if (g.rateFlag === 'c' || g.rateFlag === 'x') return g.rateFlag;
  const v = pick(g);
  return v == null ? null : Number(v.toFixed(4));
}

export function groupCsvColumns(withRates: boolean): CsvColumn<GroupFigure>[] {
  return [
    { header: 'group', value: (g) => g.label },
    { header: 'small areas', value: (g) => g.areas },
    { header: 'small areas hidden', value: (g) => g.hiddenAreas },
    { header: 'value', figure: true, value: (g) => g.count },
    { header: 'population', value: (g) => g.population },
    ...(withRates
      ? [
          { header: 'rate', value: (g: GroupFigure) => groupRateCell(g, (x) => x.rate?.value) },
          { header: 'lower 95% limit', value: (g: GroupFigure) => groupRateCell(g, (x) => x.rate?.lower95) },
          { header: 'upper 95% limit', value: (g: GroupFigure) => groupRateCell(g, (x) => x.rate?.upper95) },
        ]
      : []),
  ];
}

/** Lines for a CSV's notes (and the figure's notes): the SII, RII and gap, or why they are not given. */
export function summaryLines(figures: SchemeFigures, rateLabel: string): string[] {
  const lines: string[] = [];
  const what = figures.scheme === 'national' ? 'national deciles' : 'local quintiles';
  if (figures.sii.ok) {
    const s = figures.sii.value;
    lines.push(
      `Slope index of inequality (${what}): ${formatRate(s.sii)} ${rateLabel} (95% confidence interval ${formatRate(s.siiLower)} to ${formatRate(s.siiUpper)})`,
      `Relative index of inequality (${what}): ${ratioWithInterval(s.rii, s.riiLower, s.riiUpper)}`,
    );
  } else lines.push(`Slope and relative index of inequality (${what}): not given, because ${figures.sii.reason}`);
  const g = figures.gap;
  if (g?.ratio != null)
    lines.push(`Most deprived to least deprived, ratio: ${ratioWithInterval(g.ratio, g.ratioLower!, g.ratioUpper!)}`);
  if (g?.difference != null)
    lines.push(
      `Most deprived minus least deprived: ${formatRate(g.difference)} ${rateLabel} (95% confidence interval ${formatRate(g.differenceLower!)} to ${formatRate(g.differenceUpper!)})`,
    );
  if (!g && figures.gapReason) lines.push(`Gap between the most and least deprived: not given, because ${figures.gapReason}`);
  return lines;
}

export function concentrationCsvColumns(): CsvColumn<ConcentrationYear>[] {
  const share = (k: number) => (y: ConcentrationYear) => {
    if (y.flag === 'c' || y.flag === 'x') return y.flag;
    const s = y.shares[k];
    return s ? Number((s.share * 100).toFixed(2)) : null;
  };
  return [
    { header: 'year', value: (y) => y.year },
    { header: 'months of data', value: (y) => y.months },
    { header: 'small areas', value: (y) => y.areas },
    { header: 'small areas hidden', value: (y) => y.hiddenAreas },
    { header: 'value', figure: true, value: (y) => y.total },
    { header: 'share in most affected 1% (%)', value: share(0) },
    { header: 'share in most affected 5% (%)', value: share(1) },
    { header: 'share in most affected 10% (%)', value: share(2) },
    {
      header: 'Gini coefficient',
      value: (y) => (y.flag === 'c' || y.flag === 'x' ? y.flag : y.gini === null ? null : Number(y.gini.toFixed(4))),
    },
  ];
}

export function persistentCsvColumns(): CsvColumn<PersistentAreaFigure>[] {
  return [
    { header: 'area code', value: (a) => a.code },
    { header: 'area name', value: (a) => a.name },
    { header: 'years in the most affected tenth', value: (a) => a.yearsInTop.join(' ') },
    { header: 'value', figure: true, value: (a) => a.totalEvents },
  ];
}

export function levelName(level: string, plural = true): string {
  const names: Record<string, [string, string]> = {
    lsoa: ['LSOA', 'LSOAs'],
    msoa: ['MSOA', 'MSOAs'],
    ward: ['ward', 'wards'],
  };
  const n = names[level] ?? [level, level];
  return plural ? n[1] : n[0];
}
