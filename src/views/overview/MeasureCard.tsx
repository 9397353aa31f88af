import { kindOf } from '../../indicator-kinds';
import { useRef } from 'react';
import type { DisclosurePolicy } from '../../contract';
import type { PublicFlag, FigureFlag } from '../../disclosure/protected-tables';
import { roundingExplanation, suppressionExplanation } from '../../disclosure/suppression-text';
import type { BriefingMeasure } from '../../queries/figures/briefing-measure';
import { Figure } from '../../ui/Figure';
import { formatMonth } from '../../ui/format';
import { SymbolLegend } from '../../ui/SymbolLegend';
import { ExportButtons } from '../shell/ExportButtons';
import { changeText, measureCsv, measureSource, measureTitle, significanceText } from './briefing-csv';
import { Sparkline } from './Sparkline';

const fmtStat = (v: number) =>
  v.toLocaleString('en-GB', { maximumFractionDigits: v >= 100 ? 0 : 1, minimumFractionDigits: v >= 100 ? 0 : 1 });

/** A figure that may be a gap in the data ('x', ONS "not available") as well as shown, rounded or hidden. */
export function BriefingFigure({
  value,
  flag,
  policy,
  format,
  derived = false,
  missingReason = null,
}: {
  value: number | null;
  flag: FigureFlag;
  policy: DisclosurePolicy;
  format?: (v: number) => string;
  /** A rate worked out from a rounded count. */
  derived?: boolean;
  /** Why there is no figure although nothing is hidden (e.g. no population for a rate). */
  missingReason?: string | null;
}) {
  // Only disclosure control makes a `c`: a figure missing for any other reason is `x`, with the reason.
  if (flag === 'x' || (flag !== 'c' && value === null)) {
    const why = missingReason ?? 'no figure in the data for this period';
    return (
      <span className="figure figure--missing" title={`Not available: ${why}`}>
        <span aria-hidden="true">x</span>
        <span className="visually-hidden">{`not available (x): ${why}`}</span>
      </span>
    );
  }
  return (
    <Figure
      value={value}
      flag={flag as PublicFlag}
      format={format}
      suppressedReason={suppressionExplanation(policy)}
      roundedReason={
        derived
          ? `Worked out from a count rounded to the nearest ${policy.roundTo} to protect privacy.`
          : roundingExplanation(policy)
      }
    />
  );
}

