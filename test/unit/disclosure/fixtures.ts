import { AGE_BANDS, type AgeBand, type GeographyLevel, type Sex } from '../../../src/contract';
import type { AreaHierarchy, CubeCell, PeriodType } from '../../../src/disclosure';
import { seededUniform } from '../../../src/stats/seeded-random';

/** mulberry32 (the product's own, src/stats/seeded-random.ts), so random tables are the same on every run. */
export const prng = seededUniform;

/** Fisher-Yates with a seeded PRNG. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  const rnd = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One hand-made cell; defaults put it in a single month with no age or sex breakdown. */
export function cell(areaCode: string, level: GeographyLevel, count: number, over: Partial<CubeCell> = {}): CubeCell {
  return {
    indicatorId: 'assault',
    areaCode,
    level,
    period: '2024-01',
    periodType: 'month',
    ageBand: 'all',
    sex: 'all',
    count,
    ...over,
  };
}

export function hierarchyOf(pairs: Record<string, string>): AreaHierarchy {
  return { parentOf: new Map(Object.entries(pairs)) };
}

export interface AreaSpec {
  code: string;
  level: GeographyLevel;
  parent?: string;
  /** For areas outside the LSOA tree (wards): the leaf areas they are made of. */
  from?: string[];
}

export interface CubeSpec {
  indicatorId?: string;
  areas: AreaSpec[];
  /** Leaf months, YYYY-MM; quarters and years are added for the months present. */
  months: string[];
  ages: readonly AgeBand[];
  sexes: readonly Sex[];
  leaf: (area: string, month: string, age: AgeBand, sex: Sex) => number;
}

