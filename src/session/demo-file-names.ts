/** The embedded synthetic demo's files in data/, in the order they are fetched and loaded. */
export const DEMO_FILE_NAMES = ['manifest.json', 'areas.csv', 'population.csv', 'extracts.parquet'] as const;
