import { DataTable } from '../../ui/DataTable';
import { useEffect } from 'react';
import { allowsSmallAreaLists, drawsOnSynthetic, type GeographyLevel, rulesFor, breakdownWords, sourceOf } from '../../contract';
import { protectedCsv, type ExportMeta } from '../../disclosure/export-csv';
import { suppressionExplanation } from '../../disclosure/suppression-text';
import { useConcentrationFigures } from '../../hooks/use-inequality';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import type {
  ConcentrationFigures,
  ConcentrationParams,
  ConcentrationYear,
  SmallAreaLevel,
} from '../../queries/readers/concentration-figures';
import { enGB } from '../../ui/format';
import { markOnce } from '../../ui/performance-marks';
import { useViewState } from '../../url-state/use-view-state';
import { Cell, FigureSection, SymbolsNote } from './FigureSection';
import {
  concentrationCsvColumns,
  formatGini,
  formatShare,
  levelName,
  monthsText,
  persistentCsvColumns,
} from './inequality-format';
import { LorenzChart, type LorenzSeries } from './LorenzChart';
import { FiguresError, ReplacedIndicator } from './ViewNotices';
import { SMALL_LEVELS, useSmallAreaIndicator } from './small-area-indicator';
import './inequality.css';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import { useReportShownIndicator } from '../../ui/shown-indicator';

/**
 * The Concentration view: how much of an indicator falls in the most affected 1%, 5% and 10% of small areas,
 * the concentration curve and Gini per year, whether concentration changed, and (where the audience's rules
 * allow lists of small areas) the areas persistently among the most affected tenth.
 */
