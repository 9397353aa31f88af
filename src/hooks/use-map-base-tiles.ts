import { useCallback, useState } from 'react';
import { blockedReason } from '../deployment/allowed-origins';

export interface BaseTiles {
  /** Tile URL template with {z}, {x} and {y}; empty when none is configured. */
  url: string;
  attribution: string;
  /** Off by default: tiles are fetched from a third party only once a person switches them on. */
  enabled: boolean;
}

const KEY = 'vrn-dashboard:map-base-tiles';
const NONE: BaseTiles = { url: '', attribution: '', enabled: false };

/** A usable tile template: https (or the page's own origin, or a tile server on this computer) with {z}, {x} and {y}. */
export function validTileUrl(url: string): boolean {
  const u = url.trim();
  const scheme = /^(https:\/\/|\/|http:\/\/(127\.0\.0\.1|localhost)[:/])/i.test(u);
  return scheme && u.includes('{z}') && u.includes('{x}') && u.includes('{y}');
}

/** Why the page's content security policy would block these tiles (null when it allows them). */
export function blockedTiles(url: string): string | null {
  if (typeof window === 'undefined' || !validTileUrl(url)) return null;
  return blockedReason(url.trim().replace(/\{[a-z]\}/g, '0'), window.location.origin);
}

function usable(url: string): boolean {
  return validTileUrl(url) && blockedTiles(url) === null;
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
      enabled: v.enabled === true && usable(url),
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
    const clean = { ...next, enabled: next.enabled && usable(next.url) };
    setTiles(clean);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean));
    } catch {
      // Storage can be switched off; the setting then lasts for this visit only.
    }
  }, []);
  return [tiles, save];
}
