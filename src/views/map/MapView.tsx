import { kindOf } from '../../indicator-kinds';
import { Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { type GeographyLevel, rulesFor, SEX_WORDS } from '../../contract';
import { roundingExplanation, suppressionExplanation } from '../../disclosure/suppression-text';
import { matchBoundary, unionBox } from '../../geo/boundary-join';
import { cartogramLayout } from '../../geo/tile-grid';
import { useAreas } from '../../hooks/use-areas';
import { useMapBaseTiles } from '../../hooks/use-map-base-tiles';
import { useMapBoundary } from '../../hooks/use-map-boundary';
import { useMapFigures, useMapIndicatorLevels } from '../../hooks/use-map-figures';
import { useBenchmarkValues } from '../../hooks/use-benchmark-comparison';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import { BENCHMARK_METHOD } from '../../stats';
import { useSessionSnapshot } from '../../hooks/session-context';
import type { AreaFigure, MapFiguresParams } from '../../queries/map-figures';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { downloadFile } from '../../ui/download-file';
import { markOnce } from '../../ui/performance-marks';
import { useViewState } from '../../url-state/use-view-state';
import { withOption } from '../../url-state/view-options';
import { BoundaryProblems } from './DataProblems';
import { BaseMapSettings, MapControls, type LevelOption } from './MapControls';
import { mapCsv } from './map-csv';
import { MapLegend } from './MapLegend';
import {
  averageMonthNote,
  averageMonthUnit,
  buildMapModel,
  defaultIndicator,
  findingTitle,
  levelNoun,
  loadedBenchmarkFigure,
  periodText,
  type MapStyleOptions,
} from './map-model';
import { MapPatterns } from './MapPatterns';
import { MapTable } from './MapTable';
import { TileGridCartogram } from './TileGridCartogram';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import { preloadable } from '../../ui/preloadable';
import { useReportShownIndicator } from '../../ui/shown-indicator';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import './map.css';

// Leaflet arrives only when there are boundaries to draw: the cartogram needs none of it.
const choroplethMap = preloadable(() => import('./ChoroplethMap').then((m) => m.default));
const ChoroplethMap = choroplethMap.Component;
/** Loads the map's drawing (Leaflet) ahead of need: the session holds boundaries, or they are being fetched. */
export const preloadMapDrawing = choroplethMap.preload;

const SMALL_LEVELS = new Set<GeographyLevel>(['lsoa', 'msoa', 'ward']);
const AGE_LABEL = (age: string) => (age === 'all' ? 'all ages' : `aged ${age}`);

const MAP_DEFAULTS: MapStyleOptions = {
  measure: 'rate',
  method: 'quantile',
  palette: 'sequential',
  classes: 5,
  fixedBreaks: [],
};

/**
 * The Map view. Figures: the protected cell of the latest full calendar year for the indicator, or of the
 * month chosen under "Latest month"; rates per the indicator's multiplier with population_cube, compared
 * with the whole VRU area by their 95% limits. Drawn on the user's boundaries with Leaflet, or as a
 * tile-grid cartogram when no boundaries are loaded; always beside a table with the same numbers.
 */
export function MapView() {
  const { state: loaded } = useSessionSnapshot();
  const { state, update } = useViewState();
  const policy = useDisclosurePolicy();
  const areas = useAreas();
  const indicatorLevels = useMapIndicatorLevels();
  // No download while the figures are being worked out for a new choice: a file must match its labels.
  const figuresCurrent = useFiguresCurrent();
  const manifest = loaded.manifest;

  const levels: LevelOption[] = useMemo(() => {
    const present = new Set((areas.data ?? []).map((a) => a.level));
    return (manifest?.geographies ?? [])
      .filter((g) => g.level !== 'vru' && present.has(g.level))
      .map((g) => ({ level: g.level, title: g.title }));
  }, [manifest, areas.data]);
  const level: GeographyLevel = levels.some((l) => l.level === state.level) ? state.level : (levels[0]?.level ?? 'district');
  const small = SMALL_LEVELS.has(level);

  const byLevel = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const r of indicatorLevels.data ?? []) {
      const set = m.get(r.level) ?? new Set<string>();
      set.add(r.indicatorId);
      m.set(r.level, set);
    }
    return m;
  }, [indicatorLevels.data]);
  const here = useMemo(() => byLevel.get(level) ?? new Set<string>(), [byLevel, level]);
  const shownShare = useMemo(
    () =>
      new Map(
        (indicatorLevels.data ?? [])
          .filter((r) => r.level === level)
          .map((r) => [r.indicatorId, r.yearCells > 0 ? r.shownYearCells / r.yearCells : 0]),
      ),
    [indicatorLevels.data, level],
  );
  const indicators = useMemo(() => manifest?.indicators ?? [], [manifest]);
  const indicator = indicators.find((i) => i.id === state.indicator) ?? defaultIndicator(indicators, shownShare);
  useReportShownIndicator(indicator?.id ?? null);
  const hasFigures = indicator ? here.has(indicator.id) : false;
  const hasRate = useMemo(() => (indicator ? kindOf(indicator).hasRate : false), [indicator]);

  // The drawing options live in the link (view-options.ts), so a shared map is drawn the same way.
  const o = state.options;
  const options = useMemo<MapStyleOptions>(
    () => ({
      measure: o.measure ?? MAP_DEFAULTS.measure,
      method: o.method ?? MAP_DEFAULTS.method,
      palette: o.palette ?? MAP_DEFAULTS.palette,
      classes: o.classes ?? MAP_DEFAULTS.classes,
      fixedBreaks: o.breaks ?? MAP_DEFAULTS.fixedBreaks,
    }),
    [o.measure, o.method, o.palette, o.classes, o.breaks],
  );
  const setOptions = useCallback(
    (next: MapStyleOptions) => {
      let opts = state.options;
      opts = withOption(opts, 'measure', next.measure, MAP_DEFAULTS.measure);
      opts = withOption(opts, 'method', next.method, MAP_DEFAULTS.method);
      opts = withOption(opts, 'palette', next.palette, MAP_DEFAULTS.palette);
      opts = withOption(opts, 'classes', next.classes, MAP_DEFAULTS.classes);
      opts = withOption(opts, 'breaks', next.fixedBreaks, MAP_DEFAULTS.fixedBreaks);
      update({ options: opts });
    },
    [state.options, update],
  );
  const effective = useMemo<MapStyleOptions>(() => (hasRate ? options : { ...options, measure: 'count' }), [hasRate, options]);
  const [tiles, setTiles] = useMapBaseTiles();
  const [resetZoom, setResetZoom] = useState(0);

  // A loaded benchmark (England, a region) chosen to compare areas with, instead of the whole VRU area.
  const benchValues = useBenchmarkValues(indicator && hasRate ? indicator.id : null);
  const benchNames = useMemo(() => [...new Set((benchValues.data ?? []).map((v) => v.benchmark))], [benchValues.data]);
  const chosenBench = o.bench && benchNames.includes(o.bench) ? o.bench : null;
  const chosenValues = useMemo(
    () =>
      chosenBench
        ? (benchValues.data ?? []).filter((v) => v.benchmark === chosenBench).map((v) => ({ period: v.period, value: v.value }))
        : undefined,
    [chosenBench, benchValues.data],
  );

  const params: MapFiguresParams | null =
    indicator && policy && hasFigures
      ? {
          indicatorId: indicator.id,
          level,
          month: state.period,
          age: small ? 'all' : state.age,
          sex: small ? 'all' : state.sex,
          statistic: indicator.statistic,
          denominatorSource: indicator.denominatorSource,
          multiplier: indicator.multiplier,
          polarity: indicator.polarity,
          lowCountBelow: policy.lowCountBelow,
          ...(chosenValues ? { benchmarkValues: chosenValues } : {}),
          counted: indicator.counted,
        }
      : null;
  const figures = useMapFigures(params);
  const boundary = useMapBoundary(level);
  const hasBoundary = boundary.status !== 'none';
  useEffect(() => {
    // While boundaries are fetched, so the map draws as soon as they are in.
    if (hasBoundary) void preloadMapDrawing().catch(() => undefined);
  }, [hasBoundary]);
  const queried = figures.data ?? null;
  const data = useMemo(
    () =>
      queried && chosenBench
        ? { ...queried, benchmark: loadedBenchmarkFigure(chosenBench, queried.period, benchValues.data ?? []) }
        : queried,
    [queried, chosenBench, benchValues.data],
  );
  // The table of 941 rows follows a moment later, so the map recolours first after a filter change.
  const tableData = useDeferredValue(data);

  const benchmarkName = chosenBench
    ? (data?.benchmark?.name ?? chosenBench)
    : `the ${(data?.benchmark?.name ?? manifest?.area.name ?? 'whole area').replace(/^the /i, '')}`;
  // People counted each month are mapped as the average month: every count names that, in people.
  const countUnit = indicator ? averageMonthUnit(indicator.unit, data?.countAveragedOver ?? null) : '';
  const ctx = useMemo(
    () =>
      indicator && policy
        ? {
            indicator: { ...indicator, unit: countUnit },
            benchmarkName,
            benchmark: data?.benchmark ?? null,
            lowCountBelow: policy.lowCountBelow,
          }
        : null,
    [indicator, countUnit, policy, benchmarkName, data],
  );
  const model = useMemo(() => (data && ctx ? buildMapModel(data, effective, ctx) : null), [data, ctx, effective]);

  const districtNames = useMemo(
    () => new Map((areas.data ?? []).filter((a) => a.level === 'district').map((a) => [a.code, a.name])),
    [areas.data],
  );
  // ONS names of small areas start with their district's ("Preston 013A"); then a District column adds nothing.
  const namesCarryDistrict = useMemo(
    () => (data?.areas ?? []).every((a) => a.name.startsWith(districtNames.get(a.districtCode ?? '') ?? '\u0000')),
    [data, districtNames],
  );
  const joined = boundary.status === 'ready' ? boundary.joined : null;
  const layout = useMemo(
    () => (data && !joined ? cartogramLayout(data.areas, districtNames) : null),
    [data, districtNames, joined],
  );
  const match = useMemo(
    () =>
      joined && data
        ? matchBoundary(
            joined,
            data.areas.map((a) => ({ code: a.code, name: a.name, hasFigure: a.countFlag !== 'x' })),
          )
        : null,
    [joined, data],
  );
  const zoomBox = useMemo(() => {
    if (!joined || !data || !state.area) return null;
    const districtOf = new Map(data.areas.map((a) => [a.code, a.districtCode]));
    const target = level === 'district' ? state.area : (districtOf.get(state.area) ?? state.area);
    return unionBox(joined.shapes.filter((s) => s.code === target || districtOf.get(s.code) === target).map((s) => s.box));
  }, [joined, data, state.area, level]);

  const onSelect = useCallback((code: string) => update({ area: code === state.area ? null : code }), [update, state.area]);
  const showCartogram = boundary.status !== 'ready';
  useEffect(() => {
    if (showCartogram && model) markOnce('view-ready:map');
  }, [showCartogram, model]);

  if (!manifest) {
    return (
      <section aria-labelledby="map-title">
        <h1 id="map-title">Map</h1>
        <p className="notice">Load a manifest, extracts and an areas lookup in Load data to see a map.</p>
      </section>
    );
  }

  const nounPlural = levelNoun(level);
  const when = periodText(data?.period ?? null);
  const breakdown = `${AGE_LABEL(small ? 'all' : state.age)}, ${SEX_WORDS[small ? 'all' : state.sex].plural}`;
  const measureWord =
    effective.measure === 'count' ? 'count' : effective.measure === 'rate' ? 'rate' : `rate compared with ${benchmarkName}`;
  const finding = data && ctx ? findingTitle(data, effective.measure, { ...ctx, level }) : null;
  const mapLabel = indicator ? `${indicator.title} by ${levelNoun(level, false)}, ${when}` : 'Map';
  const suppressedReason = policy ? suppressionExplanation(policy) : '';
  const roundedReason = policy ? roundingExplanation(policy) : '';

  const download = () => {
    if (!data || !indicator) return;
    const csv = mapCsv(data, {
      manifest,
      indicator,
      level,
      small,
      age: state.age,
      sex: state.sex,
      audience: state.audience,
      hasRate,
      benchmarkName,
      when,
      breakdown,
      comparedWithBenchmark: Boolean(chosenBench),
    });
    downloadFile(`map-${indicator.id}-${level}-${data.period?.period ?? 'none'}-${state.audience}.csv`, csv);
  };

  return (
    <section aria-labelledby="map-title" className="map-view">
      <MapPatterns />
      <h1 id="map-title">Map</h1>
      {indicator ? <SyntheticNotice indicatorIds={[indicator.id]} /> : null}
      <MapControls
        levels={levels}
        level={level}
        onLevel={(l) => update({ level: l })}
        options={effective}
        onOptions={setOptions}
        hasRate={hasRate}
        benchmarkName={benchmarkName}
      />
      {hasRate && benchNames.length > 0 ? (
        <div className="field map-benchmark">
          <label htmlFor="map-benchmark">Compare areas with</label>
          <select
            id="map-benchmark"
            value={chosenBench ?? ''}
            onChange={(e) => update({ options: withOption(state.options, 'bench', e.target.value || undefined, undefined) })}
          >
            <option value="">{manifest.area.name} (the whole VRU area)</option>
            {benchNames.map((n) => (
              <option key={n} value={n}>
                {n} (loaded benchmark)
              </option>
            ))}
          </select>
          <p className="hint">{BENCHMARK_METHOD}</p>
        </div>
      ) : null}
      {small && (state.age !== 'all' || state.sex !== 'all') ? (
        <div className="notice notice--warning map-notice" role="status">
          <p>
            {levelNoun(level, false)} figures are published for all ages and persons only (smaller breakdowns would nearly all be
            suppressed), so this map shows all ages and persons, not {AGE_LABEL(state.age)}, {SEX_WORDS[state.sex].plural}.
          </p>
          <p>
            <button type="button" className="button" onClick={() => update({ age: 'all', sex: 'all' })}>
              Set the filters to all ages and persons
            </button>{' '}
            <button type="button" className="button" onClick={() => update({ level: 'district' })}>
              Show districts instead ({AGE_LABEL(state.age)}, {SEX_WORDS[state.sex].plural})
            </button>
          </p>
        </div>
      ) : null}
      {indicator && indicatorLevels.isSuccess && !hasFigures ? (
        <div className="notice notice--warning map-notice" role="status">
          <p>
            {indicator.title} has no figures by {levelNoun(level, false)}.{' '}
            {[...byLevel].filter(([l, set]) => l !== 'vru' && set.has(indicator.id)).length ? 'It is available by: ' : ''}
            {[...byLevel]
              .filter(([l, set]) => l !== 'vru' && set.has(indicator.id) && levels.some((x) => x.level === l))
              .map(([l]) => (
                <button key={l} type="button" className="link-button" onClick={() => update({ level: l as GeographyLevel })}>
                  {levelNoun(l)}
                </button>
              ))}
          </p>
          {here.size ? (
            <p>
              Indicators with figures by {levelNoun(level, false)}:{' '}
              {indicators
                .filter((i) => here.has(i.id))
                .map((i) => (
                  <button
                    key={i.id}
                    type="button"
                    className="link-button map-notice__choice"
                    onClick={() => update({ indicator: i.id })}
                  >
                    {i.title}
                  </button>
                ))}
            </p>
          ) : null}
        </div>
      ) : null}

      {indicator && data && model && ctx ? (
        <>
          <div className="map-layout">
            <div className="map-figure">
              <h2 className="map-finding" id="map-finding">
                {finding}
              </h2>
              <p className="map-subtitle">
                {indicator.title}: {measureWord}
                {effective.measure !== 'count' ? ` (${indicator.rateLabel})` : ''}, by {levelNoun(level, false)}, {when},{' '}
                {breakdown}. {rulesFor(manifest, state.audience, [indicator.id])}.
              </p>
              {showCartogram && layout ? (
                <TileGridCartogram
                  layout={layout}
                  styles={model.byCode}
                  selected={state.area}
                  onSelect={onSelect}
                  label={`${mapLabel}: tile-grid cartogram, one square per ${levelNoun(level, false)}. Press Enter to select an area.`}
                />
              ) : joined && boundary.status === 'ready' ? (
                // Shapes that slip past the import's checks cannot take the view down: the table below still shows.
                <ErrorBoundary what="The map drawing" resetKey={`${level}|${boundary.layer.file}`}>
                  <Suspense fallback={<p role="status">Loading the map…</p>}>
                    <ChoroplethMap
                      joined={joined}
                      styles={model.byCode}
                      selected={state.area}
                      onSelect={onSelect}
                      zoomBox={zoomBox}
                      resetZoom={resetZoom}
                      attribution={
                        boundary.layer.attribution ??
                        `Boundaries: ${boundary.layer.file} (loaded by you; the manifest gives no attribution for it)`
                      }
                      tiles={tiles}
                      label={mapLabel}
                    />
                    <p className="map-actions">
                      <button type="button" className="button" onClick={() => setResetZoom((n) => n + 1)}>
                        Zoom out to the whole area
                      </button>
                      {state.area ? (
                        <button type="button" className="button" onClick={() => update({ area: null })}>
                          Clear the selected area
                        </button>
                      ) : null}
                    </p>
                  </Suspense>
                </ErrorBoundary>
              ) : null}
              <MapLegend model={model} levelNoun={nounPlural} />
              <div className="map-notes">
                <p>
                  {small
                    ? `Figures for the calendar year ${when}${state.period ? ', which holds the month chosen under “Latest month”' : ', the latest year loaded'}: ${nounPlural} are published for calendar years only, because most of their months would be too small to show safely. Districts can be mapped by month.`
                    : data.period?.type === 'month'
                      ? `Figures for ${when}, the month chosen under “Latest month”. Clear that filter to see the latest full calendar year.`
                      : data.period?.type === 'quarter'
                        ? `Figures for the quarter ${when}, which holds the month chosen under “Latest month”: months are published by age band or sex for the whole VRU area only, because for one ${levelNoun(level, false)} most would be too small to show safely.`
                        : data.period && data.period.months < 12
                          ? `Figures for ${when}: no calendar year has all twelve months loaded, so the latest part year is shown. Choose a month under “Latest month” to map one month.`
                          : `Figures for the calendar year ${when}, the latest full year loaded. Choose a month under “Latest month” to map one month.`}
                </p>
                {hasRate && data.benchmark && (data.benchmark.rateFlag === 'c' || data.benchmark.rateFlag === 'x') ? (
                  <p>
                    The figure for {benchmarkName} is{' '}
                    {data.benchmark.rateFlag === 'c'
                      ? 'hidden to protect privacy (c)'
                      : `not available (x)${data.benchmark.rateReason ? `: ${data.benchmark.rateReason}` : ''}`}{' '}
                    for this period, so no area can be compared with it.
                    {data.benchmark.rateFlag === 'c' ? ' Try the latest full year.' : ''}
                  </p>
                ) : null}
                {data.ageBands ? (
                  <p>
                    Rates for all ages are per head of the population aged {data.ageBands.join(', ')}: the ages this indicator
                    covers.
                  </p>
                ) : null}
                {data.countAveragedOver !== null ? <p>{averageMonthNote(indicator.unit, data.countAveragedOver)}</p> : null}
                {data.populationYear !== null ? (
                  <p>
                    Rates use {data.populationYear} population estimates, the nearest year loaded: there is no population figure
                    for {data.period?.period.slice(0, 4)}.
                  </p>
                ) : null}
                {hasRate ? <NoRateNote areas={data.areas} noun={nounPlural} /> : null}
                {showCartogram ? (
                  <p>
                    {boundary.status === 'loading'
                      ? `Fetching boundaries from ${new URL(boundary.url).host}… `
                      : boundary.status === 'error'
                        ? `${boundary.message} `
                        : boundary.declared
                          ? `The manifest names ${boundary.declared} for the ${levelNoun(level, false)} boundaries, but it is not loaded. `
                          : `No boundary file is loaded for ${nounPlural}. `}
                    {layout?.arrangement === 'districts-in-place'
                      ? 'Each district is drawn as an equal square, roughly where it lies (a tile-grid cartogram). '
                      : layout?.arrangement === 'grouped-by-district'
                        ? `Each ${levelNoun(level, false)} is a small square, grouped inside its district, with districts roughly where they lie. `
                        : `Each ${levelNoun(level, false)} is an equal square, in alphabetical order. `}
                    To draw real boundaries, load a GeoJSON or TopoJSON file for this level in Load data.
                  </p>
                ) : boundary.status === 'ready' ? (
                  <p>
                    Boundaries from {boundary.origin === 'url' ? new URL(boundary.layer.file).host : boundary.layer.file}.{' '}
                    {joined && joined.shapes.length > 40
                      ? 'With this many areas the shapes are not in the keyboard order: use the table to read and select them.'
                      : 'Tab to an area to hear its figures; press Enter to select it.'}{' '}
                    Places show where events were recorded, not where the people involved live.
                  </p>
                ) : null}
              </div>
              <BaseMapSettings tiles={tiles} onChange={setTiles} />
            </div>
            <div className="map-side">
              <MapTable
                areas={(tableData ?? data).areas}
                benchmark={(tableData ?? data).benchmark}
                benchmarkName={benchmarkName}
                caption={`${indicator.shortTitle ?? indicator.title} by ${levelNoun(level, false)}, ${when}, ${breakdown}`}
                levelLabel={levels.find((l) => l.level === level)?.title.replace(/\s*\(.*\)$/, '') ?? 'Area'}
                districtNames={small && !namesCarryDistrict ? districtNames : null}
                showRate={hasRate}
                countLabel={data.countAveragedOver !== null ? 'Average month' : 'Count'}
                rateLabel={indicator.rateLabel}
                polarity={indicator.polarity}
                selected={state.area}
                onSelect={onSelect}
                suppressedReason={suppressedReason}
                roundedReason={roundedReason}
                lowCountBelow={policy?.lowCountBelow ?? 0}
              />
              <button type="button" className="button" onClick={download} disabled={!figuresCurrent}>
                Download this table (CSV)
              </button>
            </div>
          </div>
          {match && boundary.status === 'ready' ? (
            <BoundaryProblems
              match={match}
              blankCodes={joined?.blankCodes ?? 0}
              levelNoun={nounPlural}
              file={boundary.layer.file}
            />
          ) : null}
        </>
      ) : figures.isError ? (
        <p className="notice notice--error" role="alert">
          The map&rsquo;s figures could not be read: {(figures.error as Error).message}
        </p>
      ) : hasFigures || !indicatorLevels.isSuccess ? (
        <p role="status">Loading the map&rsquo;s figures…</p>
      ) : null}
    </section>
  );
}

/** How many areas have a count but no rate, and why (the first reason, e.g. a population with a part missing). */
function NoRateNote({ areas, noun }: { areas: readonly AreaFigure[]; noun: string }) {
  const without = areas.filter((a) => a.rateFlag === 'x' && a.countFlag !== 'x' && a.rateReason !== null);
  const first = without[0];
  if (!first) return null;
  return (
    <p>
      {without.length} of {areas.length} {noun} have a count but no rate (x): {first.rateReason}
      {without.length > 1 ? ', and similarly for the others' : ''}.
    </p>
  );
}
