import { useEffect, useRef, useState } from 'react';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'fallback'; href: string };

/**
 * Copies the address of the current view. The URL holds only the view settings (and, for a partner, the
 * bundle's address), never a figure, so a copied link is safe to paste anywhere. Where the clipboard cannot be
 * written (an old browser, a page not in focus, permission refused), the link is shown selected in a read-only
 * field to copy by hand.
 */
export function CopyLinkButton({
  className = '',
  disabled = false,
}: {
  className?: string;
  /** While the figures on screen are being worked out for a new choice (see useFiguresCurrent). */
  disabled?: boolean;
}) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'fallback') {
      field.current?.focus();
      field.current?.select();
    }
  }, [state]);

  const copy = async () => {
    const href = window.location.href;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(href);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'fallback', href });
    }
  };

  return (
    <div className={`copy-link ${className}`.trim()}>
      <button
        type="button"
        className="action-button action-button--on-dark"
        onClick={() => void copy()}
        disabled={disabled}
        title={disabled ? 'Available once the figures for your choice are shown' : undefined}
      >
        Copy link to this view
      </button>
      <p role="status" className="copy-link__status">
        {state.kind === 'copied' ? 'Link copied. It holds the view settings, not the figures.' : ''}
        {state.kind === 'fallback' ? 'Your browser did not let the page copy. Select the link below and copy it.' : ''}
      </p>
      {state.kind === 'fallback' ? (
        <div className="copy-link__fallback">
          <label htmlFor="copy-link-url">Link to this view</label>
          <input
            id="copy-link-url"
            ref={field}
            type="text"
            readOnly
            value={state.href}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
