import { districtsOfRecords } from './area-plan';
import { monthRun } from './month-run';
import { forceOf } from './police-uk-extracts';
import { POLICE_UK_KIND_TITLE, type PoliceUkKind } from './police-uk-files';
import type { PublicDataSettings, PublicDataState, ReferenceFile } from './public-data-state';

/** What the Load data screen says about the public data loaded, and offers to change. */
export interface PublicDataSummary {
  runs: {
    kind: PoliceUkKind;
    title: string;
    force: string;
    files: number;
    records: number;
    from: string;
    to: string;
    missing: string[];
  }[];
  references: ReferenceFile[];
  /** Districts holding located records, largest first; `usual` marks those kept when the user picks none. */
  districts: { code: string; name: string; records: number; usual: boolean }[];
  settings: PublicDataSettings;
  placed: PublicDataState['placed'];
}

export function publicDataSummary(state: PublicDataState): PublicDataSummary {
  const runs = new Map<string, PublicDataSummary['runs'][number] & { months: string[] }>();
  for (const f of state.police) {
    const key = `${f.kind}|${forceOf(f)}`;
    const run = runs.get(key) ?? {
      kind: f.kind,
      title: POLICE_UK_KIND_TITLE[f.kind],
      force: forceOf(f),
      files: 0,
      records: 0,
      from: '',
      to: '',
      missing: [],
      months: [],
    };
    run.files++;
    run.records += f.records;
    run.months.push(...f.cells.map((c) => c.period));
    runs.set(key, run);
  }
  const located = new Map<string, number>();
  for (const f of state.police) {
    if (f.kind === 'stop-and-search') continue;
    for (const c of f.cells) if (c.values[0]) located.set(c.values[0], (located.get(c.values[0]) ?? 0) + c.count);
  }
  const byDistrict = new Map<string, number>();
  for (const [lsoa, n] of located) {
    const d = state.lookup.lsoa[lsoa]?.district;
    if (d) byDistrict.set(d, (byDistrict.get(d) ?? 0) + n);
  }
  const usual = new Set(districtsOfRecords(located, state.lookup));
  return {
    runs: [...runs.values()].map(({ months, ...run }) => {
      const { present, missing } = monthRun(months);
      return { ...run, from: present[0] ?? '', to: present[present.length - 1] ?? '', missing };
    }),
    references: state.references,
    districts: [...byDistrict]
      .map(([code, records]) => ({ code, name: state.lookup.district[code]?.name ?? code, records, usual: usual.has(code) }))
      .sort((a, b) => b.records - a.records || a.name.localeCompare(b.name)),
    settings: state.settings,
    placed: state.placed,
  };
}