export function MeasureCard({
  measure,
  areaName,
  policy,
  datasetSource,
  synthetic,
  markSynthetic = false,
  rules,
}: {
  measure: BriefingMeasure;
  areaName: string;
  policy: DisclosurePolicy;
  /** The dataset its figures come from, as sourceOf names it. */
  datasetSource: string;
  /** The card's figures come from a synthetic dataset (its exports say so). */
  synthetic: boolean;
  /** Say so on the card itself too: real figures stand beside it, so the page's notice cannot speak for all. */
  markSynthetic?: boolean;
  /** The rules the card's figures follow (rulesFor, for its indicator): its exports name them. */
  rules: string;
}) {
  const chart = useRef<SVGSVGElement>(null);
  const { indicator: ind, current, previous } = measure;
  const title = measureTitle(measure);
  const headingId = `measure-${ind.id}`;
  const source = measureSource(ind, datasetSource);
  const kind = kindOf(ind);
  const isCount = !kind.hasRate;
  const statValue = current?.statistic?.value ?? null;
  const change = changeText(measure);
  const significance = significanceText(measure);
  const tested = measure.change?.kind === 'tested' ? measure.change : null;
  const unitWords = isCount ? ind.unit : `${ind.unit} (number)`;
  // The symbols this card shows (its figure, the year before, a month), explained on the card itself.
  const flags = new Set([current?.flag, previous?.flag, ...measure.months.map((p) => p.flag)]);
  const symbols = (['c', 'x'] as const).filter((s) => flags.has(s));
  return (
    <article className="measure-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="measure-card__title">
        {title}
      </h3>
      {synthetic && markSynthetic ? (
        <p className="measure-card__synthetic">
          <strong className="tag tag--synthetic tag--inline">Synthetic data</strong>
        </p>
      ) : null}
      {current ? (
        <>
          <p className="measure-card__value">
            {isCount ? (
              <BriefingFigure value={current.value} flag={current.flag} policy={policy} />
            ) : (
              <BriefingFigure
                value={statValue}
                flag={current.flag}
                policy={policy}
                format={fmtStat}
                derived={current.flag === 'rounded'}
                missingReason={current.rateReason}
              />
            )}
            <span className="measure-card__unit">
              {isCount ? ` ${ind.unit}` : ` ${ind.rateLabel}`}, {current.label}
            </span>
          </p>
          {measure.comparedOn ? (
            <p className="measure-card__note">
              No full calendar year is loaded, so the 12 months to the latest month are compared with the 12 before, on the months
              both have data for: {measure.comparedOn}.
            </p>
          ) : current.span === '12 months' ? (
            <p className="measure-card__note">
              No full calendar year is loaded, so the 12 months to the latest month are compared with the 12 before.
            </p>
          ) : null}
          {!isCount && current.rateReason && current.flag !== 'c' ? (
            <p className="measure-card__note">No rate (x): {current.rateReason}.</p>
          ) : null}
          {!isCount && current.populationYear !== null ? (
            <p className="measure-card__note">
              {current.span === 'year'
                ? `The rate uses the ${current.populationYear} population, the nearest year loaded (there is none for ${current.period}).`
                : `For months of a year with no population loaded, the rate uses the ${current.populationYear} population, the nearest year loaded.`}
            </p>
          ) : null}
          {!isCount ? (
            <p className="measure-card__count">
              {current.perMonth !== null ? (
                <>
                  <BriefingFigure value={Math.round(current.perMonth)} flag={current.flag} policy={policy} /> {ind.unit} in an
                  average month of {current.period}
                </>
              ) : (
                <>
                  <BriefingFigure value={current.value} flag={current.flag} policy={policy} /> {ind.unit} in {current.label}
                </>
              )}
              {current.lowCount ? <strong className="tag tag--inline">low count</strong> : null}
            </p>
          ) : null}
          <p className="measure-card__change">
            {previous ? (
              <>
                <span>
                  Change on {previous.label}: <strong>{change || 'not worked out'}</strong>
                </span>{' '}
                <span className={`significance significance--${tested?.significant ? tested.direction : 'none'}`}>
                  {significance}
                </span>
                {tested && tested.ratioUpper !== null ? (
                  <span className="measure-card__ci">
                    {' '}
                    ({kind.changeBasis} ratio {tested.ratio === null ? 'not defined' : tested.ratio.toFixed(2)}, 95% confidence
                    interval {tested.ratioLower.toFixed(2)} to {tested.ratioUpper.toFixed(2)})
                  </span>
                ) : null}
              </>
            ) : (
              <span>No earlier full year to compare with.</span>
            )}
          </p>
        </>
      ) : (
        <p className="measure-card__value">No full calendar year of figures.</p>
      )}
      <Sparkline
        ref={chart}
        points={measure.months}
        label={`${title}: monthly ${isCount ? 'number' : 'number of ' + ind.unit}, last 24 months`}
        unit={unitWords}
      />
      <p className="measure-card__summary">{measure.sentence}</p>
      <details className="measure-card__table no-print">
        <summary>Monthly figures for {title}</summary>
        <div className="table-scroll" role="region" aria-labelledby={`${headingId}-months`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${headingId}-months`}>
              {title}: number each month, {areaName}
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  Number
                </th>
              </tr>
            </thead>
            <tbody>
              {measure.months.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{formatMonth(p.period)}</th>
                  <td className="num">
                    <BriefingFigure value={p.value} flag={p.flag} policy={policy} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {symbols.length > 0 ? <SymbolLegend symbols={symbols} /> : null}
      <div className="no-print">
        <ExportButtons
          title={`${title}: ${areaName}`}
          source={source}
          svg={chart}
          synthetic={synthetic}
          rules={rules}
          csv={() => measureCsv(measure, { areaName, source, synthetic, rules })}
        />
      </div>
    </article>
  );
}
