import { ETHICS_CANVAS_SECTIONS, type Dataset, type Indicator } from '../../contract';
import { formatDate, formatMonth } from '../../ui/format';

export function DatasetSection({ dataset, indicators }: { dataset: Dataset; indicators: readonly Indicator[] }) {
  const headingId = `dataset-${dataset.id}`;
  return (
    <article className="dataset" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {dataset.title}
        {dataset.synthetic ? <span className="tag tag--synthetic tag--inline">Synthetic</span> : null}
      </h3>
      <dl className="meta-list">
        <div>
          <dt>Agency</dt>
          <dd>{dataset.agency}</dd>
        </div>
        <div>
          <dt>Data owner</dt>
          <dd>{dataset.owner}</dd>
        </div>
        <div>
          <dt>Legal basis</dt>
          <dd>{dataset.legalBasis}</dd>
        </div>
        <div>
          <dt>Sharing agreement</dt>
          <dd>{dataset.sharingAgreement}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{dataset.licence}</dd>
        </div>
        <div>
          <dt>Last refreshed</dt>
          <dd>{formatDate(dataset.refreshed)}</dd>
        </div>
        <div>
          <dt>Coverage</dt>
          <dd>
            {formatMonth(dataset.coverage.from)} to {formatMonth(dataset.coverage.to)}; {dataset.coverage.areas}
          </dd>
        </div>
        <div>
          <dt>Indicators</dt>
          <dd>{indicators.map((i) => i.title).join('; ') || 'None'}</dd>
        </div>
      </dl>
      {dataset.caveats.length > 0 ? (
        <>
          <h4>Caveats</h4>
          <ul>
            {dataset.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      <details className="canvas">
        <summary>Data ethics canvas for {dataset.title}</summary>
        <dl>
          {ETHICS_CANVAS_SECTIONS.map(([key, title]) => (
            <div key={key} className="canvas__section">
              <dt>{title}</dt>
              <dd>{dataset.ethics[key]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </article>
  );
}
