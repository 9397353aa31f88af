// The deprivation gradient and the concentration figures on real data: the police.uk Lancashire street-crime
// files, ONS LSOA population and IMD 2019 File 1, loaded through the dashboard's import, cube and protection on
// the real engine, and compared with the same numbers computed here in plain JS straight from the raw files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowsSmallAreaLists } from '../../../../src/contract';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { protectInline } from '../../../../src/disclosure/protect-inline';
import { concentrationFigures } from '../../../../src/queries/readers/concentration-figures';
import { inequalityFigures, type InequalityParams } from '../../../../src/queries/readers/inequality-figures';
import { DashboardSession } from '../../../../src/session/dashboard-session';
import { ratioInterval } from '../../../../src/views/inequality/inequality-format';
import { splitCsvLine } from '../../../fixtures/csv-line';
import {
  gzLines,
  IMD_FILE,
  INDICATOR,
  policeFiles,
  POP_FILE,
  REAL_MISSING_REASON,
  REAL_PRESENT,
  realInputs,
  VIOLENCE,
} from '../../../fixtures/police-uk-real';

const TABLE = 'protected_analyst';

/** Independent reading of the raw files: violence per LSOA and year, IMD rank and decile, population by year. */
interface Raw {
  byYear: Map<string, Map<string, number>>;
  rank: Map<string, number>;
  decile: Map<string, number>;
  pop: Map<string, Map<string, number>>;
  lsoas: string[];
}

let rawRead: Raw | undefined;
/** Read once for both describes (nothing changes it). */
function readRaw(): Raw {
  return (rawRead ??= readRawFiles());
}

function readRawFiles(): Raw {
  const pop = new Map<string, Map<string, number>>();
  for (const line of gzLines(POP_FILE).slice(1)) {
    const [year, code, n] = line.split(',');
    const m = pop.get(year!) ?? new Map<string, number>();
    m.set(code!, Number(n));
    pop.set(year!, m);
  }
  const lsoas = [...pop.get('2020')!.keys()].sort();
  const rank = new Map<string, number>();
  const decile = new Map<string, number>();
  for (const line of gzLines(IMD_FILE).slice(1)) {
    const f = splitCsvLine(line);
    if (!pop.get('2020')!.has(f[0]!)) continue;
    rank.set(f[0]!, Number(f[4]!.replace(/,/g, '')));
    decile.set(f[0]!, Number(f[5]));
  }
  const byYear = new Map<string, Map<string, number>>();
  for (const file of policeFiles()) {
    const lines = gzLines(file);
    const head = splitCsvLine(lines[0]!);
    for (const line of lines.slice(1)) {
      if (!line.includes(VIOLENCE)) continue; // cheaper than splitting the other crime types' rows
      const f = splitCsvLine(line);
      const lsoa = f[head.indexOf('LSOA code')]!;
      if (f[head.indexOf('Crime type')] !== VIOLENCE || !rank.has(lsoa)) continue;
      const year = f[head.indexOf('Month')]!.slice(0, 4);
      const m = byYear.get(year) ?? new Map(lsoas.map((l) => [l, 0]));
      m.set(lsoa, m.get(lsoa)! + 1);
      byYear.set(year, m);
    }
  }
  return { byYear, rank, decile, pop, lsoas };
}

function expectedGroups(raw: Raw, year: string, popYear: string, groupOf: (code: string) => number, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const members = raw.lsoas.filter((l) => groupOf(l) === i + 1);
    const count = members.reduce((s, l) => s + raw.byYear.get(year)!.get(l)!, 0);
    const population = members.reduce((s, l) => s + raw.pop.get(popYear)!.get(l)!, 0);
    return { areas: members.length, count, population, rate: (count / population) * 1000 };
  });
}

function localQuintiles(raw: Raw): Map<string, number> {
  // Five groups of nearly equal number by national rank, the larger ones first (941 = 189 + 4 x 188).
  const ordered = [...raw.lsoas].sort((a, b) => raw.rank.get(a)! - raw.rank.get(b)!);
  const base = Math.floor(ordered.length / 5);
  const extra = ordered.length % 5;
  const out = new Map<string, number>();
  let at = 0;
  for (let q = 1; q <= 5; q++) {
    const size = base + (q <= extra ? 1 : 0);
    for (const code of ordered.slice(at, at + size)) out.set(code, q);
    at += size;
  }
  return out;
}

function pairGini(xs: number[]): number {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * xs.length * xs.length * mean);
}

const params: InequalityParams = { indicatorId: INDICATOR, month: '2020-12', multiplier: 1000, rates: true };

async function startSession(treatment: 'published' | 'protected'): Promise<{ engine: Engine; session: DashboardSession }> {
  const engine = await createNodeEngine();
  const session = await DashboardSession.start(engine, protectInline);
  const inputs = realInputs(treatment);
  const outcomes = await session.load([
    ...inputs.files,
    { name: 'imd2019-deprivation.csv', bytes: new TextEncoder().encode(inputs.deprivationCsv) },
  ]);
  expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
  expect(outcomes.find((o) => o.file === 'imd2019-deprivation.csv')?.kind).toBe('area_deprivation');
  await session.ensureProtected('analyst');
  return { engine, session };
}

