import type { BoundaryMatch, CodeAndName } from '../../geo/boundary-join';

/** How many codes are listed before the rest are folded away. */
const SHOWN = 12;

function CodeList({ items }: { items: readonly CodeAndName[] }) {
  const text = (c: CodeAndName) => (c.name ? `${c.code} ${c.name}` : c.code);
  return (
    <>
      <ul className="compact">
        {items.slice(0, SHOWN).map((c) => (
          <li key={c.code}>{text(c)}</li>
        ))}
      </ul>
      {items.length > SHOWN ? (
        <details>
          <summary>{items.length - SHOWN} more</summary>
          <ul className="compact">
            {items.slice(SHOWN).map((c) => (
              <li key={c.code}>{text(c)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/**
 * Codes in the data with no shape, and shapes with no data: listed, never dropped silently. The table
 * still lists every area with figures, whether it is drawn or not.
 */
export function BoundaryProblems({
  match,
  blankCodes,
  levelNoun,
  file,
}: {
  match: BoundaryMatch;
  blankCodes: number;
  levelNoun: string;
  file: string;
}) {
  const groups: { key: string; title: string; items: CodeAndName[] }[] = [
    {
      key: 'no-shape',
      title: `${match.figuresWithoutShape.length} ${levelNoun} with figures have no shape in ${file}, so they are not drawn (they are in the table)`,
      items: match.figuresWithoutShape,
    },
    {
      key: 'not-in-lookup',
      title: `${match.shapesNotInLookup.length} shapes have codes that are not ${levelNoun} in the areas lookup; they are drawn with no data`,
      items: match.shapesNotInLookup,
    },
    {
      key: 'no-figure',
      title: `${match.shapesWithoutFigure.length} shapes are of ${levelNoun} with no figure for this indicator and period; they are drawn as x`,
      items: match.shapesWithoutFigure,
    },
    {
      key: 'neither',
      title: `${match.areasWithoutShapeOrFigure.length} ${levelNoun} in the areas lookup have neither a shape nor a figure`,
      items: match.areasWithoutShapeOrFigure,
    },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0 && blankCodes === 0) return null;
  return (
    <section className="notice notice--warning map-problems" aria-labelledby="map-problems-title">
      <h2 className="notice__title" id="map-problems-title">
        Data problems: boundaries and figures that do not match
      </h2>
      {groups.map((g) => (
        <div key={g.key} data-problem={g.key}>
          <p>{g.title}:</p>
          <CodeList items={g.items} />
        </div>
      ))}
      {blankCodes > 0 ? <p>{blankCodes} shapes have no area code and are drawn with no data.</p> : null}
      <p className="hint">
        Check the boundaries are for the same areas and boundary year (for example 2011 or 2021 LSOAs) as the data.
      </p>
    </section>
  );
}
