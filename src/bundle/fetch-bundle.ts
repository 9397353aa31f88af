import { BUNDLE_FILE_NAMES } from './bundle-format';
import { BundleError, parseBundleMetadata, type NamedBytes } from './open-bundle';

/**
 * Where bundle.json is, from the `bundle` link parameter: a URL or a path relative to the page, naming either
 * bundle.json itself or the folder holding it. Only http(s) addresses are accepted.
 */
export function bundleMetadataUrl(param: string, base: string): URL {
  let url: URL;
  try {
    url = new URL(param, base);
  } catch {
    throw new BundleError(`The link's bundle address "${param}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BundleError(`The link's bundle address must start with http or https, not ${url.protocol}.`);
  }
  if (url.pathname.endsWith('/')) return new URL(BUNDLE_FILE_NAMES.metadata, url);
  if (!url.pathname.toLowerCase().endsWith('.json'))
    return new URL(`${url.pathname}/${BUNDLE_FILE_NAMES.metadata}${url.search}`, url);
  return url;
}

async function fetchBytes(url: URL, what: string, fetchFn: typeof fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchFn(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new BundleError(`${what} could not be fetched from ${url.href} (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!response.ok)
    throw new BundleError(`${what} could not be fetched from ${url.href} (${response.status} ${response.statusText}).`);
  // Static hosts and single-page servers often answer a missing file with their index page.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw new BundleError(`${what} was not found at ${url.href}: the server sent a web page instead.`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Fetches a bundle from the address the user gave, and nothing else: bundle.json, then each file it lists,
 * from the same folder (bundle.json may name plain file names only).
 */
export async function fetchBundleFiles(param: string, base: string, fetchFn: typeof fetch = fetch): Promise<NamedBytes[]> {
  const metaUrl = bundleMetadataUrl(param, base);
  const metaBytes = await fetchBytes(metaUrl, 'The bundle', fetchFn);
  const metadata = parseBundleMetadata(metaBytes);
  const files = await Promise.all(
    metadata.files.map(async (f) => ({
      name: f.name,
      bytes: await fetchBytes(new URL(f.name, metaUrl), `The bundle's ${f.name}`, fetchFn),
    })),
  );
  return [{ name: BUNDLE_FILE_NAMES.metadata, bytes: metaBytes }, ...files];
}
