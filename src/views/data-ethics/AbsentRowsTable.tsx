import type { AbsentRows, Manifest } from '../../contract';
import { monthName } from '../../contract/months';
import { useSessionSnapshot } from '../../hooks/session-context';

const READING_WORDS: Record<AbsentRows, string> = {
  zero: 'as 0 (no events)',
  notReported: 'as not reported',
};

/**
 * How rows left out of each indicator's extract are read, and who said so: the manifest, or the answer given at
 * import (kept with the workspace). Months declared not reported are listed; they show as `x`, never as 0.
 */
export function AbsentRowsTable({ manifest }: { manifest: Manifest }) {
  const { absentRows } = useSessionSnapshot();
  const titles = new Map(manifest.indicators.map((i) => [i.id, i.shortTitle ?? i.title]));
  const spansOf = new Map(manifest.indicators.map((i) => [i.id, manifest.datasets.find((d) => d.id === i.dataset)?.coverage]));
  if (absentRows.length === 0) return <p>No extract is loaded.</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="absent-rows-caption" tabIndex={0}>
      <table>
        <caption id="absent-rows-caption">How rows left out of each extract are read, and the months not reported</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Rows left out read</th>
            <th scope="col">Said by</th>
            <th scope="col">Declared not reported</th>
          </tr>
        </thead>
        <tbody>
          {absentRows.map((r) => {
            const spans = r.reading === 'zero' ? (spansOf.get(r.indicatorId)?.notReported ?? []) : [];
            return (
              <tr key={r.indicatorId}>
                <th scope="row">{titles.get(r.indicatorId) ?? r.indicatorId}</th>
                <td>{r.reading === null ? 'not yet answered: not shown' : READING_WORDS[r.reading]}</td>
                <td>
                  {r.source === 'manifest'
                    ? 'the manifest'
                    : r.source === 'answer'
                      ? `your answer at Load data (${r.files.join(', ')})`
                      : `waiting for an answer at Load data (${r.files.join(', ')})`}
                </td>
                <td>
                  {spans.length === 0
                    ? r.reading === 'notReported'
                      ? 'each area and month with no row'
                      : 'none'
                    : spans
                        .map(
                          (s) =>
                            `${s.from === s.to ? monthName(s.from) : `${monthName(s.from)} to ${monthName(s.to)}`} (${s.areas === 'all' ? 'all areas' : s.areas.join(', ')})`,
                        )
                        .join('; ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
