import { attackerPriors } from '../disclosure/attacker-priors';
import { auditProtection, markBounds, type RuleBounds } from '../disclosure/audit';
import type { AreaHierarchy, CubeCell, ProtectedCell } from '../disclosure/cube-types';
import { propagateBounds } from '../disclosure/interval-attack';
import { isPrimarySuppressed, type SuppressionPolicy } from '../disclosure/primary-policy';
import type { PublicFlag } from '../disclosure/protected-tables';
import { deriveRelations, type CubeRelations } from '../disclosure/relations';
import { PRIMARY, SECONDARY, SHOWN, statusCode } from '../disclosure/status-codes';
import { AUDIT_METHOD } from '../disclosure/audit-method';
import type { BundleAudit } from './bundle-format';

/**
 * A bundle audit with its counts, for whoever runs it (the tests, the publisher's own check); only
 * {@link publishedAudit} of it is ever written or shown, since the counts say how many hidden cells are small.
 */
export interface BundleAuditReport extends BundleAudit {
  /** Hidden cells checked (for the publisher: the small ones). */
  checked: number;
  unsafe: number;
  contradictions: number;
}

/** What bundle.json and the views carry of an audit: whether it passed, the attacker's model, the method. */
export function publishedAudit(report: BundleAudit): BundleAudit {
  return { pass: report.pass, model: report.model, method: report.method };
}

/** One row of cells.parquet, as the audit reads it. */
export interface BundleCell extends Omit<CubeCell, 'count'> {
  value: number | null;
  flag: PublicFlag;
}

/** Where a cell sits in the cube (everything but its figure). */
const key = ({ value: _value, flag: _flag, ...where }: BundleCell): Omit<CubeCell, 'count'> => where;

/**
 * What the suppression marks of the whole protected cube reveal about each of its cells (an attacker who knows
 * which hidden cells are small, and nothing else): the yardstick the cube's own audit accepts, since no further
 * suppression can change it. `counts` are the cube's, cell by cell.
 */
export function wholeCubeMarkBounds(
  cube: readonly BundleCell[],
  counts: ArrayLike<number>,
  policy: SuppressionPolicy,
  hierarchy: AreaHierarchy,
): RuleBounds {
  const relations = deriveRelations(
    cube.map((c, i) => ({ ...key(c), count: counts[i]! })),
    hierarchy,
  );
  const status = new Uint8Array(cube.length);
  for (let i = 0; i < cube.length; i++) status[i] = isPrimarySuppressed(counts[i]!, policy) ? PRIMARY : SHOWN;
  return markBounds(relations, status, policy);
}

/** Bounds for some of the cells, in the order given (a bundle's cells, out of the whole cube's). */
export function boundsAt(bounds: RuleBounds, picked: ArrayLike<number>): RuleBounds {
  return {
    lo: Float64Array.from(picked, (i) => bounds.lo[i]!),
    hi: Float64Array.from(picked, (i) => bounds.hi[i]!),
    converged: bounds.converged,
  };
}

/**
 * The disclosure audit (src/disclosure/audit.ts) on exactly the cells a bundle holds, run by the publisher, who
 * still has the counts: it knows which hidden cells are small (primary) and how totals relate to their parts in
 * the data. Levels left out of a bundle only remove relations, so the attack runs on what the recipient can
 * actually combine.
 *
 * `floor` is {@link wholeCubeMarkBounds} for the bundle's cells: a small hidden cell passes when the bundle pins
 * it no more narrowly than the suppression rule itself, or than the marks of the whole protected cube already
 * do. The whole cube passed that same test, and a bundle cut from it derives nothing the whole does not (the
 * same figures, fewer relations: a bundle holds whole levels, so each of its relations is one of the cube's with
 * all its members), so a bundle of fewer levels is never judged less safe than one of more.
 * Without the floor each bundle is judged against its own marks, which is stricter the fewer levels it holds:
 * on the demo, districts alone failed where the VRU area and districts together passed.
 */
export function auditAsPublisher(
  cells: readonly BundleCell[],
  counts: ArrayLike<number>,
  policy: SuppressionPolicy,
  hierarchy: AreaHierarchy,
  floor: RuleBounds | null = null,
  relations: CubeRelations = bundleRelations(cells, hierarchy),
): BundleAuditReport {
  const visible: ProtectedCell[] = cells.map((c, i) => ({
    ...key(c),
    value: c.value,
    status: c.flag === 'c' ? (isPrimarySuppressed(counts[i]!, policy) ? 'primary' : 'secondary') : c.flag,
  }));
  const report = auditProtection(visible, relations, policy, floor);
  return {
    pass: report.pass,
    checked: report.checked,
    unsafe: report.unsafe,
    contradictions: report.contradictions,
    model: 'publisher',
    method: AUDIT_METHOD,
  };
}

/**
 * The same interval attack from the recipient's side, who sees only 'c' (the flag deliberately does not say
 * whether a cell is small or hidden to protect another). Every hidden cell starts unknown (0 upwards); shown and
 * rounded figures and the additive relations between cells (taken as exact, the most an attacker could assume)
 * narrow it. A hidden cell fails when the figures prove it holds a small number of people (the whole range lies
 * within the suppression range, zero excluded) and pin it more narrowly than the rule itself. A range that may
 * still be zero or above the threshold proves no small number: the recipient cannot tell such a cell from a
 * complement hidden to protect another. Whenever the publisher's audit passes this one does too (its intervals
 * are wider), so it is a check anyone holding the files can repeat, not a stronger test.
 */
export function auditAsRecipient(
  cells: readonly BundleCell[],
  policy: SuppressionPolicy,
  hierarchy: AreaHierarchy,
  relations: CubeRelations = bundleRelations(cells, hierarchy),
): BundleAuditReport {
  const n = cells.length;
  const status = new Uint8Array(n);
  const shown = new Float64Array(n);
  cells.forEach((c, i) => {
    status[i] = c.flag === 'c' ? SECONDARY : statusCode(c.flag);
    shown[i] = c.value ?? 0;
  });
  const { lo, hi } = attackerPriors(status, shown, policy);
  const attack = propagateBounds(relations, lo, hi);
  const t = policy.suppressBelowOrEqual;
  const primaryLo = policy.showZeros ? 1 : 0;
  let checked = 0;
  let unsafe = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] !== SECONDARY) continue;
    checked++;
    const l = attack.lo[i]!;
    const h = attack.hi[i]!;
    const provenSmall = l >= primaryLo && h <= t;
    if (provenSmall && (l > primaryLo || h < t)) unsafe++;
  }
  return {
    pass: unsafe === 0 && attack.contradictions === 0,
    checked,
    unsafe,
    contradictions: attack.contradictions,
    model: 'recipient',
    method: AUDIT_METHOD,
  };
}

/**
 * The totals and parts among a bundle's cells. They follow from the cells' keys and the hierarchy alone (no
 * count), so the publisher's two audits of one cut share them: deriving them is a third of a cut's time.
 */
export function bundleRelations(cells: readonly BundleCell[], hierarchy: AreaHierarchy): CubeRelations {
  return deriveRelations(
    cells.map((c) => ({ ...key(c), count: 0 })),
    hierarchy,
  );
}

/** Child -> parent for every area below the VRU area, from the areas lookup. */
export function hierarchyFrom(areas: readonly { code: string; parent_code: string | null }[]): AreaHierarchy {
  return { parentOf: new Map(areas.filter((a) => a.parent_code).map((a) => [a.code, a.parent_code!])) };
}
