import { DataTable } from '../../ui/DataTable';
import type { Manifest } from '../../contract';
import { useCoverageMatrix } from '../../hooks/use-catalogue';
import { useEffect } from 'react';
import { formatMonth, shortMonth } from '../../ui/format';
import { markOnce } from '../../ui/performance-marks';

/**
 * Indicator x month. A full month shows a filled mark, a partial month the number of areas reporting,
 * and a gap the symbol x (not available): the meaning is in the text, not only the shading.
 */
export function CoverageMatrixTable({ manifest }: { manifest: Manifest }) {
  const coverage = useCoverageMatrix();
  useEffect(() => {
    if (coverage.isSuccess) markOnce('view-ready:data');
  }, [coverage.isSuccess]);
  if (coverage.isPending) return <p role="status">Checking coverage…</p>;
  if (coverage.isError) return <p role="alert">Coverage could not be worked out: {coverage.error.message}</p>;
  const { periods, cells, expectedAreas } = coverage.data;
  if (periods.length === 0) return <p>No extracts are loaded yet.</p>;
  const reporting = new Map(cells.map((c) => [`${c.indicatorId}|${c.period}`, c.areasReporting]));
  const years = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const indicators = manifest.indicators.filter((i) => expectedAreas[i.id] !== undefined);
  let gaps = 0;
  let partial = 0;
  for (const i of indicators) {
    for (const p of periods) {
      const n = reporting.get(`${i.id}|${p}`) ?? 0;
      if (n === 0) gaps++;
      else if (n < (expectedAreas[i.id] ?? 0)) partial++;
    }
  }
  return (
    <>
      <p>
        {gaps === 0 && partial === 0
          ? 'Every indicator has data for every month from every area that reports it.'
          : `${gaps} indicator-months have no data and ${partial} have data from only some areas.`}{' '}
        Key:{' '}
        <span className="cov cov--full" aria-hidden="true">
          ●
        </span>{' '}
        all areas reporting;{' '}
        <span className="cov cov--partial" aria-hidden="true">
          9
        </span>{' '}
        the number of areas reporting, when fewer than usual;{' '}
        <span className="cov cov--gap" aria-hidden="true">
          x
        </span>{' '}
        no data (not available).
      </p>
      <DataTable
        captionId="coverage-caption"
        caption={
          <>
            Months with data, by indicator ({formatMonth(periods[0] ?? '')} to {formatMonth(periods.at(-1) ?? '')})
          </>
        }
        className="coverage"
        head={
          <>
            <tr>
              <td />
              {years.map((y) => (
                <th key={y} scope="colgroup" colSpan={periods.filter((p) => p.startsWith(y)).length}>
                  {y}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">Indicator</th>
              {periods.map((p) => (
                <th key={p} scope="col" abbr={formatMonth(p)}>
                  {shortMonth(p).charAt(0)}
                  <span className="visually-hidden">
                    {shortMonth(p).slice(1)} {p.slice(0, 4)}
                  </span>
                </th>
              ))}
            </tr>
          </>
        }
      >
        <tbody>
          {indicators.map((i) => {
            const expected = expectedAreas[i.id] ?? 0;
            return (
              <tr key={i.id}>
                <th scope="row">{i.shortTitle ?? i.title}</th>
                {periods.map((p) => {
                  const n = reporting.get(`${i.id}|${p}`) ?? 0;
                  if (n === 0)
                    return (
                      <td key={p} className="cov cov--gap">
                        x<span className="visually-hidden"> no data</span>
                      </td>
                    );
                  if (n < expected)
                    return (
                      <td key={p} className="cov cov--partial">
                        {n}
                        <span className="visually-hidden"> of {expected} areas</span>
                      </td>
                    );
                  return (
                    <td key={p} className="cov cov--full">
                      <span aria-hidden="true">●</span>
                      <span className="visually-hidden">all {expected} areas</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}
