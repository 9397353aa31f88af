import { useEffect } from 'react';
import {
  AUDIENCE_PERMISSIONS,
  DEFAULT_POLICIES,
  drawsOnSynthetic,
  openDataShare,
  syntheticShare,
  policyInWords,
  rulesFor,
  rulesName,
  sourceOf,
} from '../../contract';
import { roundingExplanation, suppressionExplanation } from '../../disclosure/suppression-text';
import { useBriefingFigures } from '../../hooks/use-briefing-figures';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import { formatDate, formatMonth } from '../../ui/format';
import { markOnce } from '../../ui/performance-marks';
import { useViewState } from '../../url-state/use-view-state';
import { MeasureCard } from './MeasureCard';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import { PublishBundle } from './PublishBundle';
import { TierSummary } from './TierSummary';

/**
 * The briefing for strategic leads: the Home Office VRU success measures first, then the manifest's other
 * headline measures, then every measure by prevention tier. Printing the page gives an A4 briefing.
 */
export function OverviewView() {
  const { state: loaded, bundle } = useSessionSnapshot();
  const { state } = useViewState();
  const policy = useDisclosurePolicy() ?? DEFAULT_POLICIES[state.audience];
  const briefing = useBriefingFigures();
  const data = briefing.data;
  const manifest = loaded.manifest;

  useEffect(() => {
    if (data && data.measures.length > 0) markOnce('view-ready:overview');
  }, [data]);

  if (!manifest) {
    return (
      <section aria-labelledby="overview-title">
        <h1 id="overview-title">Overview</h1>
        <p className="notice">No data are loaded yet. Load a manifest and extracts on the Load data view.</p>
      </section>
    );
  }
  if (briefing.isError) {
    return (
      <section aria-labelledby="overview-title">
        <h1 id="overview-title">Overview</h1>
        <p role="alert" className="notice notice--error">
          The briefing could not be worked out:{' '}
          {briefing.error instanceof Error ? briefing.error.message : String(briefing.error)}
        </p>
      </section>
    );
  }
  if (!data) {
    return (
      <section aria-labelledby="overview-title">
        <h1 id="overview-title">Overview</h1>
        <p role="status">Working out the headline measures…</p>
      </section>
    );
  }

  const homeOffice = data.measures.filter((m) => m.homeOffice);
  const otherHeadline = data.measures.filter((m) => !m.homeOffice && m.indicator.headline);
  // The period the heading names: the lead measure's (a full year, or the 12 months to the latest month).
  const lead = homeOffice.find((m) => m.current)?.current ?? data.measures.find((m) => m.current)?.current ?? null;
  const year = lead?.span === 'year' ? lead.period : null;
  const rolling = data.measures.some((m) => m.current?.span === '12 months');
  const shownIds = data.measures.map((m) => m.indicator.id);
  // Each card and export says "synthetic" for its own figures; a card is tagged when real figures stand beside it.
  const cardSynthetic = (id: string) => drawsOnSynthetic(manifest, [id]);
  const markSynthetic = syntheticShare(manifest) === 'some';
  const today = new Date().toISOString().slice(0, 10);
  const cardProps = { areaName: data.areaName, policy };
  const card = (m: (typeof data.measures)[number]) => (
    <MeasureCard
      key={m.indicator.id}
      measure={m}
      datasetSource={sourceOf(manifest, [m.indicator])}
      synthetic={cardSynthetic(m.indicator.id)}
      markSynthetic={markSynthetic}
      rules={rulesFor(manifest, state.audience, [m.indicator.id])}
      {...cardProps}
    />
  );
  // The datasets the measures shown come from.
  const sources = sourceOf(
    manifest,
    data.measures.map((m) => m.indicator),
  );
  // Measures from published open data show exact counts whatever the audience: the rules line says so.
  const openShown = openDataShare(manifest, shownIds);

  return (
    <article className="briefing" aria-labelledby="overview-title" aria-busy={briefing.isFetching}>
      <header className="briefing__head">
        <h1 id="overview-title">
          Overview: headline measures for {data.areaName}
          {lead ? `, ${lead.label}` : ''}
          {year && data.endMonth && data.endMonth !== `${year}-12`
            ? `, the latest full year to ${formatMonth(data.endMonth)}`
            : ''}
        </h1>
        <p className="lede">
          The Home Office success measures for violence reduction units
          {otherHeadline.length > 0 ? ' and other headline measures' : ''}, each for the latest full calendar year against the
          year before
          {rolling ? ' (where no full year is loaded, the 12 months to the latest month against the 12 before)' : ''}, with a test
          of whether the change is more than chance would give.
        </p>
        <ul className="briefing__meta">
          <li>Data up to {data.endMonth ? formatMonth(data.endMonth) : 'no month loaded'}</li>
          <li>Produced {formatDate(today)}</li>
          {openShown === 'all' ? (
            <li>Published open data: exact counts, no disclosure rule needed</li>
          ) : (
            <li>
              {rulesName(state.audience)}: {policyInWords(policy, true)}
              {openShown === 'some' ? '; measures from published open data are exact counts' : ''}
            </li>
          )}
          {bundle ? <li>From a partner bundle published {formatDate(bundle.createdAt.slice(0, 10))}</li> : null}
        </ul>
        <SyntheticNotice indicatorIds={shownIds} className="briefing__synthetic" />
        {data.areaNotFound ? (
          <p className="notice notice--warning" role="status">
            The area in the link is not in the data loaded, so the whole {data.areaName} is shown.
          </p>
        ) : null}
        {state.age !== 'all' || state.sex !== 'all' ? (
          <p className="hint">
            Headline measures follow their own definitions (for example, people aged under 25), so the age and sex filters do not
            change them.
          </p>
        ) : null}
        <div className="no-print briefing__actions">
          <button type="button" className="action-button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </header>

      <section aria-labelledby="ho-title" className="briefing__section">
        <h2 id="ho-title">Home Office success measures</h2>
        {homeOffice.length === 0 ? (
          <p>The manifest marks none of the loaded indicators as a Home Office success measure.</p>
        ) : (
          <div className="measure-grid">{homeOffice.map(card)}</div>
        )}
      </section>

      {otherHeadline.length > 0 ? (
        <section aria-labelledby="headline-title" className="briefing__section">
          <h2 id="headline-title">Other headline measures</h2>
          <div className="measure-grid">{otherHeadline.map(card)}</div>
        </section>
      ) : null}

      <section aria-labelledby="tier-title" className="briefing__section briefing__tiers">
        <h2 id="tier-title">All measures by prevention tier</h2>
        <TierSummary
          measures={data.measures}
          source={sources}
          synthetic={drawsOnSynthetic(manifest, shownIds)}
          rules={rulesFor(manifest, state.audience, shownIds)}
          {...cardProps}
        />
      </section>

      <section aria-labelledby="method-title" className="briefing__section briefing__method">
        <h2 id="method-title">How to read these figures</h2>
        <ul>
          <li>
            Change on the year before is tested with the exact conditional test for two Poisson rates at 95% confidence. &quot;Not
            a statistically significant change&quot; means the difference could well be chance; it does not mean nothing changed.
          </li>
          <li>The summaries describe the figures only. They do not say why a figure changed.</li>
          {/* No rule touches published open data: with nothing else shown, c and r never appear. */}
          {openShown !== 'all' ? <li>c: {suppressionExplanation(policy)}</li> : null}
          {openShown !== 'all' && policy.roundTo > 1 ? (
            <li>
              r: {roundingExplanation(policy)} Rates and tests use the rounded numbers
              {openShown === 'some' ? '; measures from published open data are exact counts' : ''}.
            </li>
          ) : null}
          <li>
            x: not available: no figure in the data for that period, or no population to make a rate of (the reason is given
            beside it). The small charts break at c and x months rather than drop to zero.
          </li>
          <li>Sources: {sources}.</li>
        </ul>
      </section>

      {AUDIENCE_PERMISSIONS[state.audience].publishesBundles && !bundle ? (
        <section aria-labelledby="publish-title" className="briefing__section no-print">
          <h2 id="publish-title">Publish a bundle for partners or the public</h2>
          <PublishBundle />
        </section>
      ) : null}
    </article>
  );
}