/** Builds the full cube (every level of every dimension, totals included) from leaf counts. */
export function makeCube(spec: CubeSpec): { cells: CubeCell[]; hierarchy: AreaHierarchy } {
  const indicatorId = spec.indicatorId ?? 'assault';
  const children = new Map<string, string[]>();
  for (const a of spec.areas) {
    if (a.parent && !a.from) children.set(a.parent, [...(children.get(a.parent) ?? []), a.code]);
  }
  const byCode = new Map(spec.areas.map((a) => [a.code, a]));
  const leavesOf = (code: string): string[] => {
    const a = byCode.get(code)!;
    if (a.from) return a.from.flatMap(leavesOf);
    const kids = children.get(code) ?? [];
    return kids.length === 0 ? [code] : kids.flatMap(leavesOf);
  };
  const nM = spec.months.length;
  const nG = spec.ages.length;
  const nS = spec.sexes.length;
  const leafCache = new Map<string, Float64Array>();
  const leafVec = (code: string): Float64Array => {
    let v = leafCache.get(code);
    if (!v) {
      v = new Float64Array(nM * nG * nS);
      let k = 0;
      for (const m of spec.months) for (const g of spec.ages) for (const s of spec.sexes) v[k++] = spec.leaf(code, m, g, s);
      leafCache.set(code, v);
    }
    return v;
  };

  const periods: { period: string; periodType: PeriodType; months: number[] }[] = spec.months.map((m, i) => ({
    period: m,
    periodType: 'month',
    months: [i],
  }));
  const group = (label: (m: string) => string, periodType: PeriodType): void => {
    const map = new Map<string, number[]>();
    spec.months.forEach((m, i) => map.set(label(m), [...(map.get(label(m)) ?? []), i]));
    for (const [period, months] of map) periods.push({ period, periodType, months });
  };
  group((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`, 'quarter');
  group((m) => m.slice(0, 4), 'year');
  const ages: { ageBand: AgeBand; idx: number[] }[] = [
    ...spec.ages.map((g, i) => ({ ageBand: g, idx: [i] })),
    ...(spec.ages.length > 1 || spec.ages[0] !== 'all' ? [{ ageBand: 'all' as const, idx: spec.ages.map((_, i) => i) }] : []),
  ];
  const sexes: { sex: Sex; idx: number[] }[] = [
    ...spec.sexes.map((s, i) => ({ sex: s, idx: [i] })),
    ...(spec.sexes.length > 1 || spec.sexes[0] !== 'all' ? [{ sex: 'all' as const, idx: spec.sexes.map((_, i) => i) }] : []),
  ];

  const cells: CubeCell[] = [];
  for (const a of spec.areas) {
    const base = new Float64Array(nM * nG * nS);
    for (const l of leavesOf(a.code)) {
      const v = leafVec(l);
      for (let k = 0; k < base.length; k++) base[k]! += v[k]!;
    }
    for (const p of periods) {
      for (const g of ages) {
        for (const s of sexes) {
          let sum = 0;
          for (const m of p.months) for (const gi of g.idx) for (const si of s.idx) sum += base[(m * nG + gi) * nS + si]!;
          cells.push({
            indicatorId,
            areaCode: a.code,
            level: a.level,
            period: p.period,
            periodType: p.periodType,
            ageBand: g.ageBand,
            sex: s.sex,
            count: sum,
          });
        }
      }
    }
  }
  const parentOf = new Map<string, string>();
  for (const a of spec.areas) if (a.parent) parentOf.set(a.code, a.parent);
  return { cells, hierarchy: { parentOf } };
}

export function monthsFrom(year: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}

/** A VRU area with districts, optional MSOAs, LSOAs and wards made of LSOAs. */
export function areaTree(districts: number, msoasPerDistrict: number, lsoasPerParent: number, wardsPerDistrict = 0): AreaSpec[] {
  const areas: AreaSpec[] = [{ code: 'V0', level: 'vru' }];
  for (let d = 0; d < districts; d++) {
    const dc = `D${String(d).padStart(2, '0')}`;
    areas.push({ code: dc, level: 'district', parent: 'V0' });
    const lsoas: string[] = [];
    const parents = msoasPerDistrict > 0 ? Array.from({ length: msoasPerDistrict }, (_, m) => `${dc}M${m}`) : [dc];
    for (const p of parents) {
      if (p !== dc) areas.push({ code: p, level: 'msoa', parent: dc });
      for (let l = 0; l < lsoasPerParent; l++) {
        const lc = `${p}L${String(l).padStart(2, '0')}`;
        areas.push({ code: lc, level: 'lsoa', parent: p });
        lsoas.push(lc);
      }
    }
    for (let w = 0; w < wardsPerDistrict; w++) {
      areas.push({
        code: `${dc}W${w}`,
        level: 'ward',
        parent: dc,
        from: lsoas.filter((_, i) => i % wardsPerDistrict === w),
      });
    }
  }
  return areas;
}

/** A cube with many small counts: leaf counts are geometric with a mean that varies by area. */
export function randomCube(
  seed: number,
  opts: { districts: number; msoas: number; lsoas: number; wards?: number; months: number; ages?: readonly AgeBand[] },
): { cells: CubeCell[]; hierarchy: AreaHierarchy } {
  const rnd = prng(seed);
  const areas = areaTree(opts.districts, opts.msoas, opts.lsoas, opts.wards ?? 0);
  const mean = new Map(areas.map((a) => [a.code, 0.3 + 3 * rnd()]));
  return makeCube({
    areas,
    months: monthsFrom(2023, opts.months),
    ages: opts.ages ?? AGE_BANDS,
    sexes: ['female', 'male'],
    leaf: (a) => Math.floor(-Math.log(1 - rnd()) * mean.get(a)!),
  });
}

/**
 * A cube shaped like the dashboard's demo data: one indicator by LSOA (through MSOAs and districts) and month
 * with no breakdown, and `districtIndicators` indicators by district, month, 8 age bands and sex. Means are per
 * leaf cell per month. About 610,000 cells with the defaults.
 */
export function demoLikeCube(
  seed: number,
  opts: { districts?: number; msoas?: number; lsoas?: number; months?: number; districtIndicators?: number } = {},
): { cells: CubeCell[]; hierarchy: AreaHierarchy } {
  const rnd = prng(seed);
  const districts = opts.districts ?? 14;
  const months = monthsFrom(2021, opts.months ?? 60);
  // Poisson (Knuth) with a mean jittered by up to +/-50%: over-dispersed like real counts, and deterministic.
  const poissonish = (mean: number): number => {
    const limit = Math.exp(-mean * (0.5 + rnd()));
    let k = 0;
    let p = rnd();
    while (p > limit) {
      k++;
      p *= rnd();
    }
    return k;
  };
  const lsoaAreas = areaTree(districts, opts.msoas ?? 13, opts.lsoas ?? 5);
  const lsoaMean = new Map(lsoaAreas.map((a) => [a.code, 0.4 + 2.2 * rnd() * rnd()]));
  const parts = [
    makeCube({
      indicatorId: 'violence_with_injury',
      areas: lsoaAreas,
      months,
      ages: ['all'],
      sexes: ['all'],
      leaf: (a) => poissonish(lsoaMean.get(a)!),
    }),
  ];
  const districtAreas = areaTree(districts, 0, 0).filter((a) => a.level !== 'lsoa');
  for (let i = 0; i < (opts.districtIndicators ?? 15); i++) {
    const scale = 0.3 + 6 * rnd() * rnd();
    const bandMean = new Map<AgeBand, number>(AGE_BANDS.map((g) => [g, scale * (0.2 + 1.6 * rnd())]));
    const areaMean = new Map(districtAreas.map((a) => [a.code, 0.5 + rnd()]));
    parts.push(
      makeCube({
        indicatorId: `district_indicator_${i + 1}`,
        areas: districtAreas,
        months,
        ages: AGE_BANDS,
        sexes: ['female', 'male'],
        leaf: (a, _m, g, s) => poissonish(bandMean.get(g)! * areaMean.get(a)! * (s === 'male' ? 1.3 : 0.7)),
      }),
    );
  }
  const parentOf = new Map<string, string>();
  for (const p of parts) for (const [c, par] of p.hierarchy.parentOf) parentOf.set(c, par);
  return { cells: parts.flatMap((p) => p.cells), hierarchy: { parentOf } };
}
