import type { Manifest } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import { str, strList } from '../../engine/sql-literals';
import type { PreparedExtract, PreparedRows } from '../prepared-tables';
import { planAreas, type AreaPlan, type LoadedArea } from './area-plan';
import { monthList } from './month-run';
import { enGBCount } from './number-text';
import { forceOf, policeUkExtract, type PoliceUkExtract } from './police-uk-extracts';
import { POLICE_UK_KIND_TITLE, type PoliceUkKind } from './police-uk-files';
import { STREET_INDICATORS, OUTCOME_INDICATORS } from './police-uk-indicators';
import { policeUkManifest } from './police-uk-manifest';
import type { PublicDataState } from './public-data-state';

/** The names the generated inputs load under: stable, so each new drop replaces what the last one generated. */
export const GENERATED = {
  areas: 'areas lookup (built from public data)',
  population: 'population (from public data files)',
  street: 'police.uk street-level crime (counted by LSOA and month)',
  outcomes: 'police.uk outcomes (counted by LSOA and month)',
  'stop-and-search': 'police.uk stop and search (counted by month)',
} as const satisfies Record<'areas' | 'population' | PoliceUkKind, string>;

export const GENERATED_NAMES: ReadonlySet<string> = new Set(Object.values(GENERATED));

/** The dashboard's own inputs, made from everything public loaded so far. */
export interface PublicInputs {
  plan: AreaPlan;
  /** Datasets and indicators for the police.uk files (null when none are loaded or none can be placed). */
  manifest: Manifest | null;
  /** Areas lookup and population, in the data contract's columns. */
  rows: PreparedRows[];
  /** The police.uk extracts, one per kind, as typed columns. */
  prepared: PreparedExtract[];
  extracts: PoliceUkExtract[];
  /** Facts to show beside each public file and each generated file in the load summary. */
  notes: Map<string, string[]>;
  /** Months missing from a run, per kind: a warning beside the generated extract. */
  missing: Map<string, string>;
}

/**
 * Builds the areas lookup (unless the user's own has LSOAs), the population rows for its LSOAs, the extracts
 * and the manifest entries, from the public state. Reads the engine only to see what the user loaded.
 */
export async function generatePublicInputs(engine: Engine, state: PublicDataState, today: string): Promise<PublicInputs> {
  const loaded = await engine.query<LoadedArea & Record<string, string | null>>(
    `SELECT code, name, level, parent_code FROM areas WHERE source_file NOT IN ${strList([...GENERATED_NAMES])}`,
  );
  const located = new Map<string, number>();
  for (const f of state.police) {
    if (f.kind === 'stop-and-search') continue;
    for (const c of f.cells) {
      const lsoa = c.values[0];
      if (lsoa) located.set(lsoa, (located.get(lsoa) ?? 0) + c.count);
    }
  }
  const forces = [...new Set(state.police.filter((f) => f.kind === 'street').map(forceOf))];
  const plan = planAreas(state.lookup, loaded, located, state.settings, forces);
  const notes = new Map<string, string[]>();
  const missing = new Map<string, string>();
  const rows: PreparedRows[] = [];
  if (plan.mode === 'none') return { plan, manifest: null, rows, prepared: [], extracts: [], notes, missing };

  if (plan.rows.length > 0) {
    const a = plan.rows;
    rows.push({
      kind: 'areas',
      name: GENERATED.areas,
      columns: {
        code: a.map((r) => r.code),
        name: a.map((r) => r.name),
        level: a.map((r) => r.level),
        parent_code: a.map((r) => r.parent_code ?? null),
      },
    });
    notes.set(GENERATED.areas, [
      `${plan.vru.name} (code ${plan.vru.code}): ${plan.districts.length} districts, ${enGBCount(plan.lsoas.size)} LSOAs${plan.lsoaEdition ? ` (${plan.lsoaEdition} edition)` : ''}${plan.levels.some((l) => l.level === 'msoa') ? ', with their MSOAs' : plan.levels.some((l) => l.level === 'ward') ? ', with their wards' : ''}.`,
    ]);
  }

  const population = state.population.filter((p) => plan.lsoas.has(p.lsoa));
  if (population.length > 0) {
    rows.push({
      kind: 'population',
      name: GENERATED.population,
      columns: {
        area_code: population.map((p) => p.lsoa),
        year: population.map((p) => String(p.year)),
        age_band: population.map((p) => p.ageBand),
        sex: population.map((p) => p.sex),
        population: population.map((p) => String(p.population)),
      },
    });
    const years = [...new Set(population.map((p) => p.year))].sort();
    notes.set(GENERATED.population, [`${enGBCount(new Set(population.map((p) => p.lsoa)).size)} LSOAs, ${years.join(', ')}.`]);
  }

  const kinds = (['street', 'outcomes', 'stop-and-search'] as const).filter((k) => state.police.some((f) => f.kind === k));
  const extracts = kinds.map((k) => policeUkExtract(k, state.police, plan));
  const prepared: PreparedExtract[] = [];
  for (const x of extracts) {
    prepared.push({ name: GENERATED[x.kind], ...x.grid });
    notes.set(GENERATED[x.kind], extractNotes(x, plan));
    if (x.missing.length > 0) {
      missing.set(GENERATED[x.kind], x.missing.map((m) => `${monthList(m.months)} (${m.force})`).join('; '));
    }
  }
  for (const f of state.police) notes.set(f.file, fileNotes(f.file, f.kind, state, plan));

  const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(
    `SELECT count(*)::DOUBLE AS n FROM population WHERE source_file <> ${str(GENERATED.population)}`,
  );
  const manifest =
    extracts.length > 0
      ? policeUkManifest({
          plan,
          extracts,
          withRates: population.length > 0 || n > 0,
          settings: state.settings,
          refreshed: today,
        })
      : null;
  return { plan, manifest, rows, prepared, extracts, notes, missing };
}

