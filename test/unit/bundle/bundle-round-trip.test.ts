import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAsRecipient, hierarchyFrom, type BundleCell } from '../../../src/bundle/audit-bundle';
import {
  BUNDLE_FILE_NAMES,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_1,
  METHOD_NOT_RECORDED,
  sha256Hex,
  type BundleMetadata,
} from '../../../src/bundle/bundle-format';
import { AUDIT_METHOD } from '../../../src/disclosure/audit-method';
import { readBundle } from '../../../src/bundle/open-bundle';
import { publishBundle, type PublishedBundle } from '../../../src/bundle/publish-bundle';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { createNodeEngine } from '../../../src/engine/node-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { protectedTable } from '../../../src/disclosure/protected-tables';
import { loadedPeriods } from '../../../src/queries/readers/area-list';
import { briefingFigures } from '../../../src/queries/readers/briefing-figures';
import { catalogueSummary } from '../../../src/queries/readers/catalogue-summary';
import { coverageMatrix } from '../../../src/queries/readers/coverage-matrix';
import { loadedRows } from '../../../src/queries/readers/loaded-rows';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { restoreProtectedDemo } from '../../fixtures/protected-demo';

let analystEngine: Engine;
let partnerEngine: Engine;
let analyst: DashboardSession;
let partner: DashboardSession;
let bundle: PublishedBundle;

const fileOf = (name: string) => bundle.files.find((f) => f.name === name)!;
const ab = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

beforeAll(async () => {
  analystEngine = await createNodeEngine();
  // The demo as loaded and protected for every audience, once per test run (test/fixtures/demo-snapshot-cache.ts).
  analyst = await restoreProtectedDemo(analystEngine, 'raw');
  expect((await analyst.ensureProtected('partner')).audit.pass).toBe(true);
  const t0 = performance.now();
  bundle = await publishBundle(analystEngine, {
    audience: 'partner',
    levels: ['vru', 'district'],
    manifest: analyst.getSnapshot().state.manifest!,
  });
  console.log(`published ${bundle.metadata.cells} cells in ${Math.round(performance.now() - t0)} ms`, bundle.metadata.audit);

  partnerEngine = await createNodeEngine();
  partner = await DashboardSession.start(partnerEngine, protectInline);
  const t1 = performance.now();
  await partner.openBundle(bundle.files, 'test');
  console.log(`opened in ${Math.round(performance.now() - t1)} ms`);
}, 600_000);

afterAll(async () => {
  await analystEngine?.close();
  await partnerEngine?.close();
});

