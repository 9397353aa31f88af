import { DataTable } from '../../ui/DataTable';
import { denominatorOf } from '../../indicator-kinds';
import { useEffect, useMemo } from 'react';
import { protectedCsv } from '../../disclosure/export-csv';
import { suppressionExplanation } from '../../disclosure/suppression-text';
import { useInequalityFigures } from '../../hooks/use-inequality';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import type { InequalityFigures, InequalityParams, SchemeFigures } from '../../queries/readers/inequality-figures';
import { drawsOnSynthetic, type Audience, type Indicator, rulesFor, breakdownWords, sourceOf } from '../../contract';
import { enGB } from '../../ui/format';
import { markOnce } from '../../ui/performance-marks';
import { useViewState } from '../../url-state/use-view-state';
import { Cell, FigureSection, SymbolsNote } from './FigureSection';
import { GradientChart } from './GradientChart';
import { FiguresError, ReplacedIndicator } from './ViewNotices';
import { formatRate, gradientTitle, groupCsvColumns, ratioInterval, summaryLines, yearText } from './inequality-format';
import { useSmallAreaIndicator } from './small-area-indicator';
import './inequality.css';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import { useReportShownIndicator } from '../../ui/shown-indicator';

const LSOA = ['lsoa'] as const;

/**
 * The Deprivation view: an indicator's rate by national IMD decile and by local quintile of the LSOAs loaded,
 * with confidence limits, the slope and relative indices of inequality and the gap between the most and least
 * deprived. Group figures are protected sums of LSOA cells (src/queries/readers/deprivation-groups.ts).
 */
export default function InequalityView() {
  const { state, update } = useViewState();
  const policy = useDisclosurePolicy();
  const { indicator, replaced, withSmallAreas, ready, manifest } = useSmallAreaIndicator(LSOA);
  // The filter bar names the indicator shown by default rather than asking to choose one.
  useReportShownIndicator(indicator?.id ?? null);
  // Inequality compares crude rates per population (only the crude rate kind divides by it); others as counts.
  const rates = indicator ? denominatorOf(indicator) === 'population' : false;
  const params: InequalityParams | null = useMemo(
    () => (indicator ? { indicatorId: indicator.id, month: state.period, multiplier: indicator.multiplier, rates } : null),
    [indicator, state.period, rates],
  );
  const figures = useInequalityFigures(params);
  const data = figures.data ?? null;
  useEffect(() => {
    if (data) markOnce('view-ready:inequality');
  }, [data]);

  if (!manifest) return <Intro />;
  // Named beside the figures and in their CSV files.
  const rules = rulesFor(manifest, state.audience, indicator ? [indicator.id] : []);
  return (
    <section aria-labelledby="ineq-title" className="ineq-view">
      <Intro />
      {indicator ? <SyntheticNotice indicatorIds={[indicator.id]} /> : null}
      {ready && withSmallAreas.length === 0 ? (
        <p className="notice notice--warning" role="status">
          No indicator loaded has figures for small areas (LSOAs), so none can be shown by deprivation.
        </p>
      ) : null}
      <ReplacedIndicator replaced={replaced} shown={indicator} where="small areas (LSOAs)" />
      <FiguresError error={figures.isError ? figures.error : null} />
      {indicator && data && policy ? (
        data.ranked === 0 ? (
          <div className="notice notice--warning" role="status">
            <p>
              No deprivation lookup is loaded for these small areas, so they cannot be grouped by deprivation. Load a file with
              the columns <code>area_code, imd_rank, imd_decile</code> (for England, from the English Indices of Deprivation 2019,
              File 1) in Load data.
            </p>
            <p>
              <button type="button" className="link-button" onClick={() => update({ view: 'import' })}>
                Go to Load data
              </button>
            </p>
          </div>
        ) : (
          <>
            <p className="ineq-view__context">
              {indicator.title}, {yearText(data.period)}, {breakdownWords('all', 'all')}; {enGB(data.ranked)} small areas (LSOAs)
              grouped by the deprivation lookup loaded (1 = most deprived)
              {data.unranked > 0 ? `; ${enGB(data.unranked)} LSOAs have no deprivation rank and are left out` : ''}.{' '}
              {rates ? `Rates ${indicator.rateLabel}` : 'Counts'}
              {data.populationYear !== null
                ? `, per head of the ${data.populationYear} population (the latest loaded)`
                : ''}. {rules}.
            </p>
            {[data.national, data.local].map((scheme) => (
              <SchemeFigure
                key={scheme.scheme}
                figures={scheme}
                all={data}
                indicator={indicator}
                rates={rates}
                reason={suppressionExplanation(policy)}
                source={sourceOf(manifest, [indicator])}
                audience={state.audience}
                rules={rules}
                synthetic={drawsOnSynthetic(manifest, [indicator.id])}
              />
            ))}
            <Methods data={data} />
          </>
        )
      ) : indicator && !figures.isError ? (
        <p role="status">Working out the figures…</p>
      ) : null}
    </section>
  );
}

