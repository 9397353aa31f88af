import manifestUrl from '../../data/manifest.json?url';
import areasUrl from '../../data/areas.csv?url';
import populationUrl from '../../data/population.csv?url';
import extractsUrl from '../../data/extracts.parquet?url';
import type { InputFile } from '../import/load-files';
import { DEMO_FILE_NAMES } from './demo-file-names';
import { decodeSnapshot, type DemoSnapshot } from './demo-snapshot';

/** The embedded synthetic demo, served from the dashboard's own origin as part of the build. */
const DEMO_URLS: Record<(typeof DEMO_FILE_NAMES)[number], string> = {
  'manifest.json': manifestUrl,
  'areas.csv': areasUrl,
  'population.csv': populationUrl,
  'extracts.parquet': extractsUrl,
};

/** Written next to index.html by the build (vite.config.ts); the development server has none. */
export const DEMO_SNAPSHOT_FILE = 'demo-snapshot.bin';

export async function fetchDemoFiles(): Promise<InputFile[]> {
  return Promise.all(
    DEMO_FILE_NAMES.map(async (name) => {
      const response = await fetch(DEMO_URLS[name]);
      if (!response.ok) throw new Error(`The demo file ${name} could not be read (${response.status}).`);
      return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}

/**
 * The demo already loaded and protected by the build, or null when there is none this code can read (the
 * development server, an old file): then the demo is loaded from its files, which gives the same figures.
 */
export async function fetchDemoSnapshot(): Promise<DemoSnapshot | null> {
  if (import.meta.env.DEV) return null;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}${DEMO_SNAPSHOT_FILE}`);
    return response.ok ? await decodeSnapshot(new Uint8Array(await response.arrayBuffer())) : null;
  } catch {
    return null;
  }
}
