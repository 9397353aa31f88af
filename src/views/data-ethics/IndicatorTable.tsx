import { kindOf } from '../../indicator-kinds';
import { TIER_LABELS, TIERS, type Indicator, type Manifest } from '../../contract';
import type { IndicatorLoadSummary } from '../../queries/readers/catalogue-summary';
import { formatMonth } from '../../ui/format';

const POLARITY_TEXT = {
  'higher-is-worse': 'Higher is worse',
  'higher-is-better': 'Higher is better',
  neutral: 'No judgement (context)',
} as const;

export function IndicatorTable({ manifest, loaded }: { manifest: Manifest; loaded: readonly IndicatorLoadSummary[] }) {
  const byId = new Map(loaded.map((l) => [l.indicatorId, l]));
  const datasetTitle = new Map(manifest.datasets.map((d) => [d.id, `${d.title} (${d.agency})`]));
  return (
    <div className="table-scroll" role="region" aria-labelledby="indicators-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="indicators-caption">Indicators by prevention tier, with their definitions and what is loaded</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Measure</th>
            <th scope="col">Numerator</th>
            <th scope="col">Denominator</th>
            <th scope="col">Method and caveats</th>
            <th scope="col">Dataset</th>
            <th scope="col">Loaded</th>
          </tr>
        </thead>
        {TIERS.map((tier) => {
          const rows = manifest.indicators.filter((i) => i.tier === tier);
          if (rows.length === 0) return null;
          return (
            <tbody key={tier}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={7}>
                  {TIER_LABELS[tier]}
                </th>
              </tr>
              {rows.map((i) => (
                <IndicatorRow
                  key={i.id}
                  indicator={i}
                  loaded={byId.get(i.id)}
                  dataset={datasetTitle.get(i.dataset) ?? i.dataset}
                />
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

function IndicatorRow({
  indicator: i,
  loaded,
  dataset,
}: {
  indicator: Indicator;
  loaded: IndicatorLoadSummary | undefined;
  dataset: string;
}) {
  return (
    <tr>
      <th scope="row">
        {i.title}
        {i.headline ? <span className="tag tag--inline">Headline</span> : null}
        <div className="hint">{POLARITY_TEXT[i.polarity]}</div>
      </th>
      <td>
        {i.rateLabel}
        <div className="hint">
          {kindOf(i).name} of {i.unit}
        </div>
      </td>
      <td>{i.numerator}</td>
      <td>{i.denominator}</td>
      <td>
        {i.method}
        {i.caveats.length > 0 ? (
          <ul className="compact">
            {i.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>{dataset}</td>
      <td>
        {loaded ? (
          <>
            {loaded.areaMonths.toLocaleString('en-GB')} area-months, {loaded.areas} areas ({loaded.levels}),{' '}
            {formatMonth(loaded.firstPeriod)} to {formatMonth(loaded.lastPeriod)}
          </>
        ) : (
          'Not loaded'
        )}
      </td>
    </tr>
  );
}
