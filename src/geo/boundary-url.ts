/**
 * Boundaries from a URL the user configured in the manifest (for example an ONS Open Geography Portal
 * GeoJSON query). Fetched only when the manifest names an http(s) address for the level, without cookies
 * or referrer, and read by the same function as a dropped file, so the same checks and problems apply.
 */
import type { GeographyLevel, Manifest } from '../contract';
import { blockedReason } from '../deployment/allowed-origins';
import { readBoundaryFile, type BoundaryLayer, type KnownArea } from '../import/boundary-file';
import { FileRejected, problemText, type Problem } from '../import/problems';

export function isBoundaryUrl(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}

/** The http(s) address the manifest gives for a level's boundaries, if it gives one. */
export function boundaryUrlFor(manifest: Manifest | null, level: GeographyLevel): string | null {
  const source = manifest?.geographies.find((g) => g.level === level)?.boundary?.source;
  return source && isBoundaryUrl(source) ? source.trim() : null;
}

/**
 * Fetches and reads a level's boundaries. With `pageOrigin` (the browser), an address the page's content
 * security policy would block is refused before any request, with what to do about it.
 */
export async function fetchBoundary(
  url: string,
  manifest: Manifest | null,
  areas: readonly KnownArea[],
  fetcher: typeof fetch = fetch,
  pageOrigin: string | null = null,
): Promise<{ layer: BoundaryLayer; problems: Problem[] }> {
  const blocked = pageOrigin === null ? null : blockedReason(url, pageOrigin);
  if (blocked) {
    throw new Error(`The boundaries at ${url} were not fetched. ${blocked} Or download the file and load it in Load data.`);
  }
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors' });
  } catch (e) {
    throw new Error(
      `The boundaries at ${url} could not be fetched (${(e as Error).message}). Check you are online, that the address is right, and that the server allows other sites to read it (CORS); or download the file and load it in Load data.`,
      { cause: e },
    );
  }
  if (!response.ok)
    throw new Error(
      `The boundaries at ${url} could not be fetched: the server answered ${response.status} ${response.statusText}.`,
    );
  let json: unknown;
  try {
    json = await response.json();
  } catch (e) {
    throw new Error(
      `The boundaries at ${url} are not JSON. Use a GeoJSON or TopoJSON address (for ONS ArcGIS services, add f=geojson).`,
      { cause: e },
    );
  }
  try {
    return readBoundaryFile(url, json, manifest, areas);
  } catch (e) {
    if (e instanceof FileRejected) throw new Error(e.problems.map(problemText).join(' '), { cause: e });
    throw e;
  }
}
