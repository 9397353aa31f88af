import type { ReactNode } from 'react';

/**
 * One chart of the Cohorts view: a figure named by its title (which states the finding), the notes under the
 * title in its caption, then the plot, its table and its download.
 */
export function CohortFigure({
  id,
  title,
  heading = 'h3',
  notes,
  children,
}: {
  id: string;
  title: ReactNode;
  heading?: 'h3' | 'h4';
  notes: ReactNode;
  children: ReactNode;
}) {
  const Heading = heading;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <Heading id={`${id}-title`} className="chart__title">
          {title}
        </Heading>
        {notes}
      </figcaption>
      {children}
    </figure>
  );
}
