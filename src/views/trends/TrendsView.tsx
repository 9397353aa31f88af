import { useEffect, useMemo } from 'react';
import {
  drawsOnSynthetic,
  type Indicator,
  type Manifest,
  rulesFor,
  breakdownWords,
  sourceOf,
  openDataShare,
} from '../../contract';
import { roundingExplanation, suppressionExplanation } from '../../disclosure/suppression-text';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import { useTrendComparison } from '../../hooks/use-trend-compare';
import { useTrendHotspots } from '../../hooks/use-trend-hotspots';
import { predictionsAllowed, useTrendProjection } from '../../hooks/use-trend-projection';
import { useTrendIndicator, useTrendSeries } from '../../hooks/use-trend-series';
import { useViewState } from '../../url-state/use-view-state';
import { withOption, type ViewOptions } from '../../url-state/view-options';
import { markOnce } from '../../ui/performance-marks';
import { Tabs, type TabChoice } from '../../ui/Tabs';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import { sliceLabel } from './format-trend';
import {
  CompareSection,
  HotspotSection,
  MainTrendSection,
  ProjectionCaveat,
  ProjectionSection,
  SeasonalitySection,
  YearsSection,
  type SectionContext,
} from './TrendSections';
import { BenchmarkSection } from './BenchmarkSection';
import './trends.css';
import { useReportShownIndicator } from '../../ui/shown-indicator';
import { NothingLoaded } from '../shell/NothingLoaded';

/** The chosen indicator plus one indicator from each other partner in the same prevention tier (up to 4). */
export function defaultComparison(indicators: readonly Indicator[], chosen: Indicator): string[] {
  const picked = [chosen.id];
  const datasets = new Set([chosen.dataset]);
  for (const i of indicators) {
    if (picked.length >= 4) break;
    if (i.tier === chosen.tier && !datasets.has(i.dataset)) {
      picked.push(i.id);
      datasets.add(i.dataset);
    }
  }
  return picked;
}

type TrendsPart = NonNullable<ViewOptions['part']>;

const PARTS: readonly TabChoice<TrendsPart>[] = [
  { key: 'trend', label: 'Trend over time' },
  { key: 'compare', label: 'Indicators side by side' },
  { key: 'predictions', label: 'Projection and hotspots' },
];

/**
 * Trends for the chosen indicator, area, age band and sex, in three parts shown as tabs (the part is in the
 * link): the trend over time, indicators side by side, projection and hotspots. See docs/contributing-views.md.
 */
