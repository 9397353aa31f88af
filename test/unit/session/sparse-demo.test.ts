import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { DashboardSession } from '../../../src/session/dashboard-session';
import type { InputFile } from '../../../src/import/load-files';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';
import { readDemoFiles } from '../../../scripts/build-demo-snapshot';
import { declaredNotReportedProblems } from '../../../src/import/zero-rows-given';
import type { Manifest } from '../../../src/contract';

/**
 * Real extracts leave out their zero rows. The demo declares its coverage and that absent rows are zero, so the
 * demo with every zero row removed must give the same cube and the same protected tables as the demo with them:
 * otherwise a published cell's existence would say whether anyone was counted in it.
 */
const demoFiles = (): InputFile[] => readDemoFiles('data');

/** A row that counts nobody: no events, and no denominator to carry (a proportion's cohort is a count too). */
const ZERO_ROW = 'count = 0 AND coalesce(denominator, 0) = 0';
const KEY = 'indicator_id, level, area_code, period_type, period, age_band, sex';

let dense: { engine: Engine; session: DashboardSession };
let sparse: { engine: Engine; session: DashboardSession };
let zeroRows = 0;

async function start(files: InputFile[]) {
  const engine = await createNodeEngine();
  const session = await DashboardSession.start(engine, protectInline);
  const outcomes = await session.load(files, undefined, { demo: true });
  expect(outcomes.filter((o) => o.status !== 'loaded' && o.file !== 'extracts.parquet')).toEqual([]);
  return { engine, session };
}

beforeAll(async () => {
  // The dense demo: the build's snapshot (every audience protected, checked against an ordinary load in
  // demo-snapshot.test.ts) with its files loaded beside it, so its extracts and cube are here too.
  const engine = await createNodeEngine();
  dense = { engine, session: await restoreProtectedDemo(engine, 'raw') };
  const [z] = await dense.engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM extracts WHERE ${ZERO_ROW}`);
  zeroRows = z?.n ?? 0;
  // The same extract as an agency would send it, zero rows left out, in a format the import reads (Arrow).
  const ipc = await dense.engine.queryIpc(
    `SELECT indicator_id, period, area_code, age_band, sex, count, denominator FROM extracts WHERE NOT (${ZERO_ROW})`,
  );
  const files = demoFiles().filter((f) => f.name !== 'extracts.parquet');
  sparse = await start([...files, { name: 'extracts.arrow', bytes: ipc }]);
}, 300_000);
afterAll(async () => {
  await dense?.engine.close();
  await sparse?.engine.close();
});

const rows = (engine: Engine, table: string, columns: string) => engine.query(`SELECT ${columns} FROM ${table} ORDER BY ${KEY}`);

describe('the demo without its zero rows (real engine)', () => {
  it('really leaves rows out', async () => {
    console.log(`zero rows removed: ${zeroRows}`);
    expect(zeroRows).toBeGreaterThan(1000);
    const [n] = await sparse.engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM extracts WHERE ${ZERO_ROW}`);
    expect(n?.n).toBe(0);
  });

  it('builds exactly the same cube', async () => {
    const a = await rows(dense.engine, 'cube', `${KEY}, count`);
    const b = await rows(sparse.engine, 'cube', `${KEY}, count`);
    console.log(`cube cells: ${a.length}`);
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toEqual(a);
  });

  it('gives protection exactly the same input for every audience, and so the same tables', { timeout: 300_000 }, async () => {
    // What protectCubeTable hands the protection, for either demo: the cube's cells (the same, by the test above,
    // though the sparse cube numbers them in another order), the area hierarchy, and the audience's policy from
    // the manifest. The same cells give the same tables, in whatever order they come (protect-cube.test.ts).
    const input = async ({ engine, session }: { engine: Engine; session: DashboardSession }) => ({
      parents: await engine.query('SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL ORDER BY ALL'),
      policies: session.getSnapshot().state.manifest?.disclosure,
    });
    const [a, b] = [await input(dense), await input(sparse)];
    expect(b.parents.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    // And the argument checked once on the real thing: the analyst table, the most detailed, protected from the
    // sparse demo equals the build's own, protected from the dense one.
    await sparse.session.ensureProtected('analyst');
    const cols = `${KEY}, value, flag`;
    const dt = await rows(dense.engine, 'protected_analyst', cols);
    expect(dt.length).toBeGreaterThan(10_000);
    expect(await rows(sparse.engine, 'protected_analyst', cols)).toEqual(dt);
  });

  it('reports every covered area and month in the coverage matrix, whether or not it had a row', async () => {
    const a = await dense.engine.query(`SELECT * FROM declared_coverage ORDER BY ALL`);
    const b = await sparse.engine.query(`SELECT * FROM declared_coverage ORDER BY ALL`);
    expect(b).toEqual(a);
  });

  // Read as not reported, an extract that leaves its zeros out would show each place and group with nobody
  // counted as a gap (src/import/zero-rows-given.ts). Writing some zeros does not hide that.
  it("is taken for an extract that leaves its zeros out though it writes some: its proportions' or its totals'", async () => {
    const declared = (m: Manifest): Manifest => ({
      ...m,
      datasets: m.datasets.map((d) => ({ ...d, coverage: { ...d.coverage, absentRows: 'notReported' } })),
    });
    const manifest = declared(dense.session.getSnapshot().state.manifest!);
    // The demo as shipped writes every zero: nothing to say.
    expect(await declaredNotReportedProblems(dense.engine, 'extracts.parquet', 'extracts', manifest)).toEqual([]);
    const warned = async (engine: Engine, table: string) =>
      (await declaredNotReportedProblems(engine, 'extracts', table, manifest)).map((p) => `${p.severity}: ${p.message}`);
    const gaps =
      /^warning: has no row for \S+ \((all ages|aged [^,]+), (persons|females|males)\) in \d{4}-\d\d but has rows for \d{4}-\d\d and \d{4}-\d\d, like \d+% of the months between rows it gives, though its manifest/;
    // The sparse demo keeps the zero rows of proportions whose cohort is not 0, so "no zero row" alone missed it.
    expect(await warned(sparse.engine, 'extracts')).toEqual([expect.stringMatching(gaps)]);
    await dense.engine.exec(
      `CREATE OR REPLACE TEMP TABLE totals_zeros_only AS SELECT * FROM extracts WHERE NOT (${ZERO_ROW}) OR (age_band = 'all' AND sex = 'all')`,
    );
    expect(await warned(dense.engine, 'totals_zeros_only')).toEqual([expect.stringMatching(gaps)]);
  });
});
