import type { Indicator } from '../../contract';
import { useViewState } from '../../url-state/use-view-state';

/** The indicator chosen in the filters has no small-area figures, so another is shown: said, with a way to keep it. */
export function ReplacedIndicator({
  replaced,
  shown,
  where,
}: {
  replaced: Indicator | null;
  shown: Indicator | null;
  where: string;
}) {
  const { update } = useViewState();
  if (!replaced || !shown) return null;
  return (
    <p className="notice" role="status">
      {replaced.title} has no figures for {where}, so {shown.title} is shown.{' '}
      <button type="button" className="link-button" onClick={() => update({ indicator: shown.id })}>
        Choose {shown.title}
      </button>
    </p>
  );
}

/** A query that failed says why, and the rest of the page stays. */
export function FiguresError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="notice notice--error" role="alert">
      The figures could not be worked out: {error instanceof Error ? error.message : 'unknown error'}
    </p>
  );
}
