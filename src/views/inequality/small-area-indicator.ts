import { useMemo } from 'react';
import type { Indicator } from '../../contract';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useMapIndicatorLevels } from '../../hooks/use-map-figures';
import { useViewState } from '../../url-state/use-view-state';

export const SMALL_LEVELS = ['lsoa', 'msoa', 'ward'] as const;

/**
 * The indicator the Deprivation and Concentration views show: the one chosen in the filters when it has
 * small-area figures, else the first that has (the choice stays the user's: a notice says what happened).
 */
export function useSmallAreaIndicator(levels: readonly string[]) {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  const indicatorLevels = useMapIndicatorLevels();
  const indicators = useMemo(() => loaded.manifest?.indicators ?? [], [loaded.manifest]);
  const withSmallAreas = useMemo(() => {
    const ids = new Set(
      (indicatorLevels.data ?? []).filter((r) => levels.includes(r.level) && r.yearCells > 0).map((r) => r.indicatorId),
    );
    return indicators.filter((i) => ids.has(i.id));
  }, [indicatorLevels.data, indicators, levels]);
  const chosen = indicators.find((i) => i.id === state.indicator) ?? null;
  const indicator: Indicator | null = chosen && withSmallAreas.includes(chosen) ? chosen : (withSmallAreas[0] ?? null);
  const levelsOf = (id: string) =>
    SMALL_LEVELS.filter((l) =>
      (indicatorLevels.data ?? []).some((r) => r.indicatorId === id && r.level === l && r.yearCells > 0),
    );
  return {
    indicator,
    /** The indicator chosen in the filters, when it has no small-area figures and another is shown instead. */
    replaced: chosen && chosen !== indicator ? chosen : null,
    withSmallAreas,
    levelsOf,
    ready: indicatorLevels.isSuccess,
    manifest: loaded.manifest,
  };
}
