/**
 * The fills for `c` (diagonal hatching) and `x` (dots), defined once per page and referenced by the
 * cartogram, the Leaflet paths and the legend as url(#map-hatch) and url(#map-no-data).
 */
export function MapPatterns() {
  return (
    <svg className="map-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="map-hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
          <rect width="7" height="7" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="7" stroke="#505a5f" strokeWidth="3" />
        </pattern>
        <pattern id="map-no-data" patternUnits="userSpaceOnUse" width="6" height="6">
          <rect width="6" height="6" fill="#f3f2f1" />
          <circle cx="3" cy="3" r="1.1" fill="#6f777b" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A legend swatch: the same fill as the map, as a small square. */
export function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="map-swatch" width="22" height="16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="21" height="15" fill={fill} stroke="#0b0c0c" />
    </svg>
  );
}