export function TrendsView() {
  const { state: loaded } = useSessionSnapshot();
  const { state, update } = useViewState();
  const policy = useDisclosurePolicy();
  const { indicator, isDefault, unknownId } = useTrendIndicator();
  useReportShownIndicator(indicator?.id ?? null);
  const manifest = loaded.manifest;
  const part: TrendsPart = state.options.part ?? 'trend';

  // One object while these stay the same, so sections whose figures did not change are not drawn again.
  const ctx: SectionContext | null = useMemo(
    () =>
      manifest && indicator
        ? {
            exportMeta: {
              source: sourceOf(manifest, [indicator]),
              synthetic: drawsOnSynthetic(manifest, [indicator.id]),
              rules: rulesFor(manifest, state.audience, [indicator.id]),
            },
            explanations: {
              suppressed: suppressionExplanation(policy ?? { suppressBelowOrEqual: 0 }),
              rounded: roundingExplanation(policy ?? { roundTo: 1 }),
            },
            lowCountBelow: policy?.lowCountBelow ?? 10,
          }
        : null,
    [manifest, indicator, policy, state.audience],
  );

  if (!manifest || !indicator || !ctx) {
    return <NothingLoaded titleId="trends-title" title="Trends" what="indicators are" />;
  }
  return (
    <section aria-labelledby="trends-title" className="trends">
      <h1 id="trends-title">
        <span className="trends__caption">Trends</span> {indicator.title}
      </h1>
      <SyntheticNotice indicatorIds={[indicator.id]} />
      {unknownId ? (
        <p className="notice notice--warning">{`The link names an indicator ("${unknownId}") that is not in the loaded data, so the first headline indicator is shown.`}</p>
      ) : isDefault ? (
        <p className="hint">Showing the first headline indicator. Choose another with the Indicator filter above.</p>
      ) : null}
      {indicator.caveats.length > 0 || indicator.method ? <IndicatorAbout indicator={indicator} /> : null}

      <Tabs
        idPrefix="trends"
        label="Parts of the trends view"
        tabs={PARTS}
        selected={part}
        onSelect={(key) => update({ options: withOption(state.options, 'part', key, 'trend') })}
      >
        <div data-trends-part={part}>
          {part === 'compare' ? (
            <>
              <h2 className="trends__part">Indicators from several partners, side by side</h2>
              <ComparePart
                key={indicator.id}
                manifest={manifest}
                indicator={indicator}
                sliceText={sliceLabel(state.age, state.sex).toLowerCase()}
                ctx={ctx}
              />
            </>
          ) : part === 'predictions' ? (
            <>
              <h2 className="trends__part">Projection and emerging hotspots</h2>
              {predictionsAllowed(state.audience) ? (
                <PredictionsPart indicator={indicator} selectedCode={state.area} ctx={ctx} />
              ) : openDataShare(manifest, [indicator.id]) === 'all' ? (
                // Published open data are exact for every audience: only the second reason holds for them.
                <p className="notice">
                  Projections and hotspot tests are made for analysts only: a published list of &ldquo;hotspots&rdquo; can
                  stigmatise neighbourhoods. An analyst can review a projection and share it with its caveats.
                </p>
              ) : (
                <p className="notice">
                  Projections and hotspot tests are made under analyst disclosure rules only. Under partner and public rules the
                  monthly figures are rounded and more small months are hidden, so a model fitted to them would be biased and
                  overconfident; and a published list of &ldquo;hotspots&rdquo; can stigmatise neighbourhoods. An analyst can
                  review a projection and share it with its caveats.
                </p>
              )}
            </>
          ) : (
            <TrendPart ctx={ctx} vruName={manifest.area.name} indicator={indicator} />
          )}
        </div>
      </Tabs>
    </section>
  );
}

/** The chosen indicator over time in the chosen area: each month or rolling 12 months, years, seasonality. */
function TrendPart({ ctx, vruName, indicator }: { ctx: SectionContext; vruName: string; indicator: Indicator }) {
  const { protecting } = useSessionSnapshot();
  const { state, update } = useViewState();
  const series = useTrendSeries();
  useEffect(() => {
    if (series.data?.available) markOnce('view-ready:trends');
  }, [series.data]);
  const data = series.data;
  return series.isError ? (
    <p role="alert" className="notice notice--error">
      {`The figures could not be prepared: ${series.error instanceof Error ? series.error.message : 'unknown error'}.`}
    </p>
  ) : data === null ? (
    <p className="notice notice--warning">
      The area in the link is not among the loaded areas. Choose an area with the Area filter above.
    </p>
  ) : !data ? (
    <p role="status" className="trends__loading">
      {protecting
        ? `Protecting the figures under ${protecting.audience} disclosure rules (${Math.round((100 * protecting.done) / Math.max(1, protecting.total))}%)…`
        : 'Preparing the figures…'}
    </p>
  ) : !data.available || data.monthsNotPublished ? (
    <>
      <div className="notice">
        <p>{data.monthsNotPublished ?? data.unavailableReason}</p>
        {state.age !== 'all' || state.sex !== 'all' ? (
          <p className="notice__actions">
            {state.area !== null || (state.age !== 'all' && state.sex !== 'all') ? (
              <button
                type="button"
                className="button"
                onClick={() => update({ area: null, sex: state.age !== 'all' ? 'all' : state.sex })}
              >
                {`Show ${sliceLabel(state.age, state.age !== 'all' ? 'all' : state.sex).toLowerCase()} for ${vruName}`}
              </button>
            ) : null}{' '}
            <button type="button" className="button" onClick={() => update({ age: 'all', sex: 'all' })}>
              {`Show ${breakdownWords('all', 'all')} in ${data.area.name}`}
            </button>
          </p>
        ) : null}
      </div>
      {data.available ? <YearsSection series={data} ctx={ctx} /> : null}
    </>
  ) : (
    <div aria-busy={series.isPlaceholderData} className={series.isPlaceholderData ? 'trends__stale' : undefined}>
      {series.isPlaceholderData ? (
        <p role="status" className="trends__updating">
          Updating the figures for your new choice…
        </p>
      ) : null}
      <p className="lede">{`${data.area.name} · ${sliceLabel(data.age, data.sex)} · ${ctx.exportMeta.rules}`}</p>
      <MainTrendSection series={data} ctx={ctx} />
      <YearsSection series={data} ctx={ctx} />
      <SeasonalitySection series={data} ctx={ctx} />
      <BenchmarkSection indicator={indicator} ctx={ctx} />
    </div>
  );
}

