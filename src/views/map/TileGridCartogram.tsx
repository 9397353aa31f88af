import { useRef, useState, type KeyboardEvent } from 'react';
import { tileInDirection, type ArrowKey, type CartogramLayout, type CartogramTile } from '../../geo/tile-grid';
import type { AreaStyle } from './map-model';

/** Above this many squares, one square takes the Tab stop and arrow keys move between them. */
const ROVING_ABOVE = 40;
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

export interface TileGridCartogramProps {
  layout: CartogramLayout;
  styles: ReadonlyMap<string, AreaStyle>;
  selected: string | null;
  onSelect: (code: string) => void;
  /** Accessible name of the whole cartogram. */
  label: string;
}

/**
 * The map drawn without boundaries: an SVG of equal squares. Every square is a button named with its
 * figures; Tab or the arrow keys move between squares, Enter or Space selects, and hover or focus shows
 * the same text in a tooltip.
 */
export function TileGridCartogram({ layout, styles, selected, onSelect, label }: TileGridCartogramProps) {
  const refs = useRef(new Map<string, SVGGElement>());
  const [active, setActive] = useState<string | null>(null);
  const [tip, setTip] = useState<string | null>(null);
  const roving = layout.tiles.length > ROVING_ABOVE;
  // The Tab stop: the square last focused, else the selected one, else the first (of this layout).
  const has = (code: string | null) => code !== null && layout.tiles.some((t) => t.code === code);
  const tabStop = has(active) ? active : has(selected) ? selected : (layout.tiles[0]?.code ?? null);
  const focusTile = (t: CartogramTile | null | undefined) => {
    if (!t) return;
    setActive(t.code);
    refs.current.get(t.code)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, t: CartogramTile) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(t.code);
    } else if (ARROWS.has(e.key)) {
      e.preventDefault();
      focusTile(tileInDirection(layout.tiles, t.code, e.key as ArrowKey));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusTile(e.key === 'Home' ? layout.tiles[0] : layout.tiles[layout.tiles.length - 1]);
    } else if (e.key === 'Escape') setTip(null);
  };
  const tipTile = tip ? layout.tiles.find((t) => t.code === tip) : undefined;
  const tipStyle = tip ? styles.get(tip) : undefined;
  const pad = 4;
  const w = layout.width + 2 * pad;
  const h = layout.height + 2 * pad;
  return (
    <div className="cartogram" onMouseLeave={() => setTip(null)}>
      <svg
        className="cartogram__svg"
        viewBox={`${-pad} ${-pad} ${w} ${h}`}
        role="group"
        aria-label={label}
        style={{ aspectRatio: `${w} / ${h}` }}
      >
        {layout.groups.map((g) => (
          <text key={g.code} className="cartogram__group" x={g.x} y={g.y} aria-hidden="true">
            {g.lines.map((line, i) => (
              <tspan key={i} x={g.x} dy={i === 0 ? 0 : 12}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {layout.tiles.map((t) => {
          const s = styles.get(t.code);
          const isSelected = selected === t.code;
          const suppressed = s?.symbol === 'c';
          const lines = t.label ? [...t.label, s?.valueText ?? ''] : null;
          return (
            <g
              key={t.code}
              ref={(el) => {
                if (el) refs.current.set(t.code, el);
                else refs.current.delete(t.code);
              }}
              className={[
                'cartogram__tile',
                suppressed ? 'cartogram__tile--suppressed' : '',
                s?.symbol === 'x' ? 'cartogram__tile--no-data' : '',
                isSelected ? 'cartogram__tile--selected' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              data-code={t.code}
              role="button"
              tabIndex={roving ? (t.code === tabStop ? 0 : -1) : 0}
              aria-pressed={isSelected}
              aria-label={s ? s.description : `${t.name}. No figure.`}
              onClick={() => onSelect(t.code)}
              onKeyDown={(e) => onKeyDown(e, t)}
              onFocus={() => {
                setActive(t.code);
                setTip(t.code);
              }}
              onBlur={() => setTip((c) => (c === t.code ? null : c))}
              onMouseEnter={() => setTip(t.code)}
            >
              <rect
                className="cartogram__square"
                x={t.x}
                y={t.y}
                width={t.size}
                height={t.size}
                fill={s?.fill ?? 'url(#map-no-data)'}
              />
              {lines ? (
                <text
                  className={`cartogram__label${s?.fill.startsWith('url') ? ' cartogram__label--halo' : ''}`}
                  x={t.x + t.size / 2}
                  y={t.y + t.size / 2 - ((lines.length - 1) * 15) / 2 + 5}
                  fill={s?.textColour ?? '#0b0c0c'}
                  aria-hidden="true"
                >
                  {lines.map((line, i) => (
                    <tspan
                      key={i}
                      x={t.x + t.size / 2}
                      dy={i === 0 ? 0 : 15}
                      className={i === lines.length - 1 ? 'cartogram__value' : undefined}
                    >
                      {line}
                    </tspan>
                  ))}
                </text>
              ) : null}
              <rect className="cartogram__focus" x={t.x - 2} y={t.y - 2} width={t.size + 4} height={t.size + 4} />
            </g>
          );
        })}
      </svg>
      {tipTile && tipStyle ? (
        <div
          className="map-tooltip cartogram__tooltip"
          role="tooltip"
          style={{
            left: `${(100 * (tipTile.x + tipTile.size / 2 + pad)) / w}%`,
            top: `${(100 * (tipTile.y + pad)) / h}%`,
          }}
        >
          <strong>{tipStyle.title}</strong>
          {tipStyle.lines.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
