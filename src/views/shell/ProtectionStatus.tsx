import { useSessionSnapshot } from '../../hooks/session-context';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { useViewState } from '../../url-state/use-view-state';
import { AUDIENCE_WORDS } from '../../contract';

/**
 * Shows progress while the disclosure rules are applied to the whole dataset in the background, and says when
 * the figures on screen are being worked out for a new choice (exports and the link wait until they are).
 */
export function ProtectionStatus() {
  const { protecting } = useSessionSnapshot();
  const { state } = useViewState();
  const current = useFiguresCurrent();
  if (!protecting && !current) {
    // Said to screen readers only: views show their own placeholder or "updating" mark, and a banner flashing on
    // every change of filter would move the page.
    return (
      <div role="status" className="visually-hidden">
        Updating the figures for {AUDIENCE_WORDS[state.audience].people}… Downloads and the link wait until they are shown.
      </div>
    );
  }
  if (!protecting) return <div role="status" className="visually-hidden" />;
  const pct = Math.round((100 * protecting.done) / Math.max(1, protecting.total));
  return (
    <div role="status" className="protection-status">
      <label htmlFor="protection-progress">
        Applying the disclosure rules for {AUDIENCE_WORDS[protecting.audience].people}: {pct}%
      </label>
      <progress id="protection-progress" max={protecting.total} value={protecting.done} />
    </div>
  );
}
