import { useCallback, useMemo } from 'react';
import type { Dataset } from '../contract';
import { publicDataSummary, type PublicDataSummary } from '../import/public-data/public-data-summary';
import { settingsFile, type PublicDataSettings } from '../import/public-data/public-data-state';
import { DATASET_ID } from '../import/public-data/police-uk-manifest';
import { useSessionSnapshot } from './session-context';

const POLICE_DATASETS = new Set(Object.values(DATASET_ID));

export interface PublicData {
  summary: PublicDataSummary;
  /** The police.uk datasets of the manifest, with the ethics answers in force. */
  datasets: Dataset[];
  /** A file carrying changed choices, to load like any other (so it is checked, stored and replayed the same way). */
  settingsAsFile: (settings: PublicDataSettings) => File;
  /** The manifest as JSON, for the user to keep or edit and load back. */
  manifestJson: () => string;
}

/** The public data loaded so far, or null when none is: what the Load data screen shows and lets the user change. */
export function usePublicData(): PublicData | null {
  const { state } = useSessionSnapshot();
  const summary = useMemo(() => (state.publicData ? publicDataSummary(state.publicData) : null), [state.publicData]);
  const datasets = useMemo(() => state.manifest?.datasets.filter((d) => POLICE_DATASETS.has(d.id)) ?? [], [state.manifest]);
  const settingsAsFile = useCallback((settings: PublicDataSettings) => {
    const { name, bytes } = settingsFile(settings);
    return new File([bytes as BlobPart], name, { type: 'application/json' });
  }, []);
  const manifestJson = useCallback(() => JSON.stringify(state.manifest, null, 2), [state.manifest]);
  return summary ? { summary, datasets, settingsAsFile, manifestJson } : null;
}
