import { drawsOnSynthetic, syntheticDatasets } from '../../contract';
import { useSessionSnapshot } from '../../hooks/session-context';
import { listOf } from '../../contract/list-of';

/**
 * Says so when the figures of a view (or part of one) draw on a synthetic dataset: every figure when all the
 * indicators shown are synthetic, else the synthetic datasets by name. Shows nothing for real data only.
 */
export function SyntheticNotice({ indicatorIds, className = '' }: { indicatorIds: readonly string[]; className?: string }) {
  const { state } = useSessionSnapshot();
  const manifest = state.manifest;
  if (!drawsOnSynthetic(manifest, indicatorIds)) return null;
  const every = indicatorIds.every((id) => drawsOnSynthetic(manifest, [id]));
  const shown = new Set(manifest?.indicators.filter((i) => indicatorIds.includes(i.id)).map((i) => i.dataset));
  const titles = syntheticDatasets(manifest)
    .filter((d) => shown.has(d.id))
    .map((d) => d.title);
  return (
    <p className={`notice notice--synthetic ${className}`.trim()} data-testid="synthetic-notice">
      <strong>Synthetic data.</strong>{' '}
      {every
        ? 'Every figure here is made up for demonstration. It describes no real people and must not be quoted.'
        : `Figures from ${listOf(titles)} are made up for demonstration. They describe no real people and must not be quoted.`}
    </p>
  );
}
