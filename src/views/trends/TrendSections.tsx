// The sections of the Trends view, one file each; TrendsView lays them out.
export { CompareSection } from './CompareSection';
export { HotspotSection } from './HotspotSection';
export { MainTrendSection } from './MainTrendSection';
export { ProjectionCaveat } from './ProjectionParts';
export { ProjectionSection } from './ProjectionSection';
export { SeasonalitySection } from './SeasonalitySection';
export type { SectionContext } from './section-context';
export { YearsSection } from './YearsSection';
