import { kindNamed } from '../../indicator-kinds';
import { useEffect, useId, memo } from 'react';
import { SEX_WORDS, TIER_LABELS, TIERS, type DisclosurePolicy, type Indicator } from '../../contract';
import type { CohortProfile, ProfileRow } from '../../queries/readers/cohort-profile';
import { suppressionExplanation } from '../../disclosure/suppression-text';
import { markOnce } from '../../ui/performance-marks';
import type { CohortSpec } from '../../url-state/view-state';
import type { ExportMetaFor } from './export-meta';
import { CohortCsvButton, ProfileTable } from './ProfileTable';
import { SpineChart } from './SpineChart';
import { formatMonth } from '../../ui/format';
import { useViewState } from '../../url-state/use-view-state';
import { OUTCOME_TEXT, populationYearNote, WIDEN_MESSAGE } from './cohort-format';
import { capitalised, describeAges } from './cohort-name';
import { SymbolLegend } from '../../ui/SymbolLegend';

/**
 * How many of the cohort's figures could be shown. `noneShown` when every rate and proportion recorded for it is
 * hidden (a shown count of zero does not make it showable). Not called "too small": a hidden cohort figure may be
 * large and include a hidden band, and the rules do not say which hidden figures are small.
 */
export function smallCohortState(rows: readonly ProfileRow[]): { recorded: number; hidden: number; noneShown: boolean } {
  const recorded = rows.filter((r) => r.figure.flag !== 'x' && r.figure.flag !== 'z').length;
  const hidden = rows.filter((r) => r.figure.flag === 'c').length;
  const shownRates = rows.filter(
    (r) => kindNamed(r.statistic).hasRate && r.figure.flag !== 'x' && r.figure.flag !== 'z' && r.figure.flag !== 'c',
  ).length;
  return { recorded, hidden, noneShown: recorded > 0 && hidden > 0 && shownRates === 0 };
}

/** A title that states the finding: how the cohort compares with the VRU area. */
export function profileTitle(profile: CohortProfile, cohortName: string, vruName: string): string {
  if (profile.areaCode === profile.vruCode) return `${cohortName}: the whole VRU area, against the range of its districts`;
  const n = (o: string) => profile.rows.filter((r) => r.comparison === o).length;
  const compared = profile.rows.filter((r) => r.comparison !== 'not-compared').length;
  if (compared === 0) return `${cohortName}: no indicator could be compared with the ${vruName}`;
  const parts = (['worse', 'better', 'similar', 'higher', 'lower'] as const)
    .filter((o) => n(o) > 0)
    .map((o) => `${n(o)} ${OUTCOME_TEXT[o].toLowerCase()}`);
  return `${cohortName} against the ${vruName}: ${parts.join(', ')}, of ${compared} indicators compared`;
}

export function SmallCohortNotice({
  rows,
  policy,
}: {
  rows: readonly ProfileRow[];
  policy: Pick<DisclosurePolicy, 'suppressBelowOrEqual'> | null;
}) {
  const { recorded, hidden, noneShown } = smallCohortState(rows);
  if (hidden === 0) return null;
  const widen = WIDEN_MESSAGE.charAt(0).toUpperCase() + WIDEN_MESSAGE.slice(1);
  return (
    <div className={`notice ${noneShown ? 'notice--warning' : ''}`} role={noneShown ? 'status' : undefined}>
      {noneShown ? (
        <p>
          <strong>No rate can be shown for this cohort.</strong>{' '}
          {hidden === recorded
            ? `Every one of its ${recorded} figures is`
            : `${hidden} of its ${recorded} figures, and every rate, are`}{' '}
          hidden to protect privacy (c), or cannot be shown because they include hidden figures. {widen}.
        </p>
      ) : (
        <p>
          {hidden} of {recorded} figures are hidden to protect privacy (shown as c). {widen}.
        </p>
      )}
      {policy ? <p className="hint">{suppressionExplanation(policy)}</p> : null}
    </div>
  );
}

