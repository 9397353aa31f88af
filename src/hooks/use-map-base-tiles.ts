import { useCallback, useState } from 'react';

export interface BaseTiles {
  /** Tile URL template with {z}, {x} and {y}; empty when none is configured. */
  url: string;
  attribution: string;
  /** Off by default: tiles are fetched from a third party only once a person switches them on. */
  enabled: boolean;
}

const KEY = 'vrn-dashboard:map-base-tiles';
const NONE: BaseTiles = { url: '', attribution: '', enabled: false };

/** A usable tile template: https (or the page's own origin) with {z}, {x} and {y}. */
export function validTileUrl(url: string): boolean {
  const u = url.trim();
  return /^(https:\/\/|\/)/i.test(u) && u.includes('{z}') && u.includes('{x}') && u.includes('{y}');
}

function read(): BaseTiles {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return NONE;
    const v = JSON.parse(raw) as Partial<BaseTiles>;
    const url = typeof v.url === 'string' ? v.url : '';
    return {
      url,
      attribution: typeof v.attribution === 'string' ? v.attribution : '',
      enabled: v.enabled === true && validTileUrl(url),
    };
  } catch {
    return NONE;
  }
}

/**
 * The base map setting, remembered in this browser only (it is a preference, not a view of the data, so
 * it stays out of the shareable link).
 */
export function useMapBaseTiles(): [BaseTiles, (next: BaseTiles) => void] {
  const [tiles, setTiles] = useState<BaseTiles>(read);
  const save = useCallback((next: BaseTiles) => {
    const clean = { ...next, enabled: next.enabled && validTileUrl(next.url) };
    setTiles(clean);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean));
    } catch {
      // Storage can be switched off; the setting then lasts for this visit only.
    }
  }, []);
  return [tiles, save];
}
