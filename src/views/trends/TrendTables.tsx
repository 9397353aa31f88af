import { kindNamed } from '../../indicator-kinds';
import { memo, type ReactNode } from 'react';
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
      <td className="num">{formatChange(change, true)}</td>
      <td className="wrap">{formatSignificance(change)}</td>
    </>
  );
}

interface ChangeTableProps {
  series: TrendSeries;
  explanations: FlagExplanations;
  caption: string;
  /** The change shown: the same as the main chart's measure, so its title and this table agree. */
  basis?: ChangeBasis;
}

/** A table of periods, each with its figures and its change on the same period a year earlier. */
function ChangeTable<R extends TrendPeriodWithChange>({
  series,
  explanations,
  caption,
  basis,
  rows,
  periodHeader,
  earlier,
  label,
  notes,
}: Required<ChangeTableProps> & {
  rows: readonly R[];
  periodHeader: string;
  /** What the change is on, e.g. "a year earlier". */
  earlier: string;
  label: (row: R) => string;
  notes: (row: R) => ReactNode;
}) {
  const formatRate = rateFormatter(rows.map((p) => p.rate));
  return (
    <TrendTable
      caption={caption}
      columns={[
        textColumn(periodHeader),
        ...pointColumns(series, series.measure.rollingRateLabel),
        numberColumn(changeHeader(series, basis, earlier)),
        textColumn('Significance'),
        textColumn('Notes'),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.period} data-period={r.period}>
          <th scope="row">{label(r)}</th>
          <PointCells point={r} series={series} explanations={explanations} formatRate={formatRate} />
          <ChangeCells row={r} basis={basis} />
          <td>{notes(r)}</td>
        </tr>
      ))}
    </TrendTable>
  );
}

/** Rolling 12-month totals with the change on the same 12 months a year earlier. */
export const RollingTable = memo(function RollingTable({ basis = 'rate', ...props }: ChangeTableProps) {
  return (
    <ChangeTable
      {...props}
      basis={basis}
      rows={props.series.rolling}
      periodHeader="12 months to"
      earlier="a year earlier"
      label={(r) => longPeriod(r.period)}
      notes={(r) => <Notes point={r} />}
    />
  );
});

/** Calendar years from the protected year cells, with the change on the year before. */
export const YearTable = memo(function YearTable({ basis = 'rate', ...props }: ChangeTableProps) {
  return (
    <ChangeTable
      {...props}
      basis={basis}
      rows={props.series.years}
      periodHeader="Year"
      earlier="the year before"
      label={(y: TrendYear) => y.period}
      notes={(y: TrendYear) =>
        [
          y.monthsWithData < 12 ? `part year: ${y.monthsWithData} of 12 months have data` : null,
          y.partial ? 'partial: some parts of the area sent no data' : null,
        ]
          .filter(Boolean)
          .join('; ')
      }
    />
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