function IndicatorAbout({ indicator }: { indicator: Indicator }) {
  return (
    <details className="trends__about">
      <summary>About this indicator</summary>
      <dl className="meta-list">
        <div>
          <dt>Counts</dt>
          <dd>{indicator.numerator}</dd>
        </div>
        <div>
          <dt>Divided by</dt>
          <dd>{indicator.denominator}</dd>
        </div>
        <div>
          <dt>Method</dt>
          <dd>{indicator.method}</dd>
        </div>
        {indicator.caveats.length > 0 ? (
          <div>
            <dt>Caveats</dt>
            <dd>
              <ul className="compact">
                {indicator.caveats.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}

function ComparePart({
  manifest,
  indicator,
  sliceText,
  ctx,
}: {
  manifest: Manifest;
  indicator: Indicator;
  sliceText: string;
  ctx: SectionContext;
}) {
  const { state, update } = useViewState();
  const defaults = useMemo(() => defaultComparison(manifest.indicators, indicator), [manifest.indicators, indicator]);
  const chosen = state.options.with ?? defaults;
  const setChosen = (ids: string[]) => update({ options: withOption(state.options, 'with', ids, defaults) });
  // In the order chosen: the view's own indicator first, drawn in the first style.
  const indicators = chosen.flatMap((id) => manifest.indicators.filter((i) => i.id === id));
  const comparison = useTrendComparison(indicators);
  // The comparison's exports draw on every compared indicator, not only the view's own: so do their labels. Only
  // those loaded: a link from another workspace may name ids that are not, and they have no figures to label.
  const shownIds = indicators.map((i) => i.id);
  const synthetic = drawsOnSynthetic(manifest, shownIds);
  const rules = rulesFor(manifest, state.audience, shownIds);
  const source = sourceOf(manifest, indicators);
  const compareCtx = useMemo(
    () => ({ ...ctx, exportMeta: { ...ctx.exportMeta, source, synthetic, rules } }),
    [ctx, source, synthetic, rules],
  );
  const others = chosen.filter((id) => id !== indicator.id);
  return (
    <>
      {drawsOnSynthetic(manifest, [indicator.id]) ? null : <SyntheticNotice indicatorIds={others} />}
      <CompareSection
        comparison={comparison.data}
        pending={comparison.isPending}
        indicators={manifest.indicators}
        chosen={chosen}
        onChange={setChosen}
        sliceText={sliceText}
        ctx={compareCtx}
      />
    </>
  );
}

function PredictionsPart({
  indicator,
  selectedCode,
  ctx,
}: {
  indicator: Indicator;
  selectedCode: string | null;
  ctx: SectionContext;
}) {
  const projection = useTrendProjection(indicator);
  const hotspots = useTrendHotspots(indicator);
  return (
    <>
      <ProjectionCaveat />
      {projection.data ? (
        <ProjectionSection projection={projection.data} indicator={indicator} ctx={ctx} />
      ) : projection.isSuccess ? null : (
        <p role="status">{projection.isError ? 'The projection could not be made.' : 'Fitting the projection…'}</p>
      )}
      {hotspots.data ? (
        <HotspotSection hotspots={hotspots.data} selectedCode={selectedCode} ctx={ctx} />
      ) : (
        <p role="status">{hotspots.isError ? 'The hotspot tests could not be run.' : 'Testing each district…'}</p>
      )}
    </>
  );
}
