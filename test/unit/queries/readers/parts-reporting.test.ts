// Partial figures on the map: an area's total for a period is too low when some of its parts sent no data for some
// of its months (declared not reported). Such figures are marked and not compared, nor is anything compared with a
// whole area that is partial. Tested on the demo (its ambulance data lack Pendle for March and April 2023) and on
// real police.uk files with one district's LSOAs left out for two months, as a partner's extract might; the
// expected areas and months are worked out here from the inputs, not from the product's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import type { Manifest } from '../../../../src/contract';
import { monthsBetween } from '../../../../src/contract/months';
import { protectInline } from '../../../../src/disclosure/protect-inline';
import type { MapFiguresParams } from '../../../../src/queries/figures/map-area-figures';
import { incompleteMonths, reportingSourceOf, type ReportingSource } from '../../../../src/queries/readers/parts-reporting';
import { mapFigures } from '../../../../src/queries/readers/map-figures';
import { DashboardSession } from '../../../../src/session/dashboard-session';
import { readTrendLookups, readTrendSlices, sliceTrendSource } from '../../../../src/queries/readers/trend-slice';
import { trendSeries } from '../../../../src/queries/readers/read-trends';
import { sqlTrendSource } from '../../../fixtures/sql-trend-source';
import { restoreProtectedDemo } from '../../../fixtures/protected-demo';
import { INDICATOR, REAL_MISSING_REASON, REAL_PRESENT, realInputs } from '../../../fixtures/police-uk-real';

const TABLE = 'protected_analyst';

function paramsOf(manifest: Pick<Manifest, 'indicators'>, id: string, more: Partial<MapFiguresParams>): MapFiguresParams {
  const i = manifest.indicators.find((x) => x.id === id)!;
  return {
    indicatorId: id,
    level: 'district',
    month: null,
    age: 'all',
    sex: 'all',
    statistic: i.statistic,
    denominatorSource: i.denominatorSource,
    multiplier: i.multiplier,
    polarity: i.polarity,
    lowCountBelow: 10,
    ...more,
  };
}

describe('partial figures on the demo (Pendle sent no ambulance data for March and April 2023)', () => {
  let engine: Engine;
  let manifest: Manifest;
  let declaredSource: ReportingSource;
  const PENDLE = 'E07000122';
  beforeAll(async () => {
    engine = await createNodeEngine();
    const session = await restoreProtectedDemo(engine, 'raw');
    // The demo's absent rows read as zero: its coverage is its declaration.
    declaredSource = reportingSourceOf(true, TABLE, session.getSnapshot().absentRows);
    manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as Manifest;
  });
  afterAll(() => engine.close());

  // The gaps the manifest declares, per area and month, from the manifest itself.
  const declaredGap = (dataset: string) =>
    manifest.datasets.find((d) => d.id === dataset)!.coverage.notReported.flatMap((s) => (s.areas === 'all' ? [] : s.areas));

  for (const declared of [false, true]) {
    it(`${declared ? 'from the declared coverage' : 'from the protected monthly cells (as the snapshot opens)'}: Pendle and the whole area are partial in 2023, nobody else, and nothing is compared`, async () => {
      expect(declaredGap('nwas-ambulance')).toEqual([PENDLE]);
      const reporting: ReportingSource = declared ? declaredSource : { table: TABLE, declaredFor: [] };
      expect(reporting.declaredFor.includes('ambulance_assault_callouts')).toBe(declared);
      const f = await mapFigures(
        engine,
        TABLE,
        paramsOf(manifest, 'ambulance_assault_callouts', { month: '2023-06', level: 'district' }),
        undefined,
        reporting,
      );
      expect(f.period).toMatchObject({ type: 'month', period: '2023-06' });
      // June is complete everywhere.
      expect(f.areas.filter((a) => a.incompleteMonths > 0)).toEqual([]);

      const year = await incompleteMonths(
        engine,
        reporting,
        'ambulance_assault_callouts',
        ['district', 'vru'],
        Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
      );
      expect(year).toEqual(
        new Map([
          [PENDLE, 2],
          [manifest.area.code, 2],
        ]),
      );
    });
  }

  it('on the map, a quarter holding the gap marks Pendle and the whole area partial, and compares nobody', async () => {
    // By sex, districts are mapped by quarter: April 2023 for males maps 2023-Q2, whose April Pendle lacks.
    const q = await mapFigures(
      engine,
      TABLE,
      paramsOf(manifest, 'ambulance_assault_callouts', { month: '2023-04', sex: 'male' }),
    );
    expect(q.period).toMatchObject({ type: 'quarter', period: '2023-Q2' });
    expect(q.areas.filter((a) => a.incompleteMonths > 0).map((a) => [a.code, a.incompleteMonths])).toEqual([[PENDLE, 1]]);
    expect(q.benchmark!.incompleteMonths).toBe(1);
    expect(q.areas.every((a) => a.comparison === 'not-compared')).toBe(true);
    // The quarter after is complete: compared as ever.
    const before = await mapFigures(
      engine,
      TABLE,
      paramsOf(manifest, 'ambulance_assault_callouts', { month: '2023-07', sex: 'male' }),
    );
    expect(before.areas.filter((a) => a.incompleteMonths > 0)).toEqual([]);
    expect(before.benchmark!.incompleteMonths).toBe(0);
    expect(before.areas.some((a) => a.comparison !== 'not-compared')).toBe(true);
  });
});

