// Open data already published (police.uk) keep their exact counts for every audience; every other dataset keeps
// its rules, on the real engine, on a hand-made contract and on the real police.uk files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedIndicatorIds, rulesFor, type Audience } from '../../../src/contract';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { protectedTable } from '../../../src/disclosure/protected-tables';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { loadMiniSession, miniExtractsCsv, mixedManifest } from '../../fixtures/mini-contract';
import { INDICATOR, realInputs, REAL_MISSING_REASON, REAL_PRESENT } from '../../fixtures/police-uk-real';

interface Cell {
  indicator_id: string;
  area_code: string;
  period: string;
  age_band: string;
  sex: string;
  value: number | null;
  flag: string;
  count: number;
}

/** Every protected cell beside the count it protects. */
function cellsWithCounts(engine: Engine, table: string, where = 'true'): Promise<Cell[]> {
  return engine.query<Cell & Record<string, string | number | null>>(`
    SELECT p.indicator_id, p.area_code, p.period, p.age_band, p.sex, CAST(p.value AS DOUBLE) AS value, p.flag,
           CAST(c.count AS DOUBLE) AS count
    FROM ${table} p JOIN cube c USING (indicator_id, area_code, period, age_band, sex)
    WHERE ${where} ORDER BY ALL`);
}

/** Protects the audience's table, saying whether the session showed rules being applied meanwhile. */
async function protectWatched(session: DashboardSession, audience: Audience): Promise<boolean> {
  let shown = false;
  const stop = session.subscribe(() => {
    shown ||= session.getSnapshot().protecting !== null;
  });
  try {
    await session.ensureProtected(audience);
  } finally {
    stop();
  }
  return shown;
}

describe('a published dataset beside one of the partnership’s own', () => {
  let engine: Engine;
  let session: DashboardSession;
  let applyingShown = false;
  beforeAll(async () => {
    ({ engine, session } = await loadMiniSession(mixedManifest(), [{ name: 'extracts.csv', text: miniExtractsCsv }]));
    applyingShown = await protectWatched(session, 'public');
  }, 120_000);
  afterAll(() => engine?.close());

  it('the rules being applied to the own data show their progress', () => {
    expect(applyingShown).toBe(true);
  });

  it('the manifest says which indicators are open data, and the label beside them says their counts are exact', () => {
    const manifest = session.getSnapshot().state.manifest;
    expect(publishedIndicatorIds(manifest)).toEqual(['vwi']);
    expect(rulesFor(manifest, 'public', ['vwi'])).toBe('Published open data: exact counts');
    expect(rulesFor(manifest, 'public', ['reoff'])).toBe('Public disclosure rules');
    expect(rulesFor(manifest, 'public', ['vwi', 'reoff'])).toBe('Public disclosure rules; published open data: exact counts');
  });

  it('the public sees every published count exactly, small ones included', async () => {
    const cells = await cellsWithCounts(engine, protectedTable('public'), "indicator_id = 'vwi'");
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells)
      expect([c.value, c.flag], `${c.area_code} ${c.period} ${c.age_band} ${c.sex}`).toEqual([c.count, 'shown']);
    // The 3 and the 9 would be hidden under the public's rules (1 to 9 hidden), and the 12 rounded.
    expect(cells.filter((c) => c.count >= 1 && c.count <= 9).length).toBeGreaterThanOrEqual(2);
  });

  it('the partnership’s own figures keep the public’s rules: small counts hidden, others rounded to 5', async () => {
    const cells = await cellsWithCounts(engine, protectedTable('public'), "indicator_id LIKE 'reoff%'");
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      if (c.count >= 1 && c.count <= 9) expect(c.flag, `${c.indicator_id} ${c.area_code} ${c.period}`).toBe('c');
      if (c.flag !== 'c' && c.count > 0) expect(c.value! % 5).toBe(0);
    }
    expect(cells.find((c) => c.indicator_id === 'reoff' && c.area_code === 'D1' && c.period === '2024-01')).toMatchObject({
      value: null,
      flag: 'c',
    });
  });
});

describe.skipIf(!REAL_PRESENT)(`the real police.uk files, published open data (skipped when ${REAL_MISSING_REASON})`, () => {
  let engine: Engine;
  let applyingShown = true;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const session = await DashboardSession.start(engine, protectInline);
    const inputs = realInputs('published');
    const outcomes = await session.load(inputs.files);
    expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
    applyingShown = await protectWatched(session, 'public');
  }, 300_000);
  afterAll(() => engine?.close());

  it('shows no disclosure rules being applied: none applies to open data', () => {
    expect(applyingShown).toBe(false);
  });

  it('the public sees every LSOA, district and area count exactly, however small', async () => {
    const cells = await cellsWithCounts(engine, protectedTable('public'), `indicator_id = '${INDICATOR}'`);
    const wrong = cells.filter((c) => c.value !== c.count || c.flag !== 'shown');
    expect(wrong.slice(0, 5)).toEqual([]);
    // Thousands of LSOA years count 1 to 9 crimes: all of them would be hidden under the public's rules.
    expect(cells.filter((c) => c.count >= 1 && c.count <= 9).length).toBeGreaterThan(100);
  });
});
