import { useEffect, useMemo } from 'react';
import { auditsPassed } from '../../bundle/bundle-format';
import type { PublishedBundle } from '../../bundle/publish-bundle';

function sizeText(bytes: number): string {
  return bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A published bundle: its audits, then the files to host, or, when an audit failed, why there are none. A bundle
 * that failed is never offered: a recipient's dashboard would refuse it, and its figures should not travel.
 */
export function PublishResult({ bundle, pageAddress }: { bundle: PublishedBundle; pageAddress: string }) {
  const passed = auditsPassed(bundle.metadata.audit);
  const links = useMemo(
    () =>
      passed
        ? bundle.files.map((f) => ({
            ...f,
            url: URL.createObjectURL(new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type })),
          }))
        : [],
    [bundle, passed],
  );
  useEffect(() => () => links.forEach((l) => URL.revokeObjectURL(l.url)), [links]);

  return (
    <div className="publish__result">
      <h3>Disclosure audit of the bundle</h3>
      <ul data-testid="publish-audit">
        {bundle.metadata.audit.map((a) => (
          <li key={a.model}>
            {a.model === 'publisher' ? 'With the small numbers known (as the publisher)' : 'As a recipient sees it (only c)'}:{' '}
            <strong>{a.pass ? 'passed' : 'failed'}</strong> ({a.method}).
          </li>
        ))}
      </ul>
      {passed ? (
        <>
          <h3>Files to host together</h3>
          <ul className="publish__files">
            {links.map((f) => (
              <li key={f.name}>
                <a href={f.url} download={f.name}>
                  Download {f.name}
                </a>{' '}
                ({sizeText(f.bytes.byteLength)})
              </li>
            ))}
          </ul>
          <p>
            Link to share once hosted: <code>{`${pageAddress}?bundle=<folder address>/bundle.json&view=overview`}</code>
          </p>
        </>
      ) : (
        <p role="alert" className="notice notice--error" data-testid="publish-refused">
          These files are not offered for download, because the disclosure audit did not pass: some hidden figures could be
          narrowed down. A dashboard opening them would refuse them too. Reload the data and publish again; if the audit still
          fails, keep to the figures shown in this dashboard and report the problem.
        </p>
      )}
    </div>
  );
}
