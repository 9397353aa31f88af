import { useMemo } from 'react';
import type { GeographyLevel } from '../contract';
import type { BoundaryLayer, KnownArea } from '../import/boundary-file';
import type { Problem } from '../import/problems';
import { joinBoundary, type JoinedBoundary } from '../geo/boundary-join';
import { boundaryUrlFor, fetchBoundary, isBoundaryUrl } from '../geo/boundary-url';
import { declareLoadedDescription } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';
import { areasLoaded } from './use-areas';
import { useSessionSnapshot } from './session-context';

export type MapBoundary =
  /** No boundary: `declared` names the file the manifest expects for the level, if it names one. */
  | { status: 'none'; declared: string | null }
  | { status: 'loading'; url: string }
  | { status: 'error'; url: string; message: string }
  | { status: 'ready'; layer: BoundaryLayer; joined: JoinedBoundary; origin: 'file' | 'url'; problems: Problem[] };

/** Shapes fetched from the URL the manifest configures for a level, matched against the loaded areas. */
const boundaryFromUrl = declareLoadedDescription('map-boundary-url', async (ctx, { url }: { url: string }) =>
  fetchBoundary(url, ctx.manifest, (await ctx.figure(areasLoaded, {})) as KnownArea[], fetch, window.location.origin),
);

/**
 * The boundaries for a level: a file the user loaded (kept in the session state), else the URL the
 * manifest configures for the level, fetched once per data version. Shapes are joined to codes once
 * here, so recolouring after a filter change never re-reads them.
 */
export function useMapBoundary(level: GeographyLevel): MapBoundary {
  const { state } = useSessionSnapshot();
  const fileLayer = state.boundaries[level] ?? null;
  const url = fileLayer ? null : boundaryUrlFor(state.manifest, level);
  const fetched = useFigure(boundaryFromUrl, url === null ? null : { url });
  const layer = fileLayer ?? fetched.data?.layer ?? null;
  const joined = useMemo(() => (layer ? joinBoundary(layer) : null), [layer]);
  if (layer && joined) {
    return { status: 'ready', layer, joined, origin: fileLayer ? 'file' : 'url', problems: fetched.data?.problems ?? [] };
  }
  if (url) {
    if (fetched.isError) return { status: 'error', url, message: (fetched.error as Error).message };
    return { status: 'loading', url };
  }
  const declared = state.manifest?.geographies.find((g) => g.level === level)?.boundary?.source ?? null;
  return { status: 'none', declared: declared && !isBoundaryUrl(declared) ? declared : null };
}
