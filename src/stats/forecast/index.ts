// Seasonal forecasting of monthly counts: quasi-Poisson / negative-binomial log-linear model
// with a linear trend and month-of-year effects.
export { fitSeasonalModel, MIN_OBSERVED_MONTHS } from './fit';
export { forecast } from './forecast';
export { backtest, type BacktestPoint, type BacktestResult } from './backtest';
export { emergingHotspot, HOTSPOT_SIGNIFICANCE, type HotspotResult } from './hotspot';
export { periodToIndex, indexToPeriod } from './periods';
export type { ForecastPoint, NotEnoughData, SeasonalFitResult, SeasonalModel, Seasonality, SeriesPoint } from './types';