describe.skipIf(!REAL_PRESENT)(`deprivation gradient on the real police.uk files (skipped when ${REAL_MISSING_REASON})`, () => {
  let engine: Engine;
  let raw: Raw;
  beforeAll(async () => {
    raw = readRaw();
    ({ engine } = await startSession('published'));
  }, 300_000);
  afterAll(() => engine?.close());

  it('national decile counts, populations and rates equal the raw files, 2020', async () => {
    const f = await inequalityFigures(engine, TABLE, params);
    expect(f.period).toMatchObject({ type: 'year', period: '2020', months: 9 });
    expect(f.populationYear).toBeNull();
    expect(f.ranked).toBe(941);
    expect(f.unranked).toBe(0);
    const expected = expectedGroups(raw, '2020', '2020', (l) => raw.decile.get(l)!, 10);
    expect(f.national.groups.map((g) => g.areas)).toEqual(expected.map((e) => e.areas));
    expect(f.national.groups.map((g) => g.count)).toEqual(expected.map((e) => e.count));
    expect(f.national.groups.map((g) => g.population)).toEqual(expected.map((e) => e.population));
    f.national.groups.forEach((g, i) => expect(g.rate!.value).toBeCloseTo(expected[i]!.rate, 10));
    expect(f.national.groups.every((g) => g.flag === 'shown')).toBe(true);
  });

  it('the most to least deprived ratio and difference equal the raw files, and violence falls with deprivation', async () => {
    const f = await inequalityFigures(engine, TABLE, params);
    const e = expectedGroups(raw, '2020', '2020', (l) => raw.decile.get(l)!, 10);
    expect(f.national.gap!.ratio).toBeCloseTo(e[0]!.rate / e[9]!.rate, 10);
    expect(f.national.gap!.difference).toBeCloseTo(e[0]!.rate - e[9]!.rate, 10);
    expect(f.national.gap!.ratio).toBeGreaterThan(4);
    console.log(
      `real police.uk Lancashire 2020: violence ${e[0]!.rate.toFixed(1)} vs ${e[9]!.rate.toFixed(1)} per 1,000, ratio ${(e[0]!.rate / e[9]!.rate).toFixed(2)}`,
    );
  });

  it('local quintiles are five near-equal groups of the loaded LSOAs by rank, with sums equal to the raw files', async () => {
    const f = await inequalityFigures(engine, TABLE, params);
    const q = localQuintiles(raw);
    const expected = expectedGroups(raw, '2020', '2020', (l) => q.get(l)!, 5);
    expect(f.local.groups.map((g) => g.areas)).toEqual([189, 188, 188, 188, 188]);
    expect(f.local.groups.map((g) => g.count)).toEqual(expected.map((e) => e.count));
    expect(f.local.groups.map((g) => g.population)).toEqual(expected.map((e) => e.population));
  });

  it('the SII and RII equal a weighted regression of the decile rates on their relative ranks', async () => {
    const f = await inequalityFigures(engine, TABLE, params);
    if (!f.national.sii.ok) throw new Error(f.national.sii.reason);
    const e = expectedGroups(raw, '2020', '2020', (l) => raw.decile.get(l)!, 10);
    const total = e.reduce((s, g) => s + g.population, 0);
    let before = 0;
    const x = e.map((g) => {
      const mid = (before + g.population / 2) / total;
      before += g.population;
      return mid;
    });
    const w = e.map((g) => g.population / total);
    const mx = x.reduce((s, v, i) => s + w[i]! * v, 0);
    const my = e.reduce((s, g, i) => s + w[i]! * g.rate, 0);
    const slope =
      x.reduce((s, v, i) => s + w[i]! * (v - mx) * (e[i]!.rate - my), 0) / x.reduce((s, v, i) => s + w[i]! * (v - mx) ** 2, 0);
    const intercept = my - slope * mx;
    expect(f.national.sii.value.sii).toBeCloseTo(-slope, 9);
    // OHID's RII: the SII over the mean rate, here the whole area's rate (all events over all residents).
    const overall = (e.reduce((s, g) => s + g.count, 0) / total) * 1000;
    expect(f.national.sii.value.rii).toBeCloseTo(-slope / overall, 9);
    expect(f.national.sii.value.mostDeprivedFitted).toBeCloseTo(intercept, 9);
    expect(f.national.sii.value.siiLower).toBeLessThan(f.national.sii.value.sii);
    expect(f.national.sii.value.siiUpper).toBeGreaterThan(f.national.sii.value.sii);
    // As the view and the CSV notes write it: a real interval never reads as a point ("1.8 to 1.8").
    const { rii, riiLower, riiUpper } = f.national.sii.value;
    const [, lower, upper] = ratioInterval(rii, riiLower, riiUpper);
    expect(riiLower).toBeLessThan(riiUpper);
    expect(lower).not.toBe(upper);
  });

  it('the latest year (2021, nine months) uses the 2020 population and says so', async () => {
    const f = await inequalityFigures(engine, TABLE, { ...params, month: null });
    expect(f.period).toMatchObject({ period: '2021', months: 9 });
    expect(f.populationYear).toBe(2020);
    const expected = expectedGroups(raw, '2021', '2020', (l) => raw.decile.get(l)!, 10);
    expect(f.national.groups.map((g) => g.count)).toEqual(expected.map((e) => e.count));
  });

  it('concentration shares and Gini per year equal the raw files', async () => {
    const c = await concentrationFigures(engine, TABLE, { indicatorId: INDICATOR, level: 'lsoa', listAreas: true });
    expect(c.years.map((y) => [y.year, y.months])).toEqual([
      ['2019', 1],
      ['2020', 9],
      ['2021', 9],
    ]);
    for (const y of c.years) {
      const counts = [...raw.byYear.get(y.year)!.values()];
      const sorted = [...counts].sort((a, b) => b - a);
      const total = counts.reduce((s, v) => s + v, 0);
      expect(y.total).toBe(total);
      expect(y.shares.map((s) => s.areas)).toEqual([9, 47, 94]);
      y.shares.forEach((s) => expect(s.share).toBeCloseTo(sorted.slice(0, s.areas).reduce((a, b) => a + b, 0) / total, 12));
      expect(y.gini).toBeCloseTo(pairGini(counts), 10);
    }
    expect(c.change).toMatchObject({ from: '2020', to: '2021' });
  });

  it('the persistently highest areas are those in the top tenth in both comparable years', async () => {
    const c = await concentrationFigures(engine, TABLE, { indicatorId: INDICATOR, level: 'lsoa', listAreas: true });
    expect(c.persistentYears).toEqual(['2020', '2021']);
    const topTenth = (year: string) => {
      const m = raw.byYear.get(year)!;
      const cut = [...m.values()].sort((a, b) => b - a)[93]!;
      return new Set([...m].filter(([, v]) => v >= cut && v > 0).map(([k]) => k));
    };
    const a = topTenth('2020');
    const b = topTenth('2021');
    const both = [...a].filter((code) => b.has(code)).sort();
    expect(c.persistent!.map((p) => p.code).sort()).toEqual(both);
    expect(both.length).toBeGreaterThan(40);
    const withheld = await concentrationFigures(engine, TABLE, { indicatorId: INDICATOR, level: 'lsoa', listAreas: false });
    expect(withheld.persistent).toBeNull();
    expect(withheld.persistentReason).toMatch(/do not allow/);
  });
});