function Intro() {
  return (
    <>
      <h1 id="ineq-title">Deprivation</h1>
      <p className="ineq-view__lead">
        How an indicator&apos;s rate changes with the deprivation of the small areas (LSOAs) where it was recorded: by national
        deprivation tenth (decile) and by fifth (quintile) of the local areas, with the slope and relative indices of inequality.
      </p>
    </>
  );
}

function SchemeFigure({
  figures,
  all,
  indicator,
  rates,
  reason,
  source,
  audience,
  rules,
  synthetic,
}: {
  figures: SchemeFigures;
  all: InequalityFigures;
  indicator: Indicator;
  rates: boolean;
  reason: string;
  source: string;
  /** Names the file: the figures are this audience's. */
  audience: Audience;
  rules: string;
  synthetic: boolean;
}) {
  const national = figures.scheme === 'national';
  const title = gradientTitle(indicator, figures, all.period);
  const rounded = figures.groups.some((g) => g.flag === 'rounded');
  const hidden = figures.groups.filter((g) => g.flag === 'c');
  const lines = summaryLines(figures, indicator.rateLabel);
  const csv = () =>
    protectedCsv(
      {
        title: `${title} (${national ? 'national deprivation deciles' : 'local deprivation quintiles'})`,
        source,
        synthetic,
        rules,
        notes: [
          `${indicator.title}, ${yearText(all.period)}, ${breakdownWords('all', 'all')}; rates ${indicator.rateLabel}`,
          'group 1 is the most deprived; a group is hidden (c) when any of its small areas is hidden',
          ...lines,
          all.methods.sii,
          all.methods.gap,
        ],
      },
      groupCsvColumns(rates),
      figures.groups,
      (g) => g.flag,
    );
  const s = figures.sii.ok ? figures.sii.value : null;
  const rii = s ? ratioInterval(s.rii, s.riiLower, s.riiUpper) : null;
  const gap = figures.gap;
  const gapRatio = gap?.ratio != null ? ratioInterval(gap.ratio, gap.ratioLower!, gap.ratioUpper!) : null;
  return (
    <FigureSection
      title={title}
      subtitle={
        national
          ? `By national deprivation decile of the LSOA (1 = most deprived tenth of areas in the country)${rates ? `, rate ${indicator.rateLabel} with 95% confidence intervals` : ''}`
          : `By deprivation quintile of the LSOAs loaded (five groups of nearly equal number, ranked by the same index)${rates ? `, rate ${indicator.rateLabel} with 95% confidence intervals` : ''}`
      }
      chart={rates ? <GradientChart groups={figures.groups} /> : undefined}
      chartLabel={`Bar chart of the rate in each ${national ? 'decile' : 'quintile'}, most deprived first, with 95% confidence intervals${hidden.length ? `; ${hidden.length} hidden to protect privacy` : ''}. The table below gives every figure.`}
      notes={
        <div className="ineq-figure__notes">
          <ul>
            {s ? (
              <>
                <li>
                  Slope index of inequality: <strong>{formatRate(s.sii)}</strong> {indicator.rateLabel} (95% confidence interval{' '}
                  {formatRate(s.siiLower)} to {formatRate(s.siiUpper)}): the modelled difference between the most and least
                  deprived ends of the population; positive when the rate is higher where deprivation is greater.
                </li>
                <li>
                  Relative index of inequality: <strong>{rii![0]}</strong> (95% confidence interval {rii![1]} to {rii![2]}): the
                  slope index as a multiple of the average rate
                  {` (${formatRate(s.meanRate)} ${indicator.rateLabel}).`}
                </li>
              </>
            ) : !figures.sii.ok ? (
              <li>Slope and relative index of inequality: not given, because {figures.sii.reason}.</li>
            ) : null}
            {figures.gap?.ratio != null ? (
              <li>
                Most deprived {national ? 'decile' : 'quintile'} compared with the least: {gapRatio![0]} times the rate (95%
                confidence interval {gapRatio![1]} to {gapRatio![2]}
                ), a difference of {formatRate(figures.gap.difference!)} {indicator.rateLabel} (
                {formatRate(figures.gap.differenceLower!)} to {formatRate(figures.gap.differenceUpper!)}).
              </li>
            ) : figures.gap?.difference != null ? (
              <li>
                Most deprived minus least deprived: {formatRate(figures.gap.difference)} {indicator.rateLabel} (95% confidence
                interval {formatRate(figures.gap.differenceLower!)} to {formatRate(figures.gap.differenceUpper!)}); no ratio, as a
                group had no events.
              </li>
            ) : figures.gapReason ? (
              <li>Gap between the most and least deprived: not given, because {figures.gapReason}.</li>
            ) : null}
            {hidden.length ? (
              <li>
                {hidden.length} of {figures.groups.length} groups are hidden (c): a group is hidden when any of its small areas
                is, so that it cannot be used to work out a hidden figure by subtraction.
              </li>
            ) : null}
          </ul>
          <SymbolsNote rounding={rounded} />
        </div>
      }
      table={<GroupTable figures={figures} rates={rates} rateLabel={indicator.rateLabel} reason={reason} />}
      csv={csv}
      fileName={`deprivation-${figures.scheme}-${indicator.id}-${all.period?.period ?? 'none'}-${audience}.csv`}
    />
  );
}

