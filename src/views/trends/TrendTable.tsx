import type { ReactNode } from 'react';

/**
 * The frame every table behind a Trends chart shares: a scrollable region named by the caption (reachable from
 * the keyboard), the caption, one header row and the body rows.
 */
export function TrendTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table trend-table">
        <caption>{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