describe.skipIf(!REAL_PRESENT)(`real police.uk files under the usual analyst rules (skipped when ${REAL_MISSING_REASON})`, () => {
  let engine: Engine;
  let session: DashboardSession;
  let raw: Raw;
  beforeAll(async () => {
    raw = readRaw();
    ({ engine, session } = await startSession('protected'));
  }, 300_000);
  afterAll(() => engine?.close());

  it('a decile with any hidden LSOA is hidden; the others are the exact sums', async () => {
    const hidden = await engine.query<{ code: string }>(
      `SELECT area_code AS code FROM ${TABLE} WHERE indicator_id = '${INDICATOR}' AND level = 'lsoa' AND period = '2020' AND flag = 'c'`,
    );
    expect(hidden.length).toBeGreaterThan(0);
    const hiddenSet = new Set(hidden.map((h) => h.code));
    const f = await inequalityFigures(engine, TABLE, params);
    const expected = expectedGroups(raw, '2020', '2020', (l) => raw.decile.get(l)!, 10);
    f.national.groups.forEach((g, i) => {
      const members = raw.lsoas.filter((l) => raw.decile.get(l) === i + 1);
      const anyHidden = members.some((l) => hiddenSet.has(l));
      expect(g.flag).toBe(anyHidden ? 'c' : 'shown');
      expect(g.count).toBe(anyHidden ? null : expected[i]!.count);
      expect(g.hiddenAreas).toBe(members.filter((l) => hiddenSet.has(l)).length);
    });
    if (f.national.groups.some((g) => g.flag === 'c')) expect(f.national.sii).toMatchObject({ ok: false });
    const c = await concentrationFigures(engine, TABLE, { indicatorId: INDICATOR, level: 'lsoa', listAreas: true });
    expect(c.years.find((y) => y.year === '2020')).toMatchObject({ flag: 'c', total: null, gini: null, shares: [] });
  });

  it('the public may not be shown the list of named small areas by default', () => {
    const policy = session.getSnapshot().state.manifest!.disclosure;
    expect(allowsSmallAreaLists(policy.analyst, 'analyst')).toBe(true);
    expect(allowsSmallAreaLists(policy.public, 'public')).toBe(false);
    expect(allowsSmallAreaLists({ ...policy.public, listSmallAreas: true }, 'public')).toBe(true);
  });
});
