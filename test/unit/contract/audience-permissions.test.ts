import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_PERMISSIONS, AUDIENCES, BUNDLE_AUDIENCES, DEFAULT_POLICIES } from '../../../src/contract';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

// A comparison of an audience with a literal name ("audience === 'analyst'") is a permission decided outside
// AUDIENCE_PERMISSIONS; a vocabulary lookup (AUDIENCE_WORDS[a]) or a loop over AUDIENCES is not.
const AUDIENCE_LITERAL = /[!=]==\s*'(analyst|partner|public)'|'(analyst|partner|public)'\s*[!=]==/;

describe('what each audience may do', () => {
  it('is decided in audience-permissions.ts only: no other module compares an audience with a name', () => {
    const offenders = files('src')
      .filter((f) => path.basename(f) !== 'audience-permissions.ts')
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => AUDIENCE_LITERAL.test(l))
          .map((l) => `${f}: ${l.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the pattern catches such a comparison (so the check above means something)', () => {
    expect(AUDIENCE_LITERAL.test("{state.audience === 'analyst' && !bundle ? (")).toBe(true);
    expect(AUDIENCE_LITERAL.test("if ('public' !== a) return")).toBe(true);
    expect(AUDIENCE_LITERAL.test('AUDIENCE_WORDS[audience].label')).toBe(false);
  });

  it('a bundle is published by an audience that never receives one, for the audiences that do', () => {
    for (const a of AUDIENCES) {
      const p = AUDIENCE_PERMISSIONS[a];
      expect(p.publishesBundles && p.receivesBundles, a).toBe(false);
    }
    expect([...BUNDLE_AUDIENCES].sort()).toEqual(AUDIENCES.filter((a) => AUDIENCE_PERMISSIONS[a].receivesBundles).sort());
  });

  it('projections are fitted only for an audience whose default figures are neither rounded nor more suppressed', () => {
    const minThreshold = Math.min(...AUDIENCES.map((a) => DEFAULT_POLICIES[a].suppressBelowOrEqual));
    for (const a of AUDIENCES) {
      if (!AUDIENCE_PERMISSIONS[a].predictions) continue;
      expect(DEFAULT_POLICIES[a].roundTo, a).toBe(1);
      expect(DEFAULT_POLICIES[a].suppressBelowOrEqual, a).toBe(minThreshold);
    }
    expect(AUDIENCES.filter((a) => AUDIENCE_PERMISSIONS[a].predictions)).toEqual(['analyst']);
  });

  it('the rules banner is shown exactly where figures are rounded', () => {
    for (const a of AUDIENCES) expect(AUDIENCE_PERMISSIONS[a].rulesBanner, a).toBe(DEFAULT_POLICIES[a].roundTo > 1);
  });
});
