// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLE_FORMAT, type BundleAudit } from '../../../src/bundle/bundle-format';
import type { PublishedBundle } from '../../../src/bundle/publish-bundle';
import { PublishResult } from '../../../src/views/overview/PublishResult';
import { AUDIT_METHOD } from '../../../src/disclosure/audit-method';

// jsdom has no object URLs; the component only needs an address to link each file to.
const createObjectURL = vi.fn(() => 'blob:test');
const objectUrls = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
beforeEach(() => {
  createObjectURL.mockClear();
  Object.assign(objectUrls, { createObjectURL, revokeObjectURL: () => {} });
});
afterEach(() => {
  cleanup();
  delete objectUrls.createObjectURL;
  delete objectUrls.revokeObjectURL;
});

function bundleWith(audit: BundleAudit[]): PublishedBundle {
  const bytes = new TextEncoder().encode('{}');
  return {
    metadata: {
      format: BUNDLE_FORMAT,
      audience: 'public',
      createdAt: '2026-01-01T00:00:00.000Z',
      levels: ['district'],
      title: 'Test',
      synthetic: true,
      cells: 10,
      suppressed: 4,
      files: [],
      audit,
    },
    files: [
      { name: 'bundle.json', bytes, type: 'application/json' },
      { name: 'cells.parquet', bytes, type: 'application/vnd.apache.parquet' },
    ],
  };
}

const audit = (model: BundleAudit['model'], unsafe: number): BundleAudit => ({
  pass: unsafe === 0,
  model,
  method: AUDIT_METHOD,
});

describe('PublishResult', () => {
  it('offers the files of a bundle whose audits passed', () => {
    render(<PublishResult bundle={bundleWith([audit('publisher', 0), audit('recipient', 0)])} pageAddress="https://x/" />);
    expect(screen.getAllByRole('link', { name: /^Download / }).map((l) => l.textContent)).toEqual([
      'Download bundle.json',
      'Download cells.parquet',
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers no file of a bundle whose audit failed, and says why plainly', () => {
    render(<PublishResult bundle={bundleWith([audit('publisher', 3), audit('recipient', 0)])} pageAddress="https://x/" />);
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(screen.getByTestId('publish-audit')).toHaveTextContent(`failed (${AUDIT_METHOD})`);
    // How many hidden figures were checked or narrowed would say how many are small: not said, even here.
    expect(screen.getByTestId('publish-audit').textContent).not.toMatch(/\d/);
    expect(screen.getByRole('alert')).toHaveTextContent(
      /not offered for download, because the disclosure audit did not pass: some hidden figures could be narrowed down\. A dashboard opening them would refuse them too/,
    );
  });
});
