import type { ReactNode } from 'react';

/**
 * The frame every table behind a Trends chart shares: a scrollable region named by the caption (reachable from
 * the keyboard), the caption, one header row and the body rows.
 */
/** A column heading; numbers are right-aligned under a right-aligned heading. */
export interface TrendColumn {
  label: ReactNode;
  numeric?: boolean;
}

/** Shorthands for the column lists below. */
export const textColumn = (label: ReactNode): TrendColumn => ({ label });
export const numberColumn = (label: ReactNode): TrendColumn => ({ label, numeric: true });

export function TrendTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly TrendColumn[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table trend-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
