import { kindOf } from '../../indicator-kinds';
import { useId, useMemo } from 'react';
import { allIndicatorIds, type DisclosurePolicy, type Indicator } from '../../contract';
import type { PathwayGranularity } from '../../queries/readers/cohort-pathway';
import { useAreas } from '../../hooks/use-areas';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useCohortCoverage } from '../../hooks/use-cohort-coverage';
import { useCohortNeedHarm } from '../../hooks/use-cohort-need-harm';
import { useCohortPathway } from '../../hooks/use-cohort-pathway';
import { useCohortProfile } from '../../hooks/use-cohort-profile';
import { useCohortPyramid } from '../../hooks/use-cohort-pyramid';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import { useViewState } from '../../url-state/use-view-state';
import { withOption } from '../../url-state/view-options';
import type { CohortSpec } from '../../url-state/view-state';
import { AgeSexPyramid } from './AgeSexPyramid';
import { cohortExportMeta, type ExportMetaFor } from './export-meta';
import { CohortControls, type AreaChoice } from './CohortBuilder';
import { CohortProfileSection } from './CohortProfileSection';
import { CompareTable } from './CompareTable';
import { NeedHarmScatter } from './NeedHarmScatter';
import { PathwayChart } from './PathwayChart';
import { SpineLegend } from './SpineChart';
import { defaultCohortName } from './cohort-name';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import './cohorts.css';
import { useReportShownIndicator } from '../../ui/shown-indicator';
import { NothingLoaded } from '../shell/NothingLoaded';

interface Context {
  indicators: ReadonlyMap<string, Indicator>;
  areaNames: ReadonlyMap<string, string>;
  vruName: string;
  policy: DisclosurePolicy | null;
  exportMeta: ExportMetaFor;
}

/**
 * Shown until the user builds a cohort (never written to the URL): young people aged 15-24 across the VRU area, or
 * people of all ages when no indicator loaded is recorded by age (police.uk), where a cohort of some ages would show
 * nothing but x.
 */
function defaultCohort(vruName: string, byAge: boolean): CohortSpec {
  const ages: CohortSpec['ages'] = byAge ? ['15-17', '18-24'] : ['all'];
  const c = { ages, sex: 'all' as const, area: null };
  return { ...c, name: defaultCohortName(c, null, vruName) };
}

export function CohortsView() {
  const { state } = useViewState();
  const { state: loaded } = useSessionSnapshot();
  const areas = useAreas();
  const policy = useDisclosurePolicy();
  const manifest = loaded.manifest;
  const vruName = manifest?.area.name ?? 'VRU area';
  const districts: AreaChoice[] = useMemo(
    () => (areas.data ?? []).filter((a) => a.level === 'district').map((a) => ({ code: a.code, name: a.name })),
    [areas.data],
  );
  const ctx: Context = useMemo(
    () => ({
      indicators: new Map((manifest?.indicators ?? []).map((i) => [i.id, i])),
      areaNames: new Map((areas.data ?? []).map((a) => [a.code, a.name])),
      vruName,
      policy,
      exportMeta: cohortExportMeta(manifest, state.audience),
    }),
    [manifest, areas.data, vruName, policy, state.audience],
  );
  // The same objects while the cohorts are the same, so a change of indicator, area or month does not draw
  // the profile and pathway again (the URL state is parsed anew on every change).
  const coverage = useCohortCoverage();
  // Until the coverage is read, as if some indicator were recorded by age (it is prefetched after the first chart).
  const byAge = coverage.data?.indicators.some((b) => b.ageBands.length > 0) ?? true;
  const cohortJson = JSON.stringify(state.cohort ?? defaultCohort(vruName, byAge));
  const compareJson = JSON.stringify(state.compare ?? null);
  const cohort = useMemo(() => JSON.parse(cohortJson) as CohortSpec, [cohortJson]);
  const compare = useMemo(() => JSON.parse(compareJson) as CohortSpec | null, [compareJson]);
  const areaName = (code: string | null) =>
    code ? (ctx.areaNames.get(code) ?? code) : `the whole ${vruName.replace(/^the /i, '')}`;

  if (!manifest) {
    return <NothingLoaded titleId="cohorts-title" title="Cohorts" what="data are" />;
  }
  return (
    <section aria-labelledby="cohorts-title" className="cohorts">
      <h1 id="cohorts-title">Cohorts</h1>
      <SyntheticNotice indicatorIds={allIndicatorIds(manifest)} />
      <p className="lede">
        Follow one group of people through universal services (primary prevention), early warning signs (secondary) and harm or
        contact with justice (tertiary), and see how the balance between them moves.
      </p>
      <p className="hint cohorts__scope">
        The cohort sets the ages, sex and area of the profile and the pathway; the Age band and Sex filters above do not apply
        here. The pyramid follows the Indicator and Area filters. Latest month limits the latest full year.
      </p>
      {state.cohort ? null : (
        <p className="notice">
          Showing <strong>{cohort.name}</strong> until you choose a cohort.
        </p>
      )}
      <CohortControls cohort={cohort} compare={compare} areas={districts} vruName={vruName} />

      <ProfileArea cohort={cohort} compare={compare} ctx={ctx} areaName={areaName} />
      <PathwayArea cohort={cohort} compare={compare} ctx={ctx} />
      <PyramidSection ctx={ctx} />
      <NeedHarmSection ctx={ctx} cohortArea={cohort.area} />
    </section>
  );
}

