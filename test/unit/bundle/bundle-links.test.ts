import { describe, expect, it, vi } from 'vitest';
import { bundleMetadataUrl, fetchBundleFiles } from '../../../src/bundle/fetch-bundle';
import { DEFAULT_VIEW_STATE, parseViewState, serializeViewState } from '../../../src/url-state/view-state';

describe('links to a bundle', () => {
  it('keep the bundle address in every link made from the page, beside the view state only', () => {
    const current = '?bundle=.%2Fbundles%2Ft%2Fbundle.json&audience=partner&period=2024-06';
    const next = serializeViewState({ ...DEFAULT_VIEW_STATE, view: 'trends', audience: 'partner' }, current);
    expect(Object.fromEntries(new URLSearchParams(next))).toEqual({
      bundle: './bundles/t/bundle.json',
      view: 'trends',
      audience: 'partner',
    });
    // Without the current address nothing reserved is added (the pure form used by tests and the serialiser).
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, view: 'trends' })).toBe('?view=trends');
    // The reserved parameter is never reported as unknown.
    expect(parseViewState(current).notices).toEqual([]);
  });

  it('resolve bundle.json from a file, a folder or a relative path, and accept only http(s)', () => {
    const base = 'http://127.0.0.1:4184/?view=overview';
    expect(bundleMetadataUrl('./bundles/test/bundle.json', base).href).toBe('http://127.0.0.1:4184/bundles/test/bundle.json');
    expect(bundleMetadataUrl('./bundles/test/', base).href).toBe('http://127.0.0.1:4184/bundles/test/bundle.json');
    expect(bundleMetadataUrl('https://example.org/vrn/2025', base).href).toBe('https://example.org/vrn/2025/bundle.json');
    expect(() => bundleMetadataUrl('javascript:alert(1)', base)).toThrow(/must start with http or https/);
    expect(() => bundleMetadataUrl('file:///etc/passwd', base)).toThrow(/must start with http or https/);
  });

  it('fetch only bundle.json and the plain file names it lists, from the same folder', async () => {
    const metadata = {
      format: 'vrn-dashboard-bundle/1',
      audience: 'partner',
      createdAt: '2026-01-01T00:00:00.000Z',
      levels: ['vru'],
      title: 't',
      synthetic: true,
      cells: 0,
      suppressed: 0,
      files: ['manifest', 'cells', 'areas', 'population'].map((role) => ({
        role,
        name: `${role}.x`,
        bytes: 0,
        sha256: '0'.repeat(64),
      })),
      audit: [],
    };
    const fetched: string[] = [];
    const fetchFn = vi.fn(async (url: URL | RequestInfo) => {
      fetched.push(String(url));
      return new Response(String(url).endsWith('bundle.json') ? JSON.stringify(metadata) : 'x');
    });
    await fetchBundleFiles('https://host.example/b/', 'http://127.0.0.1/', fetchFn as unknown as typeof fetch);
    expect(fetched).toEqual([
      'https://host.example/b/bundle.json',
      'https://host.example/b/manifest.x',
      'https://host.example/b/cells.x',
      'https://host.example/b/areas.x',
      'https://host.example/b/population.x',
    ]);
    const escaping = { ...metadata, files: metadata.files.map((f, i) => (i === 0 ? { ...f, name: '../../secret.json' } : f)) };
    const bad = vi.fn(async () => new Response(JSON.stringify(escaping)));
    await expect(
      fetchBundleFiles('https://host.example/b/', 'http://127.0.0.1/', bad as unknown as typeof fetch),
    ).rejects.toThrow(/plain file name/);
  });
});
