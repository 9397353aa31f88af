import { useId, useState } from 'react';
import type { GeographyLevel } from '../../contract';
import { CLASS_METHOD_LABELS, parseBreaks, type ClassMethod } from '../../geo/classify';
import { MAX_CLASSES, PALETTE_LABELS, type PaletteKind } from '../../geo/palettes';
import { blockedTiles, validTileUrl, type BaseTiles } from '../../hooks/use-map-base-tiles';
import type { MapMeasure, MapStyleOptions } from './map-model';

export interface LevelOption {
  level: GeographyLevel;
  title: string;
}

export interface MapControlsProps {
  levels: LevelOption[];
  level: GeographyLevel;
  onLevel: (level: GeographyLevel) => void;
  options: MapStyleOptions;
  onOptions: (next: MapStyleOptions) => void;
  /** False for indicators that are counts only: then there is no rate to show or compare. */
  hasRate: boolean;
  benchmarkName: string;
}

const MEASURES: { value: MapMeasure; label: (vru: string) => string }[] = [
  { value: 'count', label: () => 'Count' },
  { value: 'rate', label: () => 'Rate' },
  { value: 'compare', label: (vru) => `Compared with ${vru}` },
];

/** The map's own choices: geography level (kept in the link), what to colour by, and how to class it. */
export function MapControls({ levels, level, onLevel, options, onOptions, hasRate, benchmarkName }: MapControlsProps) {
  const id = useId();
  const [breaksText, setBreaksText] = useState(options.fixedBreaks.join(', '));
  const parsed = parseBreaks(breaksText);
  const classing = options.measure !== 'compare';
  return (
    <form className="map-controls" aria-label="Map settings" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-level`}>Geography</label>
        <select id={`${id}-level`} value={level} onChange={(e) => onLevel(e.target.value as GeographyLevel)}>
          {levels.map((l) => (
            <option key={l.level} value={l.level}>
              {l.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="map-controls__measure">
        <legend>Colour areas by</legend>
        {MEASURES.filter((m) => hasRate || m.value === 'count').map((m) => (
          <label key={m.value} className="radio">
            <input
              type="radio"
              name={`${id}-measure`}
              value={m.value}
              checked={options.measure === m.value}
              onChange={() => onOptions({ ...options, measure: m.value })}
            />
            {m.label(benchmarkName)}
          </label>
        ))}
      </fieldset>
      {classing ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-method`}>Classes</label>
            <select
              id={`${id}-method`}
              value={options.method}
              onChange={(e) => onOptions({ ...options, method: e.target.value as ClassMethod })}
            >
              {(Object.keys(CLASS_METHOD_LABELS) as ClassMethod[]).map((m) => (
                <option key={m} value={m}>
                  {CLASS_METHOD_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
          {options.method === 'fixed' ? (
            <div className="field">
              <label htmlFor={`${id}-breaks`}>
                Breaks <span className="hint">(numbers, separated by commas)</span>
              </label>
              <input
                id={`${id}-breaks`}
                type="text"
                inputMode="decimal"
                className="text-input"
                value={breaksText}
                aria-describedby={parsed.invalid.length ? `${id}-breaks-error` : undefined}
                aria-invalid={parsed.invalid.length > 0}
                onChange={(e) => {
                  setBreaksText(e.target.value);
                  const next = parseBreaks(e.target.value);
                  if (next.invalid.length === 0) onOptions({ ...options, fixedBreaks: next.breaks.slice(0, MAX_CLASSES - 1) });
                }}
              />
              {parsed.invalid.length ? (
                <span id={`${id}-breaks-error`} className="field-error">
                  Not a number: {parsed.invalid.join(', ')}
                </span>
              ) : null}
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-k`}>Number of classes</label>
              <select
                id={`${id}-k`}
                value={options.classes}
                onChange={(e) => onOptions({ ...options, classes: Number(e.target.value) })}
              >
                {[3, 4, 5, 6, 7].map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-palette`}>Colours</label>
            <select
              id={`${id}-palette`}
              value={options.palette}
              onChange={(e) => onOptions({ ...options, palette: e.target.value as PaletteKind })}
            >
              {(Object.keys(PALETTE_LABELS) as PaletteKind[]).map((p) => (
                <option key={p} value={p}>
                  {PALETTE_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
    </form>
  );
}

/**
 * The base map: off by default, and only possible once a person gives a tile address. Tiles come from
 * that server, which then learns the viewer's IP address and which part of the map they look at (never the
 * figures), so the choice is the person's own.
 */
export function BaseMapSettings({ tiles, onChange }: { tiles: BaseTiles; onChange: (t: BaseTiles) => void }) {
  const id = useId();
  const [url, setUrl] = useState(tiles.url);
  const [attribution, setAttribution] = useState(tiles.attribution);
  const valid = validTileUrl(url);
  const blocked = blockedTiles(url);
  return (
    <details className="map-basemap">
      <summary>Base map {tiles.enabled ? '(on)' : '(off)'}</summary>
      <p>
        No base map is shown unless you switch one on. Map tiles come from the server you name here: it will see your
        computer&rsquo;s address and which part of the map you look at, though never the figures. Your organisation&rsquo;s
        security settings may also need to allow that server.
      </p>
      <div className="field">
        <label htmlFor={`${id}-url`}>
          Tile address{' '}
          <span className="hint">
            (https, with {'{z}'}, {'{x}'} and {'{y}'})
          </span>
        </label>
        <input
          id={`${id}-url`}
          className="text-input text-input--wide"
          type="url"
          aria-describedby={(url && !valid) || blocked ? `${id}-error` : undefined}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-attr`}>Attribution the tile provider asks for</label>
        <input
          id={`${id}-attr`}
          className="text-input text-input--wide"
          type="text"
          value={attribution}
          onChange={(e) => setAttribution(e.target.value)}
        />
      </div>
      <div className="map-basemap__actions">
        <button
          type="button"
          className="button"
          disabled={!valid || blocked !== null}
          onClick={() => onChange({ url, attribution, enabled: true })}
        >
          Show base map
        </button>
        <button type="button" className="button" disabled={!tiles.enabled} onClick={() => onChange({ ...tiles, enabled: false })}>
          Hide base map
        </button>
      </div>
      {url && !valid ? (
        <p className="field-error" id={`${id}-error`}>
          The address must start with https:// and contain {'{z}'}, {'{x}'} and {'{y}'}.
        </p>
      ) : null}
      {blocked && valid ? (
        <p className="field-error" id={`${id}-error`}>
          {blocked}
        </p>
      ) : null}
    </details>
  );
}
