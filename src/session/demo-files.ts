import manifestUrl from '../../data/manifest.json?url';
import areasUrl from '../../data/areas.csv?url';
import populationUrl from '../../data/population.csv?url';
import extractsUrl from '../../data/extracts.parquet?url';
import type { InputFile } from '../import/load-files';

/** The embedded synthetic demo, served from the dashboard's own origin as part of the build. */
const DEMO_FILES: readonly [string, string][] = [
  ['manifest.json', manifestUrl],
  ['areas.csv', areasUrl],
  ['population.csv', populationUrl],
  ['extracts.parquet', extractsUrl],
];

export async function fetchDemoFiles(): Promise<InputFile[]> {
  return Promise.all(
    DEMO_FILES.map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The demo file ${name} could not be read (${response.status}).`);
      return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}
