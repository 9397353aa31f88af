import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What failed, for the message: "The map view", "The map drawing". */
  what: string;
  /** A new key (another view, new data) clears the error and draws the part again. */
  resetKey: string;
  /** The view's title as its heading, when the boundary stands in for a whole view. */
  heading?: string;
}

/**
 * Keeps an error inside one part of the page: the part shows what went wrong and a way to try again, and the rest
 * of the page, and everything loaded, stays as it was.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.what} failed`, error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section aria-labelledby={this.props.heading ? 'failed-view-title' : undefined} className="error-boundary">
        {this.props.heading ? <h1 id="failed-view-title">{this.props.heading}</h1> : null}
        <div role="alert" className="notice notice--error" data-testid="part-failed">
          <p>
            <strong>{this.props.what} could not be shown.</strong> Something went wrong while drawing it:{' '}
            {error.message || 'no reason given'}.
          </p>
          <p>Everything you loaded is kept. Choose another view, or try again.</p>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </section>
    );
  }
}
