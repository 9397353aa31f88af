import { kindNamed } from '../../indicator-kinds';
import { memo } from 'react';
import type {
  SeasonalMonth,
  TrendPeriodWithChange,
  TrendPoint,
  TrendSeries,
  TrendYear,
} from '../../queries/figures/trend-series';
import {
  formatChange,
  formatCount,
  formatLimit,
  formatSignificance,
  longPeriod,
  monthOfYearName,
  rateFormatter,
} from './format-trend';
import { Limits, TrendFigure, type FlagExplanations } from './TrendFigure';
import { numberColumn, textColumn, TrendTable, type TrendColumn } from './TrendTable';

function Notes({ point }: { point: TrendPoint }) {
  const notes = [point.partial ? 'partial: some parts of the area sent no data' : null].filter(Boolean);
  return <>{notes.join('; ')}</>;
}

function PointCells({
  point,
  series,
  explanations,
  formatRate,
}: {
  point: TrendPoint;
  series: TrendSeries;
  explanations: FlagExplanations;
  formatRate: (v: number) => string;
}) {
  return (
    <>
      <td className="num">
        <TrendFigure value={point.count} flag={point.flag} format={formatCount} explanations={explanations} />
      </td>
      <td className="num">
        <Limits lower={point.countLower95} upper={point.countUpper95} format={formatLimit} />
      </td>
      {series.measure.hasRate ? (
        <>
          <td className="num">
            <TrendFigure
              value={point.rate}
              flag={point.rateFlag}
              format={formatRate}
              explanations={explanations}
              lowCount={point.lowCount}
              missingReason={point.rateReason}
            />
          </td>
          <td className="num">
            <Limits lower={point.rateLower95} upper={point.rateUpper95} format={formatRate} />
          </td>
        </>
      ) : null}
    </>
  );
}

function pointColumns(series: TrendSeries, rateLabel: string): TrendColumn[] {
  const count = [numberColumn('Count'), numberColumn('95% limits')];
  if (!series.measure.hasRate) return count;
  return [
    ...count,
    numberColumn(
      <>
        Rate <span className="hint">{rateLabel}</span>
      </>,
    ),
    numberColumn('95% limits'),
  ];
}

/** Each month: count, its limits, rate and its limits, with `c`, `x`, `r` and `u` where they apply. */
export const MonthlyTable = memo(function MonthlyTable({
  series,
  explanations,
  caption,
}: {
  series: TrendSeries;
  explanations: FlagExplanations;
  caption: string;
}) {
  const formatRate = rateFormatter(series.months.map((p) => p.rate));
  return (
    <TrendTable
      caption={caption}
      columns={[textColumn('Month'), ...pointColumns(series, series.measure.monthlyRateLabel), textColumn('Notes')]}
    >
      {series.months.map((m) => (
        <tr key={m.period} data-period={m.period}>
          <th scope="row">{longPeriod(m.period)}</th>
          <PointCells point={m} series={series} explanations={explanations} formatRate={formatRate} />
          <td>
            <Notes point={m} />
          </td>
        </tr>
      ))}
    </TrendTable>
  );
});

/** Which change a table shows: in the rate (or proportion), or in the count, as the chart above it does. */
export type ChangeBasis = 'rate' | 'count';

function changeOf(row: TrendPeriodWithChange, basis: ChangeBasis) {
  return basis === 'count' ? row.countChange : row.change;
}

function changeHeader(series: TrendSeries, basis: ChangeBasis, when: string): string {
  const what = basis === 'count' || !series.measure.hasRate ? 'count' : kindNamed(series.measure.statistic).name.toLowerCase();
  return `Change in the ${what} on ${when}`;
}

function ChangeCells({ row, basis }: { row: TrendPeriodWithChange; basis: ChangeBasis }) {
  const change = changeOf(row, basis);
  return (
    <>
      <td className="num">{formatChange(change)}</td>
      <td className="wrap">{formatSignificance(change)}</td>
    </>
  );
}

/** Rolling 12-month totals with the change on the same 12 months a year earlier. */
export const RollingTable = memo(function RollingTable({
  series,
  explanations,
  caption,
  basis = 'rate',
}: {
  series: TrendSeries;
  explanations: FlagExplanations;
  caption: string;
  /** The change shown: the same as the chart's measure, so its title and this table agree. */
  basis?: ChangeBasis;
}) {
  const formatRate = rateFormatter(series.rolling.map((p) => p.rate));
  return (
    <TrendTable
      caption={caption}
      columns={[
        textColumn('12 months to'),
        ...pointColumns(series, series.measure.rollingRateLabel),
        numberColumn(changeHeader(series, basis, 'a year earlier')),
        textColumn('Significance'),
        textColumn('Notes'),
      ]}
    >
      {series.rolling.map((r) => (
        <tr key={r.period} data-period={r.period}>
          <th scope="row">{longPeriod(r.period)}</th>
          <PointCells point={r} series={series} explanations={explanations} formatRate={formatRate} />
          <ChangeCells row={r} basis={basis} />
          <td>
            <Notes point={r} />
          </td>
        </tr>
      ))}
    </TrendTable>
  );
});

/** Calendar years from the protected year cells, with the change on the year before. */
export const YearTable = memo(function YearTable({
  series,
  explanations,
  caption,
  basis = 'rate',
}: {
  series: TrendSeries;
  explanations: FlagExplanations;
  caption: string;
  /** The change shown: the same as the main chart's measure, so its title and this table agree. */
  basis?: ChangeBasis;
}) {
  const formatRate = rateFormatter(series.years.map((p) => p.rate));
  return (
    <TrendTable
      caption={caption}
      columns={[
        textColumn('Year'),
        ...pointColumns(series, series.measure.rollingRateLabel),
        numberColumn(changeHeader(series, basis, 'the year before')),
        textColumn('Significance'),
        textColumn('Notes'),
      ]}
    >
      {series.years.map((y: TrendYear) => (
        <tr key={y.period} data-period={y.period}>
          <th scope="row">{y.period}</th>
          <PointCells point={y} series={series} explanations={explanations} formatRate={formatRate} />
          <ChangeCells row={y} basis={basis} />
          <td>
            {[
              y.monthsWithData < 12 ? `part year: ${y.monthsWithData} of 12 months have data` : null,
              y.partial ? 'partial: some parts of the area sent no data' : null,
            ]
              .filter(Boolean)
              .join('; ')}
          </td>
        </tr>
      ))}
    </TrendTable>
  );
});

/** Average count in each calendar month, with its index against an average month. */
export const SeasonalityTable = memo(function SeasonalityTable({
  months,
  years,
  explanations,
  caption,
}: {
  months: readonly SeasonalMonth[];
  years: readonly string[];
  explanations: FlagExplanations;
  caption: string;
}) {
  return (
    <TrendTable
      caption={caption}
      columns={[
        textColumn('Month'),
        numberColumn(
          <>
            Average count <span className="hint">({years.join(', ')})</span>
          </>,
        ),
        numberColumn(
          <>
            Index <span className="hint">(average month = 100)</span>
          </>,
        ),
      ]}
    >
      {months.map((m) => (
        <tr key={m.month}>
          <th scope="row">{monthOfYearName(m.month)}</th>
          <td className="num">
            <TrendFigure value={m.mean} flag={m.flag} format={formatCount} explanations={explanations} />
          </td>
          <td className="num">{m.index === null ? '' : Math.round(m.index)}</td>
        </tr>
      ))}
    </TrendTable>
  );
});