function ProfileArea({
  cohort,
  compare,
  ctx,
  areaName,
}: {
  cohort: CohortSpec;
  compare: CohortSpec | null;
  ctx: Context;
  areaName: (code: string | null) => string;
}) {
  const a = useCohortProfile(cohort);
  const b = useCohortProfile(compare);
  const neutral = [...ctx.indicators.values()].some((i) => i.polarity === 'neutral');
  return (
    <section aria-labelledby="cohort-profile-title" className="cohorts__section">
      <h2 id="cohort-profile-title">Tier profile</h2>
      <p className="hint">
        Each row is an indicator for the cohort. The bar shows where the 14 districts lie for the same ages and sex (suppressed
        districts left out), the line is the VRU area, and the marker is the cohort, shaped by how it compares.
      </p>
      <SpineLegend neutral={neutral} />
      <div className={compare ? 'cohort-columns cohort-columns--two' : 'cohort-columns'}>
        <CohortProfileSection
          cohort={cohort}
          profile={a.data}
          pending={a.isFetching}
          error={a.error}
          indicators={ctx.indicators}
          areaName={areaName(cohort.area)}
          vruName={ctx.vruName}
          policy={ctx.policy}
          exportMeta={ctx.exportMeta}
        />
        {compare ? (
          <CohortProfileSection
            cohort={compare}
            profile={b.data}
            pending={b.isFetching}
            error={b.error}
            indicators={ctx.indicators}
            areaName={areaName(compare.area)}
            vruName={ctx.vruName}
            policy={ctx.policy}
            exportMeta={ctx.exportMeta}
          />
        ) : null}
      </div>
      {compare && a.data && b.data ? (
        <>
          <h3>Side by side</h3>
          <CompareTable
            a={a.data}
            b={b.data}
            nameA={cohort.name}
            nameB={compare.name}
            indicators={ctx.indicators}
            policy={ctx.policy}
          />
        </>
      ) : null}
    </section>
  );
}