/** One cohort's tier profile: spine charts by tier, the table behind them, and a CSV. */
export const CohortProfileSection = memo(function CohortProfileSection({
  cohort,
  profile,
  pending,
  error,
  indicators,
  areaName,
  vruName,
  policy,
  exportMeta,
}: {
  cohort: CohortSpec;
  profile: CohortProfile | undefined;
  pending: boolean;
  error: Error | null;
  indicators: ReadonlyMap<string, Indicator>;
  areaName: string;
  vruName: string;
  policy: DisclosurePolicy | null;
  exportMeta: ExportMetaFor;
}) {
  const id = useId();
  useEffect(() => {
    if (profile && profile.rows.length > 0) markOnce('view-ready:cohorts');
  }, [profile]);
  const years = [...new Set((profile?.rows ?? []).map((r) => r.year).filter((y): y is string => y !== null))].sort();
  const mainYear = years.at(-1);
  const otherYears = (profile?.rows ?? []).filter((r) => r.year !== null && r.year !== mainYear);
  const hasBenchmark = profile ? profile.areaCode !== profile.vruCode : false;
  const populationNote = populationYearNote(
    (profile?.rows ?? []).flatMap((r) => [r.figure, ...(r.benchmark ? [r.benchmark] : []), ...r.districts.map((d) => d.figure)]),
  );
  // The latest full year up to the month chosen, when one is: then "loaded" would not be true.
  const { state } = useViewState();
  const upTo = state.period ? `to ${formatMonth(state.period)}` : 'loaded';
  return (
    <section className="cohort-profile" aria-labelledby={`${id}-title`} aria-busy={pending}>
      <h3 id={`${id}-title`} className="cohort-profile__title">
        {profile ? profileTitle(profile, cohort.name, vruName) : cohort.name}
      </h3>
      <p className="hint cohort-profile__who">
        {capitalised(SEX_WORDS[cohort.sex].plural)}, {describeAges(cohort.ages)}, in {areaName}.{' '}
        {mainYear ? `Calendar year ${mainYear}, the latest full year ${upTo}` : ''}
        {otherYears.length
          ? ` (${otherYears.map((r) => `${indicators.get(r.indicatorId)?.shortTitle ?? r.indicatorId}: ${r.year}, its latest full year ${upTo}`).join('; ')})`
          : ''}
        {mainYear ? '.' : ''}
        {hasBenchmark ? ` Compared with the same ages and sex in the ${vruName}, by 95% confidence limits.` : ''}
        {populationNote ? ` ${populationNote}` : ''}
      </p>
      {error ? (
        <p role="alert" className="notice notice--error">
          The profile could not be worked out: {error.message}
        </p>
      ) : null}
      {!profile ? (
        <p role="status">Working out the profile…</p>
      ) : (
        <>
          <SmallCohortNotice rows={profile.rows} policy={policy} />
          {TIERS.map((tier) => {
            const rows = profile.rows.filter((r) => r.tier === tier);
            if (rows.length === 0) return null;
            return (
              <div className="cohort-tier" key={tier}>
                <h4 className="cohort-tier__title">{TIER_LABELS[tier]}</h4>
                <SpineChart
                  tier={tier}
                  rows={rows}
                  indicators={indicators}
                  cohortName={cohort.name}
                  hasBenchmark={hasBenchmark}
                />
              </div>
            );
          })}
          <SymbolLegend symbols={(['c', 'x', 'z'] as const).filter((sym) => profile.rows.some((r) => r.figure.flag === sym))} />
          <details className="chart-table">
            <summary>Table of figures for {cohort.name}</summary>
            <ProfileTable
              profile={profile}
              indicators={indicators}
              cohortName={cohort.name}
              vruName={vruName}
              policy={policy}
              captionId={`${id}-caption`}
            />
          </details>
          <CohortCsvButton profile={profile} indicators={indicators} cohortName={cohort.name} exportMeta={exportMeta} />
        </>
      )}
    </section>
  );
});
