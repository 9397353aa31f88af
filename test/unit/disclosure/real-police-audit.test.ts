// Safety on a real extract, judged from outside the project's code: the real police.uk Lancashire street files
// (24 months of violence and sexual offences by LSOA) read as if they were an agency's own extract, so every
// audience's rules apply, loaded, built and protected through the dashboard's own session on the real engine, then
// attacked by the independent auditor's LP (independent-auditor.ts: its own relations and LP text, nothing from
// src/disclosure) with everything each audience is shown, under both attacker models.
import loadHighs, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, type Audience } from '../../../src/contract';
import type { CubeCell, ProtectedCell } from '../../../src/disclosure/cube-types';
import { LP_AUDIT_METHOD } from '../../../src/disclosure/audit-method';
import { protectInline } from '../../../src/disclosure/protect-inline';
import { protectedTable } from '../../../src/disclosure/protected-tables';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { DashboardSession } from '../../../src/session/dashboard-session';
import { REAL_MISSING_REASON, REAL_PRESENT, realInputs } from '../../fixtures/police-uk-real';
import { lpFindings, relationsOf, type Model } from './independent-auditor';

const MODELS: Model[] = ['sees-c', 'knows-small'];

describe.skipIf(!REAL_PRESENT)(
  `the real police.uk files as an agency's own extract (skipped when ${REAL_MISSING_REASON})`,
  () => {
    let engine: Engine;
    let session: DashboardSession;
    let highs: Highs;
    beforeAll(async () => {
      engine = await createNodeEngine();
      session = await DashboardSession.start(engine, protectInline);
      const outcomes = await session.load(realInputs('protected').files);
      expect(outcomes.filter((o) => o.status !== 'loaded')).toEqual([]);
      highs = await loadHighs();
    }, 300_000);
    afterAll(() => engine?.close());

    /** Every cube cell with its true count, and what the audience is shown of it, in the same order. */
    async function truthAndShown(audience: Audience): Promise<{ truth: CubeCell[]; shown: ProtectedCell[] }> {
      const rows = await engine.query<Record<string, string | number | null>>(`
      SELECT c.indicator_id, c.area_code, c.level, c.period, c.period_type, c.age_band, c.sex,
             CAST(c.count AS DOUBLE) AS count, CAST(p.value AS DOUBLE) AS value, p.flag
      FROM cube c JOIN ${protectedTable(audience)} p
        USING (indicator_id, area_code, level, period, period_type, age_band, sex)
      ORDER BY c.cell_id`);
      const truth = rows.map((r): CubeCell => ({
        indicatorId: r.indicator_id as string,
        areaCode: r.area_code as string,
        level: r.level as CubeCell['level'],
        period: r.period as string,
        periodType: r.period_type as CubeCell['periodType'],
        ageBand: r.age_band as CubeCell['ageBand'],
        sex: r.sex as CubeCell['sex'],
        count: r.count as number,
      }));
      // The auditor tells the hidden cells' kinds apart from the true counts itself; `c` is all it is shown.
      const shown = rows.map((r, i): ProtectedCell => ({
        ...truth[i]!,
        status: r.flag === 'c' ? 'secondary' : (r.flag as 'shown' | 'rounded'),
        value: r.flag === 'c' ? null : (r.value as number),
      }));
      return { truth, shown };
    }

    for (const audience of AUDIENCES) {
      it(`${audience}: no small count can be narrowed below the rule by an LP over all relations, by either attacker`, async () => {
        await session.ensureProtected(audience);
        const policy = session.getSnapshot().state.manifest!.disclosure[audience];
        const { truth, shown } = await truthAndShown(audience);
        const rels = relationsOf(truth, { parentOf: new Map(await areaParents(engine)) });
        // Not a vacuous pass: the real counts put hundreds of cells under the rule, and they are hidden.
        const small = truth.filter((c) => c.count >= 1 && c.count <= policy.suppressBelowOrEqual).length;
        expect(small).toBeGreaterThan(100);
        expect(shown.filter((c) => c.value === null).length).toBeGreaterThanOrEqual(small);
        for (const model of MODELS) {
          const found = lpFindings(highs, truth, shown, rels, policy, model).map((f) => {
            const c = truth[f.cell]!;
            return `${c.areaCode} ${c.period} (${c.count}) in [${f.lo}, ${f.hi}]`;
          });
          expect(found, `${audience}, attacker who ${model === 'sees-c' ? 'sees only c' : 'knows which c are small'}`).toEqual(
            [],
          );
        }
        // What leaves the machine (partner and public bundles) carries the LP certificate for every group of linked
        // cells here: the largest group is over 1,000 cells, which the analyst's smaller cap leaves to the interval
        // audit (and its summary says so).
        const method = session.getSnapshot().protection[audience]!.audit.method;
        if (audience === 'analyst') expect(method).toMatch(/^exact LP .*, for groups of up to 400 linked uncertain cells;/);
        else expect(method).toBe(LP_AUDIT_METHOD);
      }, 120_000);
    }
  },
);

async function areaParents(engine: Engine): Promise<[string, string][]> {
  const rows = await engine.query<{ code: string; parent_code: string }>(
    'SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL',
  );
  return rows.map((r) => [r.code, r.parent_code]);
}