function PathwayArea({ cohort, compare, ctx }: { cohort: CohortSpec; compare: CohortSpec | null; ctx: Context }) {
  const { state, update } = useViewState();
  const granularity: PathwayGranularity = state.options.pathway ?? 'year';
  const setGranularity = (g: PathwayGranularity) => update({ options: withOption(state.options, 'pathway', g, 'year') });
  const id = useId();
  const a = useCohortPathway(cohort, granularity);
  const b = useCohortPathway(compare, granularity);
  return (
    <section aria-labelledby="cohort-pathway-title" className="cohorts__section">
      <h2 id="cohort-pathway-title">Pathway over time</h2>
      <fieldset className="inline-choices">
        <legend>Show the pathway by</legend>
        {(['year', 'quarter'] as const).map((g) => (
          <div className="choice" key={g}>
            <input
              id={`${id}-${g}`}
              type="radio"
              name={`${id}-granularity`}
              checked={granularity === g}
              onChange={() => setGranularity(g)}
            />
            <label htmlFor={`${id}-${g}`}>{g === 'year' ? 'Years' : 'Quarters'}</label>
          </div>
        ))}
      </fieldset>
      <div className={compare ? 'cohort-columns cohort-columns--two' : 'cohort-columns'}>
        {/* Keyed by place (cohort, then comparison), so a new cohort updates its chart instead of mounting another. */}
        {[{ spec: cohort, q: a }, ...(compare ? [{ spec: compare, q: b }] : [])].map(({ spec, q }, place) => (
          <div key={place} aria-busy={q.isFetching}>
            {q.error ? (
              <p role="alert" className="notice notice--error">
                The pathway could not be worked out: {q.error.message}
              </p>
            ) : q.data ? (
              <PathwayChart pathway={q.data} cohortName={spec.name} indicators={ctx.indicators} exportMeta={ctx.exportMeta} />
            ) : (
              <p role="status">Working out the pathway for {spec.name}…</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function PyramidSection({ ctx }: { ctx: Context }) {
  const { state, update } = useViewState();
  const coverage = useCohortCoverage();
  const id = useId();
  const banded = (coverage.data?.indicators ?? []).filter((b) => b.ageBands.length > 0 && b.bySex).map((b) => b.indicatorId);
  const choices = [...ctx.indicators.values()].filter((i) => banded.includes(i.id));
  const firstTertiary = choices.find((i) => i.tier === 'tertiary') ?? choices[0] ?? null;
  const chosen = state.indicator ? (ctx.indicators.get(state.indicator) ?? null) : null;
  const indicator = chosen && banded.includes(chosen.id) ? chosen : firstTertiary;
  useReportShownIndicator(indicator?.id ?? null);
  const pyramid = useCohortPyramid(indicator, state.area);
  const nameOf = (code: string | null) =>
    code && code !== coverage.data?.vruCode ? (ctx.areaNames.get(code) ?? code) : ctx.vruName;
  const areaName = nameOf(state.area);
  // While a new choice is worked out the previous pyramid stays, labelled by what it shows.
  const shownPyramid = pyramid.data;
  const shownIndicator = shownPyramid ? (ctx.indicators.get(shownPyramid.indicatorId) ?? null) : null;
  // With no indicator recorded by age and sex (police.uk records neither) there is nothing to work out: saying
  // "Working out the pyramid…" under an empty choice would wait for ever.
  if (coverage.data && choices.length === 0)
    return (
      <section aria-labelledby="cohort-pyramid-title" className="cohorts__section">
        <h2 id="cohort-pyramid-title">Age and sex</h2>
        <p className="notice">No pyramid: none of the loaded indicators is recorded by age band and sex.</p>
      </section>
    );
  return (
    <section aria-labelledby="cohort-pyramid-title" className="cohorts__section">
      <h2 id="cohort-pyramid-title">Age and sex</h2>
      <div className="field">
        <label htmlFor={`${id}-indicator`}>Indicator for the pyramid</label>
        <select
          id={`${id}-indicator`}
          value={indicator?.id ?? ''}
          onChange={(e) => update({ indicator: e.target.value || null })}
        >
          {choices.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </div>
      {chosen && !banded.includes(chosen.id) ? (
        <p className="notice">
          {chosen.title} is recorded for all ages and both sexes together, so it has no pyramid; showing{' '}
          {indicator?.title ?? 'another indicator'} instead.
        </p>
      ) : null}
      <p className="hint">Area: {areaName} (change it with the Area filter above).</p>
      {pyramid.error ? (
        <p role="alert" className="notice notice--error">
          The pyramid could not be worked out: {pyramid.error.message}
        </p>
      ) : shownPyramid && shownIndicator ? (
        <div aria-busy={pyramid.isFetching}>
          {shownPyramid.reason ? (
            <p className="notice">No pyramid: {shownPyramid.reason}.</p>
          ) : (
            <AgeSexPyramid
              pyramid={shownPyramid}
              indicator={shownIndicator}
              areaName={nameOf(shownPyramid.areaCode)}
              policy={ctx.policy}
              exportMeta={ctx.exportMeta}
            />
          )}
        </div>
      ) : (
        <p role="status">Working out the pyramid…</p>
      )}
    </section>
  );
}

function NeedHarmSection({ ctx, cohortArea }: { ctx: Context; cohortArea: string | null }) {
  const id = useId();
  const { state, update } = useViewState();
  const all = [...ctx.indicators.values()];
  const needs = all.filter((i) => i.tier === 'primary' && kindOf(i).hasRate);
  const harms = all.filter((i) => i.tier === 'tertiary' && kindOf(i).hasRate);
  const preferred =
    needs.find((i) => /deprivation|deprived/i.test(`${i.id} ${i.title}`)) ??
    needs.find((i) => /absence/i.test(i.id)) ??
    needs[0] ??
    null;
  const needId = state.options.need ?? null;
  const harmId = state.options.harm ?? null;
  const setNeedId = (id: string | null) => update({ options: withOption(state.options, 'need', id ?? undefined, undefined) });
  const setHarmId = (id: string | null) => update({ options: withOption(state.options, 'harm', id ?? undefined, undefined) });
  const need = (needId ? ctx.indicators.get(needId) : null) ?? preferred;
  const harm = (harmId ? ctx.indicators.get(harmId) : null) ?? harms[0] ?? null;
  const q = useCohortNeedHarm(need, harm);
  const shownNeed = q.data ? (ctx.indicators.get(q.data.needId) ?? null) : null;
  const shownHarm = q.data ? (ctx.indicators.get(q.data.harmId) ?? null) : null;
  const intro = (
    <p className="hint">
      Districts placed by a universal (primary) risk indicator against a harm (tertiary) rate, so partners can see where
      prevention need and harm diverge. Both are for all ages and both sexes, so fewer figures are hidden.
    </p>
  );
  // Counts alone would compare districts of different sizes: without a rate on either side there is no chart, and
  // the section says which side is missing rather than working out for ever.
  const missing = [
    ...(needs.length === 0 ? ['universal (primary) indicator'] : []),
    ...(harms.length === 0 ? ['harm (tertiary) indicator'] : []),
  ];
  if (missing.length > 0)
    return (
      <section aria-labelledby="cohort-need-harm-title" className="cohorts__section">
        <h2 id="cohort-need-harm-title">Need and harm</h2>
        {intro}
        <p className="notice">
          Not shown: the loaded data have no {missing.join(' and no ')} with a rate (counts alone would compare districts of
          different sizes).
        </p>
      </section>
    );
  return (
    <section aria-labelledby="cohort-need-harm-title" className="cohorts__section">
      <h2 id="cohort-need-harm-title">Need and harm</h2>
      {intro}
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-need`}>Risk indicator (primary prevention)</label>
          <select id={`${id}-need`} value={need?.id ?? ''} onChange={(e) => setNeedId(e.target.value)}>
            {needs.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-harm`}>Harm rate (tertiary prevention)</label>
          <select id={`${id}-harm`} value={harm?.id ?? ''} onChange={(e) => setHarmId(e.target.value)}>
            {harms.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {q.error ? (
        <p role="alert" className="notice notice--error">
          Need and harm could not be worked out: {q.error.message}
        </p>
      ) : q.data && shownNeed && shownHarm ? (
        <div aria-busy={q.isFetching}>
          <NeedHarmScatter
            data={q.data}
            need={shownNeed}
            harm={shownHarm}
            areaNames={ctx.areaNames}
            cohortArea={cohortArea}
            policy={ctx.policy}
            exportMeta={ctx.exportMeta}
          />
        </div>
      ) : (
        <p role="status">Working out need and harm…</p>
      )}
    </section>
  );
}
