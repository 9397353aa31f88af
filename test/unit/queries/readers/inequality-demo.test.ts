// The deprivation and concentration queries on the embedded demo (synthetic, 941 real LSOA codes) under analyst
// rules, with the real IMD 2019 deciles put into area_deprivation by plain SQL: every group and year follows
// the grouping rule exactly (hidden when any part is hidden, else the sum of the protected cells).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../../src/engine/engine-types';
import { createNodeEngine } from '../../../../src/engine/node-engine';
import { concentrationFigures } from '../../../../src/queries/readers/concentration-figures';
import { inequalityFigures } from '../../../../src/queries/readers/inequality-figures';
import { splitCsvLine } from '../../../fixtures/csv-line';
import { gzLines, IMD_FILE } from '../../../fixtures/police-uk-real';
import { DEMO_TABLE, loadProtectedDemo } from '../../../fixtures/protected-demo';

const IND = 'police_violence_with_injury';

describe.skipIf(!existsSync(IMD_FILE))(`demo under analyst rules, IMD deciles from ${IMD_FILE} (skipped when absent)`, () => {
  let engine: Engine;
  let before: Awaited<ReturnType<typeof inequalityFigures>>;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await loadProtectedDemo(engine);
    before = await inequalityFigures(engine, DEMO_TABLE, { indicatorId: IND, month: null, multiplier: 1000, rates: true });
    const codes = new Set(
      (await engine.query<{ code: string }>(`SELECT code FROM areas WHERE level = 'lsoa'`)).map((r) => r.code),
    );
    const values = gzLines(IMD_FILE)
      .slice(1)
      .map(splitCsvLine)
      .filter((f) => codes.has(f[0]!))
      .map((f) => `('${f[0]}', ${f[4]!.replace(/,/g, '')}, ${f[5]}, NULL, 'IMD 2019')`);
    await engine.exec(
      'CREATE TABLE area_deprivation (area_code VARCHAR, imd_rank INTEGER, imd_decile INTEGER, imd_score DOUBLE, source VARCHAR)',
    );
    await engine.exec(
      `INSERT INTO area_deprivation (area_code, imd_rank, imd_decile, imd_score, source) VALUES ${values.join(', ')}`,
    );
  }, 300_000);
  afterAll(() => engine?.close());

  it('with no deprivation lookup loaded, no area is ranked and every group is empty', () => {
    expect(before.ranked).toBe(0);
    expect(before.unranked).toBe(941);
    expect(before.national.groups.every((g) => g.areas === 0 && g.flag === 'x')).toBe(true);
  });

  it('each decile is hidden when any of its LSOAs is, and otherwise is the sum of their protected cells', async () => {
    const f = await inequalityFigures(engine, DEMO_TABLE, { indicatorId: IND, month: null, multiplier: 1000, rates: true });
    expect(f.period?.period).toBe('2025');
    expect(f.ranked).toBe(941);
    const cells = await engine.query<{ decile: number; value: number | null; flag: string }>(`
      SELECT d.imd_decile AS decile, p.value::DOUBLE AS value, p.flag FROM ${DEMO_TABLE} p
      JOIN area_deprivation d ON d.area_code = p.area_code
      WHERE p.indicator_id = '${IND}' AND p.level = 'lsoa' AND p.period = '2025' AND p.age_band = 'all' AND p.sex = 'all'`);
    for (const g of f.national.groups) {
      const parts = cells.filter((c) => c.decile === g.group);
      const hidden = parts.filter((c) => c.flag === 'c').length;
      expect(g.hiddenAreas).toBe(hidden);
      expect(g.flag).toBe(hidden > 0 ? 'c' : 'shown');
      expect(g.count).toBe(hidden > 0 ? null : parts.reduce((s, c) => s + c.value!, 0));
      if (hidden > 0) expect(g.rateFlag).toBe('c');
    }
    // About a third of the demo's LSOAs are hidden under analyst rules, so no decile survives and no line is fitted.
    expect(f.national.sii).toEqual({ ok: false, reason: expect.stringMatching(/hidden to protect privacy/) });
    expect(f.national.gap).toBeNull();
  });

  it('concentration is not given for a year in which any area is hidden', async () => {
    const c = await concentrationFigures(engine, DEMO_TABLE, { indicatorId: IND, level: 'lsoa', listAreas: true });
    expect(c.years.map((y) => y.year)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    for (const y of c.years) {
      expect(y.hiddenAreas).toBeGreaterThan(0);
      expect(y).toMatchObject({ flag: 'c', gini: null, total: null, shares: [], curve: [] });
    }
    expect(c.change).toBeNull();
    expect(c.persistent).toBeNull();
    expect(c.persistentReason).toMatch(/at least two years/);
  });
});
