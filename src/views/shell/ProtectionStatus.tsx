import { useSessionSnapshot } from '../../hooks/session-context';

const NAMES = { analyst: 'analysts', partner: 'partners', public: 'the public' } as const;

/** Shows progress while the disclosure rules are applied to the whole dataset in the background. */
export function ProtectionStatus() {
  const { protecting } = useSessionSnapshot();
  if (!protecting) return <div role="status" className="visually-hidden" />;
  const pct = Math.round((100 * protecting.done) / Math.max(1, protecting.total));
  return (
    <div role="status" className="protection-status">
      <label htmlFor="protection-progress">
        Applying the disclosure rules for {NAMES[protecting.audience]}: {pct}%
      </label>
      <progress id="protection-progress" max={protecting.total} value={protecting.done} />
    </div>
  );
}
