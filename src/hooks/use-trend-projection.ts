import { AUDIENCE_PERMISSIONS, type Audience, type Indicator } from '../contract';
import { trendProjection } from '../queries/readers/read-trends';
import { useViewState } from '../url-state/use-view-state';
import { declareIndicatorTrendFigure } from './coordinator/trend-slices';
import { useFigure } from './coordinator/use-figure';
import { useTrendViewSlice } from './trend-view-slice';

/** Projections and hotspot tests: see AUDIENCE_PERMISSIONS for why only some audiences get them. */
export function predictionsAllowed(audience: Audience): boolean {
  return AUDIENCE_PERMISSIONS[audience].predictions;
}

const trendProjectionFigure = declareIndicatorTrendFigure('trend-projection', (source, inputs, policy) =>
  trendProjection(source, { ...inputs, suppressBelowOrEqual: policy.suppressBelowOrEqual }),
);

export function useTrendProjection(indicator: Indicator | null) {
  const { audience } = useViewState().state;
  const slice = useTrendViewSlice();
  return useFigure(trendProjectionFigure, indicator && predictionsAllowed(audience) ? { indicator, ...slice } : null);
}
