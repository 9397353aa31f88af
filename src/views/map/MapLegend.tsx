import type { MapModel } from './map-model';
import { Swatch } from './MapPatterns';

/** The breaks as text beside their colours, with how many areas are in each and what `c` and `x` mean. */
export function MapLegend({ model, levelNoun }: { model: MapModel; levelNoun: string }) {
  return (
    <div className="map-legend">
      <p className="map-legend__title" id="map-legend-title">
        {model.legendTitle}
      </p>
      <ul aria-labelledby="map-legend-title">
        {model.legend.map((e) => (
          <li key={e.key} data-legend={e.key}>
            <Swatch fill={e.fill} />
            <span>
              {e.label}{' '}
              <span className="map-legend__n">
                ({e.areas} {e.areas === 1 ? levelNoun.replace(/s$/, '') : levelNoun})
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p className="map-legend__note">{model.legendNote}</p>
    </div>
  );
}