function GroupTable({
  figures,
  rates,
  rateLabel,
  reason,
}: {
  figures: SchemeFigures;
  rates: boolean;
  rateLabel: string;
  reason: string;
}) {
  const captionId = `ineq-table-${figures.scheme}`;
  return (
    <DataTable
      captionId={captionId}
      caption={figures.scheme === 'national' ? 'By national deprivation decile' : 'By local deprivation quintile'}
      head={
        <>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Small areas
            </th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col" className="num">
              Population
            </th>
            {rates ? (
              <>
                <th scope="col" className="num">
                  Rate <span className="hint">{rateLabel}</span>
                </th>
                <th scope="col" className="num">
                  95% confidence interval
                </th>
              </>
            ) : null}
          </tr>
        </>
      }
    >
      <tbody>
        {figures.groups.map((g) => (
          <tr key={g.group}>
            <th scope="row">{g.label}</th>
            <td className="num">
              {enGB(g.areas)}
              {g.hiddenAreas ? <span className="hint"> ({enGB(g.hiddenAreas)} hidden)</span> : null}
            </td>
            <td className="num">
              <Cell text={g.count === null ? null : enGB(g.count)} flag={g.flag} reason={reason} />
            </td>
            <td className="num">
              <Cell
                text={g.population === null ? null : enGB(g.population)}
                flag={g.population === null ? 'x' : 'shown'}
                reason={reason}
              />
            </td>
            {rates ? (
              <>
                <td className="num">
                  <Cell text={g.rate?.value == null ? null : formatRate(g.rate.value)} flag={g.rateFlag} reason={reason} />
                </td>
                <td className="num">
                  {g.rateFlag !== 'c' && g.rateFlag !== 'x' && g.rate?.lower95 != null && g.rate.upper95 != null
                    ? `${formatRate(g.rate.lower95)} to ${formatRate(g.rate.upper95)}`
                    : ''}
                </td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function Methods({ data }: { data: InequalityFigures }) {
  return (
    <details className="ineq-methods">
      <summary>How these figures are worked out</summary>
      <p>{data.methods.sii}</p>
      <p>{data.methods.gap}</p>
      <p>
        Rates and their 95% confidence intervals: count divided by population, exact Poisson limits below 10 events and
        Byar&apos;s method from 10 (as Fingertips does). Each group&apos;s count is the sum of its small areas&apos; published
        figures.
      </p>
    </details>
  );
}
