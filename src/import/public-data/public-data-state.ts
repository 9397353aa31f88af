import type { AgeBand, EthicsCanvas, Sex } from '../../contract';
import type { PoliceUkFile } from './police-uk-aggregate';

/**
 * Everything public loaded so far, kept between drops so that months dropped one by one, or a lookup dropped
 * after the police files, make one whole: counts (never records), reference lookups, population and the
 * user's choices. Plain data (arrays and records), so it can be copied and stored as it is.
 */
export interface PublicDataState {
  /** One per police.uk file, by file name: dropping a file again replaces its counts. */
  police: PoliceUkFile[];
  lookup: AreaRefs;
  population: PopulationRef[];
  /** Files that brought reference data (lookups, population, deprivation), with what each gave. */
  references: ReferenceFile[];
  settings: PublicDataSettings;
  /** The manifest was made from public data (no manifest of the user's): its title and area follow the choices. */
  ownsManifest?: boolean;
  /** Where the records were last placed: in a lookup built here, the user's own, or nowhere yet. */
  placed?: { mode: 'loaded' | 'built' | 'none'; vru: { code: string; name: string } };
}

/** What the user chose about public data; every field is optional, the default is said beside it. */
export interface PublicDataSettings {
  /** The VRU area's name (default: from the districts or the force). */
  vruName?: string;
  /** The VRU area's code (default "VRU"). */
  vruCode?: string;
  /** District codes to keep (default: the districts the police records fall in). */
  districts?: string[];
  /** Count records with no location, or located outside the districts, as an "Area not known" part of the VRU area. */
  unknownArea?: boolean;
  /** The user's answers to the ethics canvas, by police.uk dataset id, replacing the dashboard's. */
  ethics?: Record<string, Partial<EthicsCanvas>>;
}

/** Small areas and the areas they lie in, from IMD File 1, ONS lookups or boundary files. */
export interface AreaRefs {
  /** `editions`: the LSOA sets (2011, 2021) the code is in, where a file says; a code ONS kept in 2021 is in both. */
  lsoa: Record<string, { name: string; msoa?: string; ward?: string; district?: string; editions?: number[] }>;
  msoa: Record<string, { name: string; district?: string }>;
  ward: Record<string, { name: string; district?: string }>;
  district: Record<string, { name: string }>;
  /** Districts named by boundary files: local by nature, so they are the area when no police data say otherwise. */
  boundaryDistricts: string[];
}

export interface PopulationRef {
  lsoa: string;
  year: number;
  ageBand: AgeBand;
  sex: Sex;
  population: number;
  /** ONS estimates are preferred to IoD File 6's (which leave prisoners out) for the same year. */
  priority: number;
}

export type ReferenceKind = 'imd' | 'iod-population' | 'ons-population' | 'ons-lookup' | 'boundary-lookup';

export interface ReferenceFile {
  file: string;
  kind: ReferenceKind;
  rows: number;
}

export const emptyAreaRefs = (): AreaRefs => ({ lsoa: {}, msoa: {}, ward: {}, district: {}, boundaryDistricts: [] });

export const emptyPublicData = (): PublicDataState => ({
  police: [],
  lookup: emptyAreaRefs(),
  population: [],
  references: [],
  settings: {},
});

/** The settings file the Load data screen writes when the user changes a choice (it loads like any file). */
export const SETTINGS_FILE = 'public-data-settings.json';
export const SETTINGS_KEY = 'publicDataSettings';

/** The file that carries a change of the user's choices through the ordinary load (so it is stored and replayed too). */
export function settingsFile(settings: PublicDataSettings): { name: string; bytes: Uint8Array } {
  return { name: SETTINGS_FILE, bytes: new TextEncoder().encode(JSON.stringify({ [SETTINGS_KEY]: settings }, null, 2)) };
}
