import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { JoinedBoundary, LatLngBox } from '../../geo/boundary-join';
import { INK, NO_DATA_FILL } from '../../geo/palettes';
import type { BaseTiles } from '../../hooks/use-map-base-tiles';
import { markOnce } from '../../ui/performance-marks';
import type { AreaStyle } from './map-model';

/** Paths are focusable (Tab, Enter) when there are at most this many; beyond, keyboard users have the table. */
export const FOCUSABLE_PATHS_UP_TO = 40;

export interface ChoroplethMapProps {
  joined: JoinedBoundary;
  styles: ReadonlyMap<string, AreaStyle>;
  selected: string | null;
  onSelect: (code: string) => void;
  /** Box to zoom to (the selected district); null shows every shape. */
  zoomBox: LatLngBox | null;
  /** Goes up each time the person asks to see the whole area again. */
  resetZoom: number;
  attribution: string;
  tiles: BaseTiles;
  label: string;
}

function widen([[s, w], [n, e]]: LatLngBox, by: number): LatLngBox {
  const dLat = (n - s) * by;
  const dLng = (e - w) * by;
  return [
    [s - dLat, w - dLng],
    [n + dLat, e + dLng],
  ];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pathStyle(s: AreaStyle | undefined, selected: boolean, small: boolean, tiles: boolean): L.PathOptions {
  return {
    fillColor: s?.fill ?? NO_DATA_FILL,
    fillOpacity: tiles && s?.fill.startsWith('#') ? 0.7 : 1,
    color: selected ? INK : '#505a5f',
    weight: selected ? 3.5 : small ? 0.4 : 1,
    opacity: 1,
  };
}

function tooltipElement(s: AreaStyle | undefined, fallback: string): HTMLElement {
  const div = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = s?.title ?? fallback;
  div.append(title);
  for (const line of s?.lines ?? ['No figure for this shape: its code is not an area in the loaded lookup.']) {
    const span = document.createElement('span');
    span.textContent = line;
    div.append(span);
  }
  return div;
}

/**
 * The boundaries as one GeoJSON layer, built once per boundary file; a filter change only restyles the
 * paths (setStyle), between the marks `map-recolour-start` and `map-recolour-end` (measure `map-recolour`).
 * Building the layer is marked `map-draw-start` / `map-draw-end` (measure `map-draw`), and the first
 * draw marks `view-ready:map`.
 */
function ChoroplethLayer({
  joined,
  styles,
  selected,
  onSelect,
  zoomBox,
  resetZoom,
  attribution,
  tiles,
}: Omit<ChoroplethMapProps, 'label'>) {
  const map = useMap();
  const [paths, setPaths] = useState<Map<string, L.Path[]> | null>(null);
  const latest = useRef({ styles, onSelect });
  useEffect(() => {
    latest.current = { styles, onSelect };
  }, [styles, onSelect]);

  useEffect(() => {
    performance.mark('map-draw-start');
    const byCode = new Map<string, L.Path[]>();
    const codeOf = new Map<Feature, string>();
    for (const s of joined.shapes) codeOf.set(s.feature, s.code);
    const collection: FeatureCollection<Geometry, Record<string, unknown>> = {
      type: 'FeatureCollection',
      features: joined.shapes.map((s) => s.feature),
    };
    const small = joined.shapes.length > FOCUSABLE_PATHS_UP_TO;
    const focusable = !small;
    const layer = L.geoJSON(collection, {
      attribution: escapeHtml(attribution),
      style: (f) => pathStyle(latest.current.styles.get(codeOf.get(f as Feature) ?? ''), false, small, false),
      onEachFeature: (feature, lyr) => {
        const code = codeOf.get(feature) ?? '';
        const path = lyr as L.Path;
        const list = byCode.get(code) ?? [];
        list.push(path);
        byCode.set(code, list);
        path.bindTooltip(() => tooltipElement(latest.current.styles.get(code), code || 'Shape with no code'), {
          sticky: true,
          direction: 'top',
          className: 'map-tooltip',
          opacity: 1,
        });
        if (code) path.on('click', () => latest.current.onSelect(code));
      },
    });
    layer.addTo(map);
    for (const [code, list] of byCode) {
      for (const path of list) {
        const el = path.getElement() as SVGPathElement | undefined;
        if (!el) continue;
        el.dataset.code = code;
        if (focusable && code) {
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'button');
          el.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              latest.current.onSelect(code);
            }
          });
          el.addEventListener('focus', () => path.openTooltip());
          el.addEventListener('blur', () => path.closeTooltip());
        } else {
          el.setAttribute('aria-hidden', 'true');
        }
      }
    }
    performance.mark('map-draw-end');
    performance.measure('map-draw', 'map-draw-start', 'map-draw-end');
    setPaths(byCode);
    return () => {
      layer.remove();
      setPaths(null);
    };
  }, [map, joined, attribution]);

  // Restyled in the same commit as the legend and table (a layout effect), so no frame shows old colours
  // beside a new legend.
  useLayoutEffect(() => {
    if (!paths) return;
    performance.mark('map-recolour-start');
    const small = joined.shapes.length > FOCUSABLE_PATHS_UP_TO;
    for (const [code, list] of paths) {
      const s = styles.get(code);
      const isSelected = code !== '' && code === selected;
      for (const path of list) {
        path.setStyle(pathStyle(s, isSelected, small, tiles.enabled));
        const el = path.getElement();
        if (!el) continue;
        el.classList.toggle('map-area--suppressed', s?.symbol === 'c');
        el.classList.toggle('map-area--no-data', !s || s.symbol === 'x');
        if (el.getAttribute('role') === 'button') {
          el.setAttribute('aria-label', s?.description ?? `${code}. No figure.`);
          el.setAttribute('aria-pressed', String(isSelected));
        }
        if (isSelected) path.bringToFront();
      }
    }
    performance.mark('map-recolour-end');
    performance.measure('map-recolour', 'map-recolour-start', 'map-recolour-end');
    markOnce('view-ready:map');
  }, [paths, styles, selected, tiles.enabled, joined]);

  // A selected district is shown with half its size again on each side, so its neighbours stay in view;
  // the whole area fills the frame.
  const boxKey = JSON.stringify(zoomBox ? widen(zoomBox, 0.5) : joined.box);
  useEffect(() => {
    const box = JSON.parse(boxKey) as LatLngBox | null;
    if (box) map.fitBounds(box, { padding: [12, 12], animate: false });
  }, [map, boxKey, resetZoom]);
  return null;
}

/** The choropleth: Leaflet with the SVG renderer (patterns and focusable paths need SVG), no tiles by default. */
export default function ChoroplethMap(props: ChoroplethMapProps) {
  const { joined, tiles, label } = props;
  return (
    <div className="choropleth">
      <MapContainer
        bounds={joined.box ?? undefined}
        preferCanvas={false}
        scrollWheelZoom={false}
        zoomSnap={0.25}
        className="choropleth__map"
        ref={(m) => {
          m?.getContainer().setAttribute('aria-label', `${label}. Arrow keys move the map; plus and minus zoom.`);
          m?.getContainer().setAttribute('role', 'region');
        }}
      >
        {tiles.enabled ? (
          <TileLayer
            url={tiles.url}
            attribution={escapeHtml(tiles.attribution || new URL(tiles.url, window.location.href).host)}
          />
        ) : null}
        <ChoroplethLayer {...props} />
      </MapContainer>
    </div>
  );
}