export default function ConcentrationView() {
  const { state, update } = useViewState();
  const policy = useDisclosurePolicy();
  const { indicator, replaced, withSmallAreas, levelsOf, ready, manifest } = useSmallAreaIndicator(SMALL_LEVELS);
  const levels = indicator ? levelsOf(indicator.id) : [];
  // The filter bar names the indicator shown by default rather than asking to choose one.
  useReportShownIndicator(indicator?.id ?? null);
  const level: SmallAreaLevel | null = (levels as readonly string[]).includes(state.level)
    ? (state.level as SmallAreaLevel)
    : (levels[0] ?? null);
  const listAreas = policy ? allowsSmallAreaLists(policy, state.audience) : false;
  // The query key hashes the parameters by value, so a new object each render asks for nothing new.
  const params: ConcentrationParams | null = indicator && level ? { indicatorId: indicator.id, level, listAreas } : null;
  const figures = useConcentrationFigures(params);
  const data = figures.data ?? null;
  useEffect(() => {
    if (data) markOnce('view-ready:concentration');
  }, [data]);

  return (
    <section aria-labelledby="conc-title" className="ineq-view">
      <h1 id="conc-title">Concentration</h1>
      {indicator ? <SyntheticNotice indicatorIds={[indicator.id]} /> : null}
      <p className="ineq-view__lead">
        How concentrated an indicator is in a few small areas: the share recorded in the most affected 1%, 5% and 10% of areas,
        the concentration curve and its Gini coefficient each year, and the areas that stay among the most affected.
      </p>
      {manifest && ready && withSmallAreas.length === 0 ? (
        <p className="notice notice--warning" role="status">
          No indicator loaded has figures for small areas (LSOAs, MSOAs or wards), so concentration cannot be shown.
        </p>
      ) : null}
      <ReplacedIndicator replaced={replaced} shown={indicator} where="small areas" />
      {levels.length > 1 && level ? (
        <div className="field ineq-view__level">
          <label htmlFor="conc-level">Small areas</label>
          <select id="conc-level" value={level} onChange={(e) => update({ level: e.target.value as GeographyLevel })}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelName(l)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FiguresError error={figures.isError ? figures.error : null} />
      {indicator && data && policy && manifest ? (
        <ConcentrationFiguresShown
          data={data}
          unit={indicator.unit}
          title={indicator.title}
          fileStem={`concentration-${indicator.id}-${data.level}-${state.audience}`}
          meta={{
            source: sourceOf(manifest, [indicator]),
            synthetic: drawsOnSynthetic(manifest, [indicator.id]),
            rules: rulesFor(manifest, state.audience, [indicator.id]),
          }}
          reason={suppressionExplanation(policy)}
        />
      ) : indicator && level && !figures.isError ? (
        <p role="status">Working out the figures…</p>
      ) : null}
    </section>
  );
}

function ConcentrationFiguresShown({
  data,
  unit,
  title,
  fileStem,
  meta,
  reason,
}: {
  data: ConcentrationFigures;
  unit: string;
  title: string;
  fileStem: string;
  meta: ExportMeta;
  reason: string;
}) {
  const areas = levelName(data.level);
  const shown = data.years.filter((y) => y.gini !== null);
  const latest = shown[shown.length - 1] ?? null;
  const earliest = data.change ? (shown.find((y) => y.year === data.change!.from) ?? null) : null;
  const tenth = latest?.shares[2];
  const finding = tenth
    ? `The most affected tenth of ${areas} had ${formatShare(tenth.share)} of the ${unit}, ${monthsText(latest)}`
    : `How concentrated the ${unit} were cannot be shown: in every year some ${areas} are hidden to protect privacy or have no figure`;
  const series: LorenzSeries[] = [
    ...(latest ? [{ label: monthsText(latest), points: latest.curve, style: 'solid' as const }] : []),
    ...(earliest && earliest !== latest
      ? [{ label: monthsText(earliest), points: earliest.curve, style: 'dashed' as const }]
      : []),
  ];
  const csv = () =>
    protectedCsv(
      {
        title: `${title}: concentration among ${areas}`,
        ...meta,
        notes: [
          `areas are ranked by their number of ${unit}; a year is hidden (c) when any area is hidden, and not available (x) when any has no figure`,
          data.methods.gini,
          changeText(data),
          data.methods.change,
        ],
      },
      concentrationCsvColumns(),
      data.years,
      (y) => y.flag,
    );
  return (
    <>
      <FigureSection
        title={finding}
        subtitle={`${title}: share of the ${unit} in the most affected ${areas}, and the concentration curve, by calendar year; ${breakdownWords('all', 'all')}. ${meta.rules}.`}
        chart={series.length ? <LorenzChart series={series} /> : undefined}
        chartLabel={`Concentration curves for ${series.map((s) => s.label).join(' and ')}: the share of ${unit} against the share of ${areas}, least affected first. ${latest && latest.gini !== null ? `Gini coefficient ${formatGini(latest.gini)} in ${latest.year}.` : ''} The table below gives the figures.`}
        notes={
          <div className="ineq-figure__notes">
            <ul>
              <li>{changeText(data)}</li>
              <li>
                The Gini coefficient is 0 when every area has as many {unit}, and near 1 when one area has them all. Part years
                are compared only with years of as many months.
              </li>
            </ul>
            <SymbolsNote rounding={data.years.some((y) => y.flag === 'rounded')} />
          </div>
        }
        table={<YearTable years={data.years} areas={areas} reason={reason} />}
        csv={csv}
        fileName={`${fileStem}.csv`}
      />
      <PersistentAreas data={data} unit={unit} title={title} fileStem={fileStem} meta={meta} />
    </>
  );
}

function changeText(data: ConcentrationFigures): string {
  if (!data.change) return `Change in concentration: not given, because ${data.changeReason ?? 'there is nothing to compare'}.`;
  const { from, to, result } = data.change;
  const size = `(Gini change ${result.difference >= 0 ? '+' : ''}${formatGini(result.difference)}, 95% interval ${formatGini(result.lower)} to ${formatGini(result.upper)})`;
  if (!result.changed) return `No clear change in concentration between ${from} and ${to} ${size}.`;
  return `Concentration ${result.difference > 0 ? 'rose' : 'fell'} between ${from} and ${to} ${size}.`;
}

function YearTable({ years, areas, reason }: { years: readonly ConcentrationYear[]; areas: string; reason: string }) {
  const share = (y: ConcentrationYear, k: number) => {
    const s = y.shares[k];
    return (
      <Cell
        text={s ? `${formatShare(s.share)} (${enGB(s.areas)})` : null}
        flag={y.flag === 'c' || y.flag === 'x' ? y.flag : s ? y.flag : 'x'}
        reason={reason}
      />
    );
  };
  return (
    <DataTable
      captionId="conc-table-caption"
      caption={<>Share in the most affected {areas}, by year (number of areas in brackets)</>}
      head={
        <>
          <tr>
            <th scope="col">Year</th>
            <th scope="col" className="num">
              {areas[0]!.toUpperCase() + areas.slice(1)}
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Most affected 1%
            </th>
            <th scope="col" className="num">
              Most affected 5%
            </th>
            <th scope="col" className="num">
              Most affected 10%
            </th>
            <th scope="col" className="num">
              Gini coefficient
            </th>
          </tr>
        </>
      }
    >
      <tbody>
        {years.map((y) => (
          <tr key={y.year}>
            <th scope="row">{monthsText(y)}</th>
            <td className="num">
              {enGB(y.areas)}
              {y.hiddenAreas ? <span className="hint"> ({enGB(y.hiddenAreas)} hidden)</span> : null}
            </td>
            <td className="num">
              <Cell text={y.total === null ? null : enGB(y.total)} flag={y.flag} reason={reason} />
            </td>
            <td className="num">{share(y, 0)}</td>
            <td className="num">{share(y, 1)}</td>
            <td className="num">{share(y, 2)}</td>
            <td className="num">
              <Cell
                text={y.gini === null ? null : formatGini(y.gini)}
                flag={y.gini === null && y.flag !== 'c' ? 'x' : y.flag}
                reason={reason}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function PersistentAreas({
  data,
  unit,
  title,
  fileStem,
  meta,
}: {
  data: ConcentrationFigures;
  unit: string;
  title: string;
  fileStem: string;
  meta: ExportMeta;
}) {
  const areas = levelName(data.level);
  if (!data.persistent)
    return (
      <section className="ineq-figure" aria-labelledby="persistent-title">
        <h2 id="persistent-title" className="ineq-figure__title">
          Areas persistently among the most affected
        </h2>
        <p className="notice">
          The list of {areas} is not shown: {data.persistentReason}.
        </p>
      </section>
    );
  const years = data.persistentYears;
  const every = years.length === 2;
  const finding = `${enGB(data.persistent.length)} ${data.persistent.length === 1 ? levelName(data.level, false) : areas} ${data.persistent.length === 1 ? 'was' : 'were'} among the most affected tenth in ${every ? 'both' : 'most of the'} years compared (${years.join(', ')})`;
  const csv = () =>
    protectedCsv(
      {
        title: `${title}: ${finding}`,
        ...meta,
        notes: [
          `value: ${unit} in the years compared, added up; the most affected tenth is ranked by number of ${unit} each year`,
        ],
      },
      persistentCsvColumns(),
      data.persistent!,
      () => 'shown',
    );
  return (
    <FigureSection
      title={finding}
      subtitle={`For targeting: ${areas} among the most affected tenth (by number of ${unit}) in more than half of the years with every area shown and as many months of data.`}
      table={
        <div className="table-scroll ineq-persistent" role="region" aria-labelledby="persistent-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="persistent-caption">
              {areas[0]!.toUpperCase() + areas.slice(1)} persistently among the most affected tenth
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Code</th>
                <th scope="col">Years in the most affected tenth</th>
                <th scope="col" className="num">
                  {unit[0]!.toUpperCase() + unit.slice(1)} in the years compared
                </th>
              </tr>
            </thead>
            <tbody>
              {data.persistent.map((a) => (
                <tr key={a.code}>
                  <th scope="row">{a.name}</th>
                  <td>{a.code}</td>
                  <td>{a.yearsInTop.join(', ')}</td>
                  <td className="num">{enGB(a.totalEvents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
      csv={csv}
      fileName={`${fileStem}-persistent.csv`}
    />
  );
}
