import { DataTable } from '../../ui/DataTable';
import { kindOf } from '../../indicator-kinds';
import type { Indicator } from '../../contract';
import { protectedCsv } from '../../disclosure/export-csv';
import { useBenchmarkComparison } from '../../hooks/use-benchmark-comparison';
import type { BenchmarkYearComparison } from '../../queries/readers/benchmark-comparison';
import type { BenchmarkOutcome, NotCompared } from '../../stats';
import { enGB } from '../../ui/format';
import { useViewState } from '../../url-state/use-view-state';
import { ChartFigure } from './ChartFigure';
import type { SectionContext } from './TrendSections';

const OUTCOME_WORDS: Record<BenchmarkOutcome | NotCompared, string> = {
  better: 'Better',
  worse: 'Worse',
  similar: 'Similar',
  higher: 'Higher',
  lower: 'Lower',
  'not-compared': 'Not compared',
};

const rate = (v: number) => enGB(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function figureText(r: BenchmarkYearComparison): string {
  if (r.rateFlag === 'c') return 'c';
  if (r.rateFlag === 'x' || r.rate?.value == null) return 'x';
  const limits = r.rate.lower95 != null && r.rate.upper95 != null ? ` (${rate(r.rate.lower95)} to ${rate(r.rate.upper95)})` : '';
  return `${rate(r.rate.value)}${limits}`;
}

function whyNotCompared(r: BenchmarkYearComparison): string {
  if (r.benchmarkValue === null) return 'no benchmark value for this year';
  if (r.rateFlag === 'c') return 'the figure is hidden to protect privacy';
  if (r.rateFlag === 'x' || r.rate?.value == null) return 'no figure in the loaded data';
  return `the year is not complete: ${r.incompleteMonths === 1 ? 'one month lacks' : `${r.incompleteMonths} months lack`} data from some or all parts of the area`;
}

/**
 * The area's yearly figure against each benchmark value loaded for the indicator (England, a region, a
 * most-similar group, a Fingertips download), better / similar / worse by its 95% interval and the indicator's
 * polarity, the method named; shown only when benchmark values are loaded.
 */
export function BenchmarkSection({ indicator, ctx }: { indicator: Indicator; ctx: SectionContext }) {
  const { state } = useViewState();
  const result = useBenchmarkComparison(
    !kindOf(indicator).hasRate
      ? null
      : {
          indicatorId: indicator.id,
          areaCode: state.area,
          statistic: indicator.statistic,
          denominatorSource: indicator.denominatorSource,
          multiplier: indicator.multiplier,
          polarity: indicator.polarity,
          lowCountBelow: ctx.lowCountBelow,
        },
  );
  const data = result.data;
  if (!data || data.rows.length === 0) return null;
  const latest = [...data.rows].reverse().find((r) => r.outcome !== 'not-compared');
  const title = latest
    ? `${data.areaName}, ${latest.year}: ${OUTCOME_WORDS[latest.outcome].toLowerCase()} ${latest.outcome === 'similar' ? 'to' : 'than'} ${latest.benchmark}`
    : `${data.areaName} compared with the benchmarks loaded`;
  const csv = () =>
    protectedCsv(
      {
        title: `${indicator.title}: ${data.areaName} compared with benchmarks`,
        ...ctx.exportMeta,
        notes: [data.method, `rate: ${indicator.rateLabel}, with 95% confidence limits`],
      },
      [
        { header: 'year', value: (r) => r.year },
        { header: 'benchmark', value: (r) => r.benchmark },
        { header: 'benchmark value', value: (r) => r.benchmarkValue },
        { header: 'value', figure: true, value: (r) => r.rate?.value ?? null },
        {
          header: 'lower 95% limit',
          value: (r) => (r.rateFlag === 'c' || r.rateFlag === 'x' ? r.rateFlag : (r.rate?.lower95 ?? null)),
        },
        {
          header: 'upper 95% limit',
          value: (r) => (r.rateFlag === 'c' || r.rateFlag === 'x' ? r.rateFlag : (r.rate?.upper95 ?? null)),
        },
        { header: 'compared with benchmark', value: (r) => OUTCOME_WORDS[r.outcome] },
      ],
      data.rows,
      (r) => r.rateFlag,
    );
  return (
    <ChartFigure
      title={title}
      subtitle={`${indicator.title}, ${indicator.rateLabel}, by calendar year. ${data.method}`}
      notes={
        data.unmatchedPeriods.length ? (
          <p className="hint">
            Benchmark periods not compared, as they are not calendar years with figures here: {data.unmatchedPeriods.join(', ')}.
          </p>
        ) : null
      }
      table={
        <DataTable
          captionId="benchmark-caption"
          caption={`${data.areaName} compared with benchmarks, by year`}
          head={
            <>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Benchmark</th>
                <th scope="col" className="num">
                  Benchmark value
                </th>
                <th scope="col" className="num">
                  {data.areaName} (95% confidence interval)
                </th>
                <th scope="col">Compared with the benchmark</th>
              </tr>
            </>
          }
        >
          <tbody>
            {data.rows.map((r) => (
              <tr key={`${r.year}|${r.benchmark}`}>
                <th scope="row">{r.year}</th>
                <td>{r.benchmark}</td>
                <td className="num">{r.benchmarkValue === null ? 'x' : rate(r.benchmarkValue)}</td>
                <td className="num">{figureText(r)}</td>
                <td>
                  {OUTCOME_WORDS[r.outcome]}
                  {r.outcome === 'not-compared' ? <span className="hint"> ({whyNotCompared(r)})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      }
      tableOpen
      csv={csv}
      fileStem={`trend-benchmarks-${indicator.id}-${state.audience}`}
      exportMeta={ctx.exportMeta}
    />
  );
}
