import { allIndicatorIds } from '../../contract';
import { useSessionSnapshot } from '../../hooks/session-context';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import { useCatalogueSummary } from '../../hooks/use-catalogue';
import { formatMonth } from '../../ui/format';
import { AbsentRowsTable } from './AbsentRowsTable';
import { datasetsPhrase } from './datasets-phrase';
import { CoverageMatrixTable } from './CoverageMatrixTable';
import { DatasetSection } from './DatasetSection';
import { DisclosureSection } from './DisclosureSection';
import { IndicatorTable } from './IndicatorTable';
import { NothingLoaded } from '../shell/NothingLoaded';

/** The catalogue: what each dataset is, on what basis it is shared, what each indicator means, and gaps. */
export function DataEthicsView() {
  const { state } = useSessionSnapshot();
  const summary = useCatalogueSummary();
  const manifest = state.manifest;
  if (!manifest) {
    return <NothingLoaded titleId="data-title" title="Data and ethics" what="manifest is" />;
  }
  const loaded = summary.data?.indicators ?? [];
  const first = loaded.map((i) => i.firstPeriod).sort()[0];
  const last = loaded
    .map((i) => i.lastPeriod)
    .sort()
    .at(-1);
  return (
    <section aria-labelledby="data-title" className="catalogue">
      <h1 id="data-title">Data and ethics</h1>
      <SyntheticNotice indicatorIds={allIndicatorIds(manifest)} />
      <p className="lede">
        {`${manifest.title}: ${datasetsPhrase(manifest.datasets)}, ${manifest.indicators.length} indicator${manifest.indicators.length === 1 ? '' : 's'}`}
        {first && last ? `, ${formatMonth(first)} to ${formatMonth(last)}` : ''}.
      </p>
      <dl className="summary-list" aria-label="What is loaded">
        <div>
          <dt>Datasets</dt>
          <dd>{manifest.datasets.length}</dd>
        </div>
        <div>
          <dt>Indicators</dt>
          <dd>{manifest.indicators.length}</dd>
        </div>
        {(summary.data?.areas ?? []).map((a) => (
          <div key={a.level}>
            <dt>Areas ({levelTitle(manifest.geographies, a.level)})</dt>
            <dd>{a.areas.toLocaleString('en-GB')}</dd>
          </div>
        ))}
        <div>
          {/* Summed over indicators: an area's month counts once for each indicator covering it. */}
          <dt>Area-months covered, summed over indicators</dt>
          <dd>{loaded.reduce((s, i) => s + i.areaMonths, 0).toLocaleString('en-GB')}</dd>
        </div>
      </dl>

      <h2 id="indicators">Indicators</h2>
      <IndicatorTable manifest={manifest} loaded={loaded} />

      <h2 id="coverage">Coverage by month</h2>
      <CoverageMatrixTable manifest={manifest} />
      <h3 id="absent-rows">Rows left out of the extracts</h3>
      <p>
        Agencies often leave out the rows of cells where nothing happened. Each cell of an indicator&apos;s declared coverage is
        shown, as 0 where its row was left out, so whether a figure is shown never says whether anyone was counted in it. Months
        declared not reported are shown as <code>x</code>, and totals that include them are marked partial.
      </p>
      <AbsentRowsTable manifest={manifest} />

      <h2 id="disclosure">Disclosure control</h2>
      <DisclosureSection manifest={manifest} />

      <h2 id="datasets">Datasets and their ethics canvases</h2>
      <p>
        Each dataset is shared under the agreement named below. Its answers to the Open Data Institute&apos;s Data Ethics Canvas
        say why the data are used, what could go wrong for the people in them, and what is done about it.
      </p>
      {manifest.datasets.map((d) => (
        <DatasetSection key={d.id} dataset={d} indicators={manifest.indicators.filter((i) => i.dataset === d.id)} />
      ))}
    </section>
  );
}

function levelTitle(geographies: readonly { level: string; title: string }[], level: string): string {
  return geographies.find((g) => g.level === level)?.title ?? level;
}
