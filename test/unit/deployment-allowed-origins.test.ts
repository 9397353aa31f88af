import { describe, expect, it } from 'vitest';
import { blockedReason, parseAllowedOrigins, widenContentSecurityPolicy } from '../../src/deployment/allowed-origins';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data: blob:; connect-src 'self' data: blob:; font-src 'self'";

describe('allowed origins for boundaries and base-map tiles', () => {
  it('reads bare https origins, space- or comma-separated, and http only for this computer', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(' https://services1.arcgis.com, https://tiles.example.org/ http://127.0.0.1:4193 ')).toEqual([
      'https://services1.arcgis.com',
      'https://tiles.example.org',
      'http://127.0.0.1:4193',
    ]);
    expect(() => parseAllowedOrigins('http://tiles.example.org')).toThrow(/must use https/);
    expect(() => parseAllowedOrigins('https://example.org/arcgis/rest')).toThrow(/origin only/);
    expect(() => parseAllowedOrigins('example.org')).toThrow(/not an address/);
  });

  it('adds them to connect-src and img-src only, and leaves the default policy alone', () => {
    expect(widenContentSecurityPolicy(POLICY, [])).toBe(POLICY);
    const wide = widenContentSecurityPolicy(POLICY, ['https://a.example', 'https://b.example']);
    expect(wide).toContain("connect-src 'self' data: blob: https://a.example https://b.example;");
    expect(wide).toContain("img-src 'self' data: blob: https://a.example https://b.example;");
    expect(wide).toContain("default-src 'self';");
    expect(wide).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('allows the page own origin and the listed ones, and says how to allow another', () => {
    const page = 'https://vrn.example.gov.uk';
    expect(blockedReason('https://vrn.example.gov.uk/geo/lad.geojson', page, [])).toBeNull();
    expect(blockedReason('/geo/lad.geojson', page, [])).toBeNull();
    expect(blockedReason('https://services1.arcgis.com/x/query?f=geojson', page, ['https://services1.arcgis.com'])).toBeNull();
    const reason = blockedReason('https://tiles.example.org/0/0/0.png', page, ['https://services1.arcgis.com']);
    expect(reason).toMatch(/fetch only from its own site and https:\/\/services1\.arcgis\.com/);
    expect(reason).toMatch(/VITE_ALLOWED_ORIGINS="https:\/\/services1\.arcgis\.com https:\/\/tiles\.example\.org"/);
  });
});
