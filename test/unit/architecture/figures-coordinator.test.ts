import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const COORDINATOR = path.join('src', 'hooks', 'coordinator');

/**
 * What only the figures coordinator may do: write a cache key, use the query client or its cache, or read the
 * engine other than through a declared figure's context. A hand-written key, and its own rule for keeping an old
 * answer, once showed another audience's figures under a new label (issue 18).
 */
const BY_HAND: [string, RegExp][] = [
  ['a cache key', /\bqueryKey\b|\b\w+Key\s*=\s*\(?.*\[\s*'/],
  [
    'the query client or its cache',
    /\b(useQuery|useQueries|useSuspenseQuery|useQueryClient|QueryClient\w*|\w+QueryData|fetchQuery|prefetchQuery|getQueryCache)\b/,
  ],
  ['the engine outside a figure’s context', /(?<!\bctx)\.engine\b/],
  ['an old answer kept by hand', /\bplaceholderData\b|\bkeepPreviousData\b/],
];

function byHand(text: string): string[] {
  return BY_HAND.filter(([, pattern]) => text.split('\n').some((line) => pattern.test(line))).map(([what]) => what);
}

describe('figures are declared, and only the coordinator keys, caches and reads them', () => {
  it('no hook outside the coordinator writes a cache key, uses the query client or reads the engine itself', () => {
    const offenders = files(path.join('src', 'hooks'))
      .filter((f) => !f.startsWith(COORDINATOR + path.sep))
      .flatMap((f) => byHand(readFileSync(f, 'utf8')).map((what) => `${f}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('nothing else in src uses the query client, except the app that provides it', () => {
    const offenders = files('src')
      .filter((f) => !f.startsWith(COORDINATOR + path.sep) && !f.endsWith('main.tsx'))
      .filter((f) => BY_HAND[1]![1].test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the checks catch what the hooks did before the coordinator', () => {
    const before = `
      const { version } = useSessionSnapshot();
      return useQuery({ queryKey: ['areas', version], queryFn: () => areaList(session.engine) });
      export const trendSliceKey = (scope, table, id) => ['trend-slice', scope.version, scope.audience, table, id];
      placeholderData: keepWhileSameAudience(version, audience),
      return queryClient.ensureQueryData({ queryKey, queryFn: read });`;
    expect(byHand(before)).toEqual(BY_HAND.map(([what]) => what));
    expect(byHand("const figure = declareFigure('areas', (ctx) => areaList(ctx.engine));")).toEqual([]);
  });
});