const TITLE = new Map<string, string>(
  [...STREET_INDICATORS, ...Object.values(OUTCOME_INDICATORS)].map((i) => [i.id, i.shortTitle]),
);

/** "Violence and sexual offences 12,357; Criminal damage and arson 3,715; …", largest first. */
function byIndicator(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${TITLE.get(id) ?? id} ${enGBCount(n)}`)
    .join('; ');
}

function extractNotes(x: PoliceUkExtract, plan: AreaPlan): string[] {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((s, v) => s + v, 0);
  const out = [
    `${enGBCount(x.records)} records from ${x.forces.join(', ')}, ${monthList(x.months.slice(0, 1))} to ${monthList(x.months.slice(-1))} (${x.months.length} months), counted into ${enGBCount(x.cells)} cells${x.kind === 'stop-and-search' ? '' : ' (with a 0 for an LSOA with no record all year, and for a district with none in a month)'}.`,
  ];
  for (const m of x.missing)
    out.push(`Months missing from the run (${m.force}): ${monthList(m.months)}. They show as not available.`);
  const where = plan.unknownArea ? 'counted in "Area not known"' : 'in no area';
  if (sum(x.noLocation) > 0)
    out.push(
      `Records with no location (no LSOA), ${where}: ${enGBCount(sum(x.noLocation))}. By type: ${byIndicator(x.noLocation)}.`,
    );
  if (sum(x.outside) > 0) {
    out.push(
      `Records in ${enGBCount(x.outsideLsoas)} LSOAs outside the loaded areas, ${where}: ${enGBCount(sum(x.outside))}. By type: ${byIndicator(x.outside)}.`,
    );
  }
  if (x.noSex > 0)
    out.push(
      `Searches of people with a gender of "Other" or none (in the totals, not in the age-range indicators): ${enGBCount(x.noSex)}.`,
    );
  if (x.noAge > 0)
    out.push(`Searches with no age range (in the totals, not in the age-range indicators): ${enGBCount(x.noAge)}.`);
  return out;
}

/** Per file: its records, and how many could not be placed in the areas. */
function fileNotes(file: string, kind: PoliceUkKind, state: PublicDataState, plan: AreaPlan): string[] {
  const f = state.police.find((p) => p.file === file);
  if (!f) return [];
  if (kind === 'stop-and-search') return [`${enGBCount(f.records)} searches, counted for the whole force area.`];
  let noLsoa = 0;
  let outside = 0;
  for (const c of f.cells) {
    const lsoa = c.values[0];
    if (!lsoa) noLsoa += c.count;
    else if (!plan.lsoas.has(lsoa)) outside += c.count;
  }
  return [
    `${enGBCount(f.records)} ${POLICE_UK_KIND_TITLE[kind]} records: ${enGBCount(f.records - noLsoa - outside - f.noMonth)} in the loaded areas, ${enGBCount(noLsoa)} with no location, ${enGBCount(outside)} in LSOAs outside the loaded areas.`,
  ];
}