describe('a partner bundle, published and opened with the real engine', () => {
  it('holds bundle.json, the manifest, the cells and the two public lookups, each matching its checksum', async () => {
    expect(bundle.files.map((f) => f.name)).toEqual([
      BUNDLE_FILE_NAMES.metadata,
      BUNDLE_FILE_NAMES.manifest,
      BUNDLE_FILE_NAMES.cells,
      BUNDLE_FILE_NAMES.areas,
      BUNDLE_FILE_NAMES.population,
    ]);
    for (const entry of bundle.metadata.files) {
      const f = fileOf(entry.name);
      expect(f.bytes.byteLength).toBe(entry.bytes);
      expect(await sha256Hex(f.bytes)).toBe(entry.sha256);
    }
    const meta = JSON.parse(new TextDecoder().decode(fileOf('bundle.json').bytes)) as BundleMetadata;
    expect(meta).toMatchObject({ audience: 'partner', levels: ['vru', 'district'], format: BUNDLE_FORMAT });
    const manifest = JSON.parse(new TextDecoder().decode(fileOf('bundle-manifest.json').bytes));
    expect(manifest.files.extracts).toEqual([]);
    expect(manifest).not.toHaveProperty('bundle');
  });

  it('cells.parquet has no count column, and no suppressed cell carries a value', async () => {
    const bytes = ab(fileOf('cells.parquet').bytes);
    const names = parquetMetadata(bytes)
      .schema.slice(1)
      .map((s) => s.name);
    expect(names).toEqual(['indicator_id', 'area_code', 'level', 'period', 'period_type', 'age_band', 'sex', 'value', 'flag']);
    const rows = (await parquetReadObjects({ file: bytes })) as { level: string; value: number | null; flag: string }[];
    expect(rows.length).toBe(bundle.metadata.cells);
    expect(rows.filter((r) => r.flag === 'c' && r.value !== null)).toEqual([]);
    expect(rows.filter((r) => r.flag !== 'c' && r.value === null)).toEqual([]);
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['vru', 'district']));
    // Partner rules: every shown figure is a multiple of 5 (zeros are exact), nothing from 1 to 7 shows.
    expect(rows.filter((r) => r.value !== null && r.value % 5 !== 0)).toEqual([]);
    expect(rows.filter((r) => r.value !== null && r.value >= 1 && r.value <= 7)).toEqual([]);
    expect(rows.filter((r) => r.flag === 'c').length).toBe(bundle.metadata.suppressed);
    expect(bundle.metadata.suppressed).toBeGreaterThan(0);
  });

  it('passes the disclosure audit as published (small cells known) and as received (only c)', () => {
    const [publisher, recipient] = bundle.metadata.audit;
    expect(publisher).toEqual({ model: 'publisher', pass: true, method: AUDIT_METHOD });
    expect(recipient).toEqual({ model: 'recipient', pass: true, method: AUDIT_METHOD });
    expect(partner.getSnapshot().bundle?.audits.at(-1)).toMatchObject({ model: 'recipient', pass: true });
  });

  // Safety relies on an attacker not knowing which hidden cells are small, nor how many: bundle.json may carry the
  // number of cells and of 'c' cells (anyone can count those in cells.parquet), file sizes, and nothing else countable.
  it('bundle.json says nothing about the hidden cells beyond c and the rules: every field walked', async () => {
    const json: unknown = JSON.parse(new TextDecoder().decode(fileOf('bundle.json').bytes));
    const numbers: string[] = [];
    const keys = new Set<string>();
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number') numbers.push(path.replace(/\.\d+(?=\.|$)/g, '[]'));
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x, path ? `${path}.${k}` : k);
        }
    };
    walk(json, '');
    expect([...new Set(numbers)].sort()).toEqual(['cells', 'files[].bytes', 'suppressed']);
    expect([...keys].filter((k) => /small|primary|secondary|checked|unsafe|narrow|reason|contradiction/i.test(k))).toEqual([]);
    // Nor, in any field, the number of hidden cells that are small (the publisher's count, from the cube).
    const policy = analyst.getSnapshot().state.manifest!.disclosure.partner;
    const [small] = await analystEngine.query<{ n: number }>(`
      SELECT count(*)::DOUBLE AS n FROM protected_partner p JOIN cube c USING (indicator_id, area_code, level, period, period_type, age_band, sex)
      WHERE p.level IN ('vru', 'district') AND p.flag = 'c' AND c.count <= ${policy.suppressBelowOrEqual}
        AND (c.count > 0 OR NOT ${policy.showZeros})`);
    expect(small!.n).toBeGreaterThan(0);
    expect(new TextDecoder().decode(fileOf('bundle.json').bytes)).not.toMatch(new RegExp(`\\b${small!.n}\\b`));
  });

  it('opens a bundle of format 1, reading past the counts of hidden cells it carried, and refuses an unknown format', async () => {
    const meta = JSON.parse(new TextDecoder().decode(fileOf('bundle.json').bytes)) as BundleMetadata;
    const format1 = {
      ...meta,
      format: BUNDLE_FORMAT_1,
      audit: meta.audit.map(({ pass, model }) => ({ pass, model, checked: 1234, unsafe: 0, contradictions: 0 })),
    };
    const withMetadata = (m: unknown) =>
      bundle.files.map((f) => (f.name === 'bundle.json' ? { ...f, bytes: new TextEncoder().encode(JSON.stringify(m)) } : f));
    const old = await readBundle(withMetadata(format1));
    expect(old.metadata.audit).toEqual([
      { model: 'publisher', pass: true, method: METHOD_NOT_RECORDED },
      { model: 'recipient', pass: true, method: METHOD_NOT_RECORDED },
    ]);
    const engine = await createNodeEngine();
    try {
      const session = await DashboardSession.start(engine, protectInline);
      const info = await session.openBundle(withMetadata(format1), 'test');
      expect(JSON.stringify(info)).not.toContain('1234');
      expect(JSON.stringify(session.getSnapshot().protection)).not.toContain('1234');
    } finally {
      await engine.close();
    }
    await expect(readBundle(withMetadata({ ...meta, format: 'vrn-dashboard-bundle/9' }))).rejects.toThrow(
      /bundle\.json is not a dashboard bundle: format .*vrn-dashboard-bundle\/2/,
    );
  });

  it('opens into the partner table alone: no extracts, no cube, no other audience', async () => {
    const snap = partner.getSnapshot();
    expect(snap.bundle).toMatchObject({ audience: 'partner', levels: ['vru', 'district'] });
    expect(snap.state.manifest?.title).toBe(analyst.getSnapshot().state.manifest?.title);
    const tables = (await partnerEngine.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables')).map(
      (r) => r.t,
    );
    expect(tables).toContain('protected_partner');
    expect(tables).not.toContain('cube');
    expect(tables).not.toContain('protected_analyst');
    const [extracts] = await partnerEngine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM extracts');
    expect(extracts?.n).toBe(0);
    await expect(partner.ensureProtected('analyst')).rejects.toThrow(/partner audience only/);
    await expect(partner.ensureProtected('partner')).resolves.toMatchObject({ cells: bundle.metadata.cells });
  });

  it('lists the same months and catalogue from the bundle (which has no extracts) as from the full data', async () => {
    const fromBundle = loadedRows(protectedTable('partner'));
    const months = await loadedPeriods(partnerEngine, fromBundle);
    expect(months).toEqual(await loadedPeriods(analystEngine));
    expect(months).toHaveLength(60);
    const coverage = await coverageMatrix(partnerEngine, fromBundle);
    expect(coverage.periods).toEqual(months);
    expect(coverage.cells.length).toBeGreaterThan(0);
    const catalogue = await catalogueSummary(partnerEngine, fromBundle);
    const full = await catalogueSummary(analystEngine);
    expect(catalogue.map((c) => [c.indicatorId, c.firstPeriod, c.lastPeriod])).toEqual(
      full.map((c) => [c.indicatorId, c.firstPeriod, c.lastPeriod]),
    );
  });

  it('gives the partner exactly the cells the analyst would see under partner rules', async () => {
    const q = `SELECT indicator_id, area_code, period, age_band, sex, value, flag FROM protected_partner
               WHERE level IN ('vru', 'district') ORDER BY ALL`;
    const [a, p] = [await analystEngine.query(q), await partnerEngine.query(q)];
    expect(p.length).toBe(a.length);
    expect(p).toEqual(a);
  });

  it('the briefing reads the same figures from the bundle as from the full data', async () => {
    const manifest = analyst.getSnapshot().state.manifest!;
    const req = { indicators: manifest.indicators, area: null, endMonth: null, policy: manifest.disclosure.partner };
    const fromData = await briefingFigures(analystEngine, 'protected_partner', req);
    const fromBundle = await briefingFigures(partnerEngine, 'protected_partner', req);
    expect(fromBundle).toEqual(fromData);
    expect(
      fromBundle.measures
        .filter((m) => m.homeOffice)
        .map((m) => m.indicator.id)
        .sort(),
    ).toEqual(['hes_sharp_object_admissions', 'homicides_u25', 'knife_serious_violence_u25']);
  });

  it('refuses a bundle whose cells carry a count column, even with matching checksums', async () => {
    const rows = (await parquetReadObjects({ file: ab(fileOf('cells.parquet').bytes) })) as Record<
      string,
      string | number | null
    >[];
    const col = (n: string) => rows.map((r) => r[n]);
    const tampered = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          ...['indicator_id', 'area_code', 'level', 'period', 'period_type', 'age_band', 'sex'].map((n) => ({
            name: n,
            data: col(n),
            type: 'STRING' as const,
          })),
          { name: 'value', data: col('value'), type: 'DOUBLE' },
          { name: 'flag', data: col('flag'), type: 'STRING' },
          { name: 'count', data: rows.map(() => 3), type: 'DOUBLE' },
        ],
      }),
    );
    const meta = structuredClone(bundle.metadata);
    const entry = meta.files.find((f) => f.role === 'cells')!;
    entry.bytes = tampered.byteLength;
    entry.sha256 = await sha256Hex(tampered);
    const files = [
      { name: 'bundle.json', bytes: new TextEncoder().encode(JSON.stringify(meta)) },
      ...bundle.files.filter((f) => f.name !== 'bundle.json' && f.name !== 'cells.parquet'),
      { name: 'cells.parquet', bytes: tampered },
    ];
    await expect(readBundle(files)).rejects.toThrow(/columns a bundle must not hold \(count\)/);
  });

  it('refuses a file that is not the one published', async () => {
    const files = bundle.files.map((f) => (f.name === 'areas.parquet' ? { ...f, bytes: f.bytes.slice(0, -1) } : f));
    await expect(readBundle(files)).rejects.toThrow(/not the file the bundle was published with/);
  });

  it("the recipient's audit catches a small cell left open to subtraction", () => {
    const cell = (areaCode: string, level: 'vru' | 'district', value: number | null, flag: BundleCell['flag']): BundleCell => ({
      indicatorId: 'x',
      areaCode,
      level,
      period: '2025',
      periodType: 'year',
      ageBand: 'all',
      sex: 'all',
      value,
      flag,
    });
    const hierarchy = hierarchyFrom([
      { code: 'V', parent_code: null },
      { code: 'A', parent_code: 'V' },
      { code: 'B', parent_code: 'V' },
    ]);
    const policy = { suppressBelowOrEqual: 7, roundTo: 1, showZeros: true };
    // Total 20 and one part 17 shown: the hidden part is exactly 3.
    expect(
      auditAsRecipient(
        [cell('V', 'vru', 20, 'shown'), cell('A', 'district', 17, 'shown'), cell('B', 'district', null, 'c')],
        policy,
        hierarchy,
      ),
    ).toMatchObject({
      pass: false,
      unsafe: 1,
    });
    // With the total hidden too, nothing can be worked out.
    expect(
      auditAsRecipient(
        [cell('V', 'vru', null, 'c'), cell('A', 'district', 17, 'shown'), cell('B', 'district', null, 'c')],
        policy,
        hierarchy,
      ),
    ).toMatchObject({
      pass: true,
      checked: 2,
    });
  });
});
