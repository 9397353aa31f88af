import { kindOf } from '../../indicator-kinds';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { type GeographyLevel, breakdownWords, rulesFor } from '../../contract';
import { roundingExplanation, suppressionExplanation } from '../../disclosure/suppression-text';
import { matchBoundary, unionBox } from '../../geo/boundary-join';
import { cartogramLayout } from '../../geo/tile-grid';
import { useAreas } from '../../hooks/use-areas';
import { useMapBaseTiles } from '../../hooks/use-map-base-tiles';
import { useMapBoundary } from '../../hooks/use-map-boundary';
import { useMapFigures, useMapIndicatorLevels } from '../../hooks/use-map-figures';
import { useBenchmarkValues } from '../../hooks/use-benchmark-comparison';
import { useDisclosurePolicy } from '../../hooks/use-disclosure-policy';
import { useSessionSnapshot } from '../../hooks/session-context';
import type { MapFiguresParams } from '../../queries/figures/map-area-figures';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { downloadFile } from '../../ui/download-file';
import { markOnce } from '../../ui/performance-marks';
import { useViewState } from '../../url-state/use-view-state';
import { withOption } from '../../url-state/view-options';
import { preloadMapDrawing } from './choropleth-loader';
import type { LevelOption } from './MapControls';
import { mapCsv } from './map-csv';
import {
  averageMonthUnit,
  buildMapModel,
  defaultIndicator,
  findingTitle,
  levelNoun,
  loadedBenchmarkFigure,
  periodText,
  type MapStyleOptions,
} from './map-model';
import { useReportShownIndicator } from '../../ui/shown-indicator';

const SMALL_LEVELS = new Set<GeographyLevel>(['lsoa', 'msoa', 'ward']);

const MAP_DEFAULTS: MapStyleOptions = {
  measure: 'rate',
  method: 'quantile',
  palette: 'sequential',
  classes: 5,
  fixedBreaks: [],
};

/**
 * Everything the Map view shows, worked out from the view state, the session and the map's hooks: the level and
 * indicator actually shown, the drawing options, the figures and their model, the cartogram or boundary match,
 * and the words and download that go with them. MapView only lays these out.
 */
export function useMapView() {
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

  const nounPlural = levelNoun(level);
  const when = periodText(data?.period ?? null);
  const breakdown = breakdownWords(small ? 'all' : state.age, small ? 'all' : state.sex);
  const measureWord =
    effective.measure === 'count' ? 'count' : effective.measure === 'rate' ? 'rate' : `rate compared with ${benchmarkName}`;
  const finding = data && ctx ? findingTitle(data, effective.measure, { ...ctx, level }) : null;
  const mapLabel = indicator ? `${indicator.title} by ${levelNoun(level, false)}, ${when}` : 'Map';
  const suppressedReason = policy ? suppressionExplanation(policy) : '';
  const roundedReason = policy ? roundingExplanation(policy) : '';
  // Named under the map and in its CSV.
  const rules = rulesFor(manifest, state.audience, indicator ? [indicator.id] : []);

  const download = () => {
    if (!data || !indicator || !manifest) return;
    const csv = mapCsv(data, {
      manifest,
      indicator,
      level,
      small,
      age: state.age,
      sex: state.sex,
      rules,
      hasRate,
      benchmarkName,
      when,
      breakdown,
      comparedWithBenchmark: Boolean(chosenBench),
    });
    downloadFile(`map-${indicator.id}-${level}-${data.period?.period ?? 'none'}-${state.audience}.csv`, csv);
  };

  return {
    state,
    update,
    policy,
    manifest,
    indicatorLevels,
    figuresCurrent,
    levels,
    level,
    small,
    byLevel,
    here,
    indicators,
    indicator,
    hasFigures,
    hasRate,
    setOptions,
    effective,
    tiles,
    setTiles,
    resetZoom,
    setResetZoom,
    benchNames,
    chosenBench,
    figures,
    boundary,
    data,
    tableData,
    benchmarkName,
    ctx,
    model,
    districtNames,
    namesCarryDistrict,
    joined,
    layout,
    match,
    zoomBox,
    onSelect,
    showCartogram,
    nounPlural,
    when,
    breakdown,
    measureWord,
    finding,
    mapLabel,
    suppressedReason,
    roundedReason,
    rules,
    download,
  };
}

export type MapViewModel = ReturnType<typeof useMapView>;
