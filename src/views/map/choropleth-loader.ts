import { preloadable } from '../../ui/preloadable';

// Leaflet arrives only when there are boundaries to draw: the cartogram needs none of it.
const choroplethMap = preloadable(() => import('./ChoroplethMap').then((m) => m.default));
export const ChoroplethMap = choroplethMap.Component;
/** Loads the map's drawing (Leaflet) ahead of need: the session holds boundaries, or they are being fetched. */
export const preloadMapDrawing = choroplethMap.preload;
