import { kindOf } from '../../indicator-kinds';
import type { Indicator } from '../../contract';
import { wholePercent } from '../../stats';
import { protectedCsv, type CsvMeta } from '../../disclosure/export-csv';
import type { PublicFlag, FigureFlag } from '../../disclosure/protected-tables';
import type { BriefingMeasure, BriefingPoint, BriefingYear } from '../../queries/figures/briefing-measure';

// 'x' (no figure in the data) is the ONS symbol for "not available"; the CSV writer passes the flag through
// as text, and the notes line explains it.
const asFlag = (f: FigureFlag): PublicFlag => f as PublicFlag;
const X_NOTE = 'x = no figure in the data for this period (not available)';
const round = (v: number | null | undefined, digits = 2): number | null => (v == null ? null : Number(v.toFixed(digits)));

/** A year's value as shown: the count, or for people counted each month the average month (people). */
function yearValue(y: BriefingYear): number | null {
  return y.perMonth !== null ? Math.round(y.perMonth) : y.value;
}

/**
 * What the file's rates need said, as the cards say it: a rate using another year's population names the year,
 * and a rate that is x for want of a population gives the reason.
 */
export function populationNotes(measures: readonly BriefingMeasure[]): string[] {
  return measures.flatMap((m) =>
    [m.previous, m.current].flatMap((y) => [
      ...(y?.populationYear != null
        ? [`${measureTitle(m)}: the rate for ${y.label} uses the ${y.populationYear} population, the nearest year loaded`]
        : []),
      ...(y?.rateReason ? [`${measureTitle(m)}: no rate for ${y.label} (x): ${y.rateReason}`] : []),
    ]),
  );
}

/** What a file's 12-month figures count, when some months were left out of both periods compared. */
export function comparedOnNotes(measures: readonly BriefingMeasure[]): string[] {
  return measures.flatMap((m) =>
    m.comparedOn
      ? [
          `${measureTitle(m)}: no full calendar year is loaded; the 12-month figures count only the months both periods have data for, ${m.comparedOn}`,
        ]
      : [],
  );
}

export function measureTitle(m: BriefingMeasure): string {
  return `${m.indicator.shortTitle ?? m.indicator.title}${m.ageScope.label ? `, ${m.ageScope.label.replace(/^among (people )?/, '')}` : ''}`;
}

export function measureSource(ind: Indicator, datasetSource: string): string {
  return `${datasetSource}. Measure: ${ind.title}. ${ind.rateLabel}.`;
}

type MeasureRow = (BriefingYear | BriefingPoint) & { type: BriefingYear['span'] | 'month' };

/** One measure's year figures and its monthly series, as shown on its card. */
export function measureCsv(m: BriefingMeasure, meta: Omit<CsvMeta, 'title'> & { areaName: string }): string {
  const rows: MeasureRow[] = [
    ...(m.previous ? [{ ...m.previous, type: m.previous.span }] : []),
    ...(m.current ? [{ ...m.current, type: m.current.span }] : []),
    ...m.months.map((p) => ({ ...p, type: 'month' as const })),
  ];
  const stat = (r: MeasureRow) => ('statistic' in r ? r.statistic : null);
  return protectedCsv<MeasureRow>(
    {
      ...meta,
      title: `${measureTitle(m)}: ${meta.areaName}`,
      notes: [...(meta.notes ?? []), X_NOTE, ...populationNotes([m]), ...comparedOnNotes([m])],
    },
    [
      { header: 'area', value: () => meta.areaName },
      { header: 'period', value: (r) => r.period },
      { header: 'period_type', value: (r) => r.type },
      { header: 'value', figure: true, value: (r) => (r.flag === 'x' ? 'x' : 'perMonth' in r ? yearValue(r) : r.value) },
      {
        header: 'value_counts',
        value: (r) =>
          r.type === 'month'
            ? 'in the month'
            : m.indicator.counted === 'people-each-month'
              ? 'people in an average month'
              : r.type === 'year'
                ? 'in the year'
                : 'in the 12 months',
      },
      { header: 'rate', value: (r) => round(stat(r)?.value) },
      { header: 'lower_95', value: (r) => round(stat(r)?.lower95) },
      { header: 'upper_95', value: (r) => round(stat(r)?.upper95) },
      { header: 'denominator', value: (r) => ('denominator' in r ? r.denominator : null) },
      { header: 'low_count', value: (r) => ('lowCount' in r ? (r.lowCount ? 'yes' : 'no') : null) },
    ],
    rows,
    (r) => asFlag(r.flag),
  );
}

/** Text of the change column, as on screen. */
export function changeText(m: BriefingMeasure): string {
  const c = m.change;
  if (!c || c.kind === 'not-tested' || c.percentChange === null) return '';
  const pct = wholePercent(c.percentChange);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

export function significanceText(m: BriefingMeasure): string {
  const c = m.change;
  if (m.current?.flag === 'c' || m.previous?.flag === 'c') return 'Not tested: a figure is hidden';
  if (!c) return 'Not tested: no figures to compare';
  if (c.kind === 'not-tested') return `Not tested: ${c.reason}`;
  if (!c.significant) return 'Not a statistically significant change';
  return `Statistically significant ${c.direction === 'increase' ? 'increase' : 'decrease'}`;
}

/** The per-tier summary table. */
export function summaryCsv(measures: readonly BriefingMeasure[], meta: CsvMeta): string {
  return protectedCsv<BriefingMeasure>(
    {
      ...meta,
      notes: [
        ...(meta.notes ?? []),
        X_NOTE,
        'change: exact conditional test of two Poisson rates at 95% confidence (rounded figures where the audience rounds)',
        ...populationNotes(measures),
        ...comparedOnNotes(measures),
      ],
    },
    [
      { header: 'tier', value: (m) => m.indicator.tier },
      { header: 'indicator_id', value: (m) => m.indicator.id },
      { header: 'measure', value: (m) => measureTitle(m) },
      { header: 'period', value: (m) => m.current?.period ?? null },
      {
        header: 'value',
        figure: true,
        value: (m) => (m.current === null || m.current.flag === 'x' ? 'x' : yearValue(m.current)),
      },
      {
        header: 'value_counts',
        value: (m) =>
          m.indicator.counted === 'people-each-month'
            ? 'people in an average month'
            : m.current?.span === '12 months'
              ? 'in the 12 months'
              : 'in the year',
      },
      { header: 'rate', value: (m) => round(m.current?.statistic?.value) },
      { header: 'lower_95', value: (m) => round(m.current?.statistic?.lower95) },
      { header: 'upper_95', value: (m) => round(m.current?.statistic?.upper95) },
      { header: 'rate_label', value: (m) => (kindOf(m.indicator).hasRate ? m.indicator.rateLabel : null) },
      { header: 'previous_period', value: (m) => m.previous?.period ?? null },
      {
        header: 'previous_value',
        value: (m) => (!m.previous || m.previous.flag === 'x' ? 'x' : m.previous.flag === 'c' ? 'c' : yearValue(m.previous)),
      },
      { header: 'change', value: (m) => changeText(m) || null },
      { header: 'ratio_lower_95', value: (m) => (m.change?.kind === 'tested' ? round(m.change.ratioLower, 3) : null) },
      { header: 'ratio_upper_95', value: (m) => (m.change?.kind === 'tested' ? round(m.change.ratioUpper, 3) : null) },
      { header: 'p_value', value: (m) => (m.change?.kind === 'tested' ? round(m.change.pValue, 4) : null) },
      { header: 'significance', value: (m) => significanceText(m) },
    ],
    measures,
    (m) => asFlag(m.current?.flag ?? 'x'),
  );
}
