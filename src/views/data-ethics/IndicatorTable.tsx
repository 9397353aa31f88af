import { kindOf } from '../../indicator-kinds';
import type { Indicator, Manifest } from '../../contract';
import type { IndicatorLoadSummary } from '../../queries/readers/catalogue-summary';
import { DataTable, TierBodies } from '../../ui/DataTable';
import { formatMonth } from '../../ui/format';

const POLARITY_TEXT = {
  'higher-is-worse': 'Higher is worse',
  'higher-is-better': 'Higher is better',
  neutral: 'No judgement (context)',
} as const;

const INDICATOR_COLUMNS = ['Indicator', 'Measure', 'Numerator', 'Denominator', 'Method and caveats', 'Dataset', 'Loaded'].map(
  (label) => ({ label }),
);

export function IndicatorTable({ manifest, loaded }: { manifest: Manifest; loaded: readonly IndicatorLoadSummary[] }) {
  const byId = new Map(loaded.map((l) => [l.indicatorId, l]));
  const datasetTitle = new Map(manifest.datasets.map((d) => [d.id, `${d.title} (${d.agency})`]));
  return (
    <DataTable
      captionId="indicators-caption"
      caption="Indicators by prevention tier, with their definitions and what is loaded"
      columns={INDICATOR_COLUMNS}
    >
      <TierBodies items={manifest.indicators} tierOf={(i) => i.tier} colSpan={7}>
        {(rows) =>
          rows.map((i) => (
            <IndicatorRow key={i.id} indicator={i} loaded={byId.get(i.id)} dataset={datasetTitle.get(i.dataset) ?? i.dataset} />
          ))
        }
      </TierBodies>
    </DataTable>
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
