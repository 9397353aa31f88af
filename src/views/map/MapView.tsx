import { BoundaryProblems } from './DataProblems';
import { BaseMapSettings, MapControls } from './MapControls';
import { MapDrawing } from './MapDrawing';
import { MapLegend } from './MapLegend';
import { levelNoun } from './map-model';
import { BenchmarkPicker, NoFiguresNotice, SmallLevelNotice } from './MapNotices';
import { MapNotes } from './MapNotes';
import { MapPatterns } from './MapPatterns';
import { MapTable } from './MapTable';
import { useMapView } from './use-map-view';
import { SyntheticNotice } from '../shell/SyntheticNotice';
import './map.css';

export { preloadMapDrawing } from './choropleth-loader';

/**
 * The Map view. Figures: the protected cell of the latest full calendar year for the indicator, or of the
 * month chosen under "Latest month"; rates per the indicator's multiplier with population_cube, compared
 * with the whole VRU area by their 95% limits. Drawn on the user's boundaries with Leaflet, or as a
 * tile-grid cartogram when no boundaries are loaded; always beside a table with the same numbers.
 * What it shows is worked out in use-map-view.ts; this lays it out.
 */
export function MapView() {
  const m = useMapView();
  const { manifest, state, update, indicator, data, model, ctx, level, effective, when, breakdown, boundary } = m;

  if (!manifest) {
    return (
      <section aria-labelledby="map-title">
        <h1 id="map-title">Map</h1>
        <p className="notice">Load a manifest, extracts and an areas lookup in Load data to see a map.</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="map-title" className="map-view">
      <MapPatterns />
      <h1 id="map-title">Map</h1>
      {indicator ? <SyntheticNotice indicatorIds={[indicator.id]} /> : null}
      <MapControls
        levels={m.levels}
        level={level}
        onLevel={(l) => update({ level: l })}
        options={effective}
        onOptions={m.setOptions}
        hasRate={m.hasRate}
        benchmarkName={m.benchmarkName}
      />
      <BenchmarkPicker m={m} />
      <SmallLevelNotice m={m} />
      <NoFiguresNotice m={m} />

      {indicator && data && model && ctx ? (
        <>
          <div className="map-layout">
            <div className="map-figure">
              <h2 className="map-finding" id="map-finding">
                {m.finding}
              </h2>
              <p className="map-subtitle">
                {indicator.title}: {m.measureWord}
                {effective.measure !== 'count' ? ` (${indicator.rateLabel})` : ''}, by {levelNoun(level, false)}, {when},{' '}
                {breakdown}. {m.rules}.
              </p>
              <MapDrawing m={m} model={model} />
              <MapLegend model={model} levelNoun={m.nounPlural} />
              <MapNotes m={m} data={data} unit={indicator.unit} />
              <BaseMapSettings tiles={m.tiles} onChange={m.setTiles} />
            </div>
            <div className="map-side">
              <MapTable
                areas={(m.tableData ?? data).areas}
                benchmark={(m.tableData ?? data).benchmark}
                benchmarkName={m.benchmarkName}
                caption={`${indicator.shortTitle ?? indicator.title} by ${levelNoun(level, false)}, ${when}, ${breakdown}`}
                levelLabel={m.levels.find((l) => l.level === level)?.title.replace(/\s*\(.*\)$/, '') ?? 'Area'}
                districtNames={m.small && !m.namesCarryDistrict ? m.districtNames : null}
                showRate={m.hasRate}
                countLabel={data.countAveragedOver !== null ? 'Average month' : 'Count'}
                rateLabel={indicator.rateLabel}
                polarity={indicator.polarity}
                selected={state.area}
                onSelect={m.onSelect}
                suppressedReason={m.suppressedReason}
                roundedReason={m.roundedReason}
                lowCountBelow={m.policy?.lowCountBelow ?? 0}
              />
              <button type="button" className="button" onClick={m.download} disabled={!m.figuresCurrent}>
                Download this table (CSV)
              </button>
            </div>
          </div>
          {m.match && boundary.status === 'ready' ? (
            <BoundaryProblems
              match={m.match}
              blankCodes={m.joined?.blankCodes ?? 0}
              levelNoun={m.nounPlural}
              file={boundary.layer.file}
            />
          ) : null}
        </>
      ) : m.figures.isError ? (
        <p className="notice notice--error" role="alert">
          The map&rsquo;s figures could not be read: {(m.figures.error as Error).message}
        </p>
      ) : m.hasFigures || !m.indicatorLevels.isSuccess ? (
        <p role="status">Loading the map&rsquo;s figures…</p>
      ) : null}
    </section>
  );
}
