import type { ReactNode } from 'react';
import { TIER_LABELS, TIERS, type Tier } from '../contract';

/** A column's heading, and whether the column holds numbers (aligned right, as GOV.UK tables do). */
export interface ColumnHead {
  label: ReactNode;
  num?: boolean;
}

/**
 * A data table behind a chart or in a panel: it scrolls on its own on a narrow screen, and the scrolling region is
 * focusable and named by the caption so a keyboard user can reach and scroll it (WCAG 2.1.1, 1.3.1).
 */
export function DataTable({
  captionId,
  caption,
  className = 'data-table',
  columns,
  head,
  children,
  after,
}: {
  captionId: string;
  caption: ReactNode;
  className?: string;
  /** One heading row; a column left out (false or null) is not shown. */
  columns?: readonly (ColumnHead | false | null)[];
  /** Heading rows of another shape (grouped columns), instead of `columns`. */
  head?: ReactNode;
  children: ReactNode;
  /** Notes that scroll with the table (under it, inside the region). */
  after?: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          {head ?? (
            <tr>
              {columns?.map((c, i) =>
                c ? (
                  <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                    {c.label}
                  </th>
                ) : null,
              )}
            </tr>
          )}
        </thead>
        {children}
      </table>
      {after}
    </div>
  );
}

/** Rows grouped by prevention tier, one body each under the tier's name; a tier with no rows is left out. */
export function TierBodies<T>({
  items,
  tierOf,
  colSpan,
  children,
}: {
  items: readonly T[];
  tierOf: (item: T) => Tier;
  colSpan: number;
  children: (rows: T[]) => ReactNode;
}) {
  return TIERS.map((tier) => {
    const rows = items.filter((item) => tierOf(item) === tier);
    if (rows.length === 0) return null;
    return (
      <tbody key={tier}>
        <tr className="group-row">
          <th scope="colgroup" colSpan={colSpan}>
            {TIER_LABELS[tier]}
          </th>
        </tr>
        {children(rows)}
      </tbody>
    );
  });
}