const suite = REAL_PRESENT ? describe : describe.skip;
suite(`partial figures on real police.uk files (${REAL_PRESENT ? 'present' : `skipped: ${REAL_MISSING_REASON}`})`, () => {
  let engine: Engine;
  let lsoasOf: Map<string, string[]>;
  let months: string[];
  const LEFT_OUT = ['2021-03', '2021-04'];
  let district: string;
  let dropped: Set<string>;
  let DECLARED: ReportingSource;
  beforeAll(async () => {
    const inputs = realInputs('published');
    months = inputs.months;
    const areas = new TextDecoder()
      .decode(inputs.files.find((f) => f.name === 'areas.csv')!.bytes)
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    lsoasOf = new Map();
    for (const a of areas) if (a[2] === 'lsoa') lsoasOf.set(a.at(-1)!, [...(lsoasOf.get(a.at(-1)!) ?? []), a[0]!]);
    district = [...lsoasOf.keys()].sort()[0]!;
    const inDistrict = lsoasOf.get(district)!;
    dropped = new Set(inDistrict.slice(0, Math.floor(inDistrict.length / 2)));
    // The extract as a partner might send it: half that district's LSOAs absent for two months, and the manifest
    // declaring them not reported for those months; absent rows otherwise read as zero.
    const files = inputs.files.map((f) => {
      if (f.name === 'manifest.json') {
        const m = JSON.parse(new TextDecoder().decode(f.bytes)) as Manifest;
        const coverage = m.datasets[0]!.coverage;
        m.datasets[0]!.coverage = {
          ...coverage,
          absentRows: 'zero',
          notReported: [
            { areas: [...dropped], from: LEFT_OUT[0]!, to: LEFT_OUT[1]!, reason: 'not sent' },
            // The months police.uk has no file for, as its own import declares them.
            ...monthsBetween(months[0]!, months.at(-1)!)
              .filter((m) => !months.includes(m))
              .map((m) => ({ areas: 'all' as const, from: m, to: m, reason: 'no police.uk file' })),
          ],
        };
        return { ...f, bytes: new TextEncoder().encode(JSON.stringify(m)) };
      }
      if (f.name !== 'extracts.csv') return f;
      const lines = new TextDecoder().decode(f.bytes).split('\n');
      const kept = lines.filter((l) => {
        const [, period, area] = l.split(',');
        return !(LEFT_OUT.includes(period!) && dropped.has(area!));
      });
      return { ...f, bytes: new TextEncoder().encode(kept.join('\n')) };
    });
    engine = await createNodeEngine();
    const session = await DashboardSession.start(engine, protectInline);
    const outcomes = await session.load(files);
    expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
    await session.ensureProtected('analyst');
    DECLARED = reportingSourceOf(true, TABLE, session.getSnapshot().absentRows);
    expect(DECLARED.declaredFor).toEqual([INDICATOR]);
  }, 300_000);
  afterAll(() => engine?.close());

  const manifestOf = () => ({
    indicators: [
      { id: INDICATOR, statistic: 'rate', denominatorSource: 'population', multiplier: 1000, polarity: 'higher-is-worse' },
    ] as unknown as Manifest['indicators'],
  });

  it('the district half left out, and the whole area, are partial in 2021 by the declared coverage; every other district is complete', async () => {
    expect(months).toEqual(expect.arrayContaining(LEFT_OUT));
    const f = await mapFigures(engine, TABLE, paramsOf(manifestOf(), INDICATOR, { month: null }), undefined, DECLARED);
    expect(f.period).toMatchObject({ type: 'year', period: '2021' });
    expect(f.areas.filter((a) => a.incompleteMonths > 0).map((a) => [a.code, a.incompleteMonths])).toEqual([[district, 2]]);
    expect(f.benchmark!.incompleteMonths).toBe(2);
    expect(f.areas.every((a) => a.comparison === 'not-compared')).toBe(true);
    // The LSOAs left out too, each for the two months; the rest of that district's are complete.
    const lsoa = await mapFigures(
      engine,
      TABLE,
      paramsOf(manifestOf(), INDICATOR, { month: null, level: 'lsoa' }),
      undefined,
      DECLARED,
    );
    const partial = lsoa.areas.filter((a) => a.incompleteMonths > 0);
    expect(new Set(partial.map((a) => a.code))).toEqual(dropped);
    expect(partial.every((a) => a.incompleteMonths === 2)).toBe(true);
  });

  it("Trends mark that district's and the whole area's months partial, from the per-question SQL and from the slice alike", async () => {
    const indicator = {
      ...(manifestOf().indicators[0] as Manifest['indicators'][number]),
      title: 'Violence and sexual offences',
      unit: 'crimes',
      rateLabel: 'per 1,000 residents',
    } as Manifest['indicators'][number];
    const [slices, lookups] = await Promise.all([
      readTrendSlices(engine, TABLE, [INDICATOR], 'all', 'all', DECLARED),
      readTrendLookups(engine, 'all'),
    ]);
    const sources = [sqlTrendSource(engine, TABLE, DECLARED), sliceTrendSource(slices, lookups)];
    for (const source of sources) {
      for (const [code, partial] of [
        [district, LEFT_OUT],
        ['VRU', LEFT_OUT],
        [[...lsoasOf.keys()].sort()[1]!, []],
      ] as const) {
        const s = (await trendSeries(source, {
          indicator,
          areaCode: code,
          age: 'all',
          sex: 'all',
          lastPeriod: null,
          lowCountBelow: 10,
        }))!;
        expect(s.months.filter((m) => m.partial).map((m) => m.period)).toEqual(partial);
      }
    }
    // Read from the protected monthly cells alone (as a bundle would be), the district's own months look whole:
    // its LSOAs' months are not published. Which is why the session reads the declared coverage when it has it.
    const fromCells = (await trendSeries(sqlTrendSource(engine, TABLE), {
      indicator,
      areaCode: district,
      age: 'all',
      sex: 'all',
      lastPeriod: null,
      lowCountBelow: 10,
    }))!;
    expect(fromCells.months.filter((m) => m.partial)).toEqual([]);
  });

  it('where absent rows read as not reported, only what is published says which parts reported', async () => {
    // Then the coverage is which rows are present: if the extract in fact left out its zero rows, an LSOA's
    // months without a row would be months nobody was counted in, which the LSOA's published year does not tell.
    const notReported = reportingSourceOf(true, TABLE, [{ indicatorId: INDICATOR, reading: 'notReported' }]);
    expect(notReported.declaredFor).toEqual([]);
    const lsoa = await mapFigures(
      engine,
      TABLE,
      paramsOf(manifestOf(), INDICATOR, { month: null, level: 'lsoa' }),
      undefined,
      notReported,
    );
    expect(lsoa.areas.filter((a) => a.incompleteMonths > 0)).toEqual([]);
    // The districts' published months still show a district none of whose parts reported; this one half reported.
    const districts = await mapFigures(engine, TABLE, paramsOf(manifestOf(), INDICATOR, { month: null }), undefined, notReported);
    expect(districts.areas.filter((a) => a.incompleteMonths > 0)).toEqual([]);
  });

  it('the months police.uk lacks for everyone (2020-06, 08, 09) make a shorter period, not partial areas', async () => {
    const f = await mapFigures(
      engine,
      TABLE,
      paramsOf(manifestOf(), INDICATOR, { month: null, level: 'lsoa' }),
      undefined,
      DECLARED,
    );
    expect(f.period!.months).toBe(months.filter((m) => m.startsWith('2021')).length);
    const y2020 = await incompleteMonths(
      engine,
      DECLARED,
      INDICATOR,
      ['lsoa', 'district', 'vru'],
      months.filter((m) => m.startsWith('2020')),
    );
    expect(y2020.size).toBe(0);
  });
});
