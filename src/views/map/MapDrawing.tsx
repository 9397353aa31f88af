import { Suspense } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ChoroplethMap } from './choropleth-loader';
import { levelNoun, type MapModel } from './map-model';
import { TileGridCartogram } from './TileGridCartogram';
import type { MapViewModel } from './use-map-view';

/** The areas drawn: a tile-grid cartogram without boundaries, else the boundaries on Leaflet with zoom actions. */
export function MapDrawing({ m, model }: { m: MapViewModel; model: MapModel }) {
  const { state, update, level, boundary, joined, layout, onSelect, mapLabel } = m;
  if (m.showCartogram && layout) {
    return (
      <TileGridCartogram
        layout={layout}
        styles={model.byCode}
        selected={state.area}
        onSelect={onSelect}
        label={`${mapLabel}: tile-grid cartogram, one square per ${levelNoun(level, false)}. Press Enter to select an area.`}
      />
    );
  }
  if (!joined || boundary.status !== 'ready') return null;
  return (
    // Shapes that slip past the import's checks cannot take the view down: the table below still shows.
    <ErrorBoundary what="The map drawing" resetKey={`${level}|${boundary.layer.file}`}>
      <Suspense fallback={<p role="status">Loading the map…</p>}>
        <ChoroplethMap
          joined={joined}
          styles={model.byCode}
          selected={state.area}
          onSelect={onSelect}
          zoomBox={m.zoomBox}
          resetZoom={m.resetZoom}
          attribution={
            boundary.layer.attribution ??
            `Boundaries: ${boundary.layer.file} (loaded by you; the manifest gives no attribution for it)`
          }
          tiles={m.tiles}
          label={mapLabel}
        />
        <p className="map-actions">
          <button type="button" className="button" onClick={() => m.setResetZoom((n) => n + 1)}>
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
  );
}
