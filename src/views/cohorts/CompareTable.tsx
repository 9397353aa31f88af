import { memo } from 'react';
import type { DisclosurePolicy, Indicator } from '../../contract';
import { DataTable, TierBodies } from '../../ui/DataTable';
import type { CohortProfile, ProfileRow } from '../../queries/readers/cohort-profile';
import { MarkerIcon } from './ComparisonMarker';
import { FigureCell } from './FigureCell';
import { formatValue, indicatorName, OUTCOME_TEXT } from './cohort-format';

function Outcome({ row }: { row: ProfileRow | undefined }) {
  if (!row || row.figure.flag === 'x' || row.figure.flag === 'z') return <>not compared</>;
  return (
    <span className="cohort-outcome">
      <MarkerIcon outcome={row.comparison} />
      {OUTCOME_TEXT[row.comparison]}
    </span>
  );
}

/** The two cohorts side by side, indicator by indicator, each against the VRU area. */
export const CompareTable = memo(function CompareTable({
  a,
  b,
  nameA,
  nameB,
  indicators,
  policy,
}: {
  a: CohortProfile;
  b: CohortProfile;
  nameA: string;
  nameB: string;
  indicators: ReadonlyMap<string, Indicator>;
  policy: Pick<DisclosurePolicy, 'roundTo'> | null;
}) {
  const rowOf = (p: CohortProfile, id: string) => p.rows.find((r) => r.indicatorId === id);
  return (
    <DataTable
      captionId="cohort-compare-caption"
      caption={
        <>
          {nameA} and {nameB} side by side: each value, and how it compares with the same ages and sex in the VRU area
        </>
      }
      className="data-table cohort-table"
      head={
        <>
          <tr>
            <th scope="col" rowSpan={2}>
              Indicator
            </th>
            <th scope="colgroup" colSpan={2}>
              {nameA}
            </th>
            <th scope="colgroup" colSpan={2}>
              {nameB}
            </th>
          </tr>
          <tr>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Against VRU area</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Against VRU area</th>
          </tr>
        </>
      }
    >
      <TierBodies items={a.rows} tierOf={(r) => r.tier} colSpan={5}>
        {(rows) =>
          rows.map((ra) => {
            const rb = rowOf(b, ra.indicatorId);
            const ind = indicators.get(ra.indicatorId);
            return (
              <tr key={ra.indicatorId}>
                <th scope="row">
                  {ind ? indicatorName(ind) : ra.indicatorId}
                  <div className="hint">{ind?.rateLabel}</div>
                </th>
                <td className="num">
                  <FigureCell figure={ra.figure} policy={policy} format={(v) => formatValue(v, ra.statistic)} />
                </td>
                <td>
                  <Outcome row={ra} />
                </td>
                <td className="num">
                  {rb ? <FigureCell figure={rb.figure} policy={policy} format={(v) => formatValue(v, rb.statistic)} /> : 'x'}
                </td>
                <td>
                  <Outcome row={rb} />
                </td>
              </tr>
            );
          })
        }
      </TierBodies>
    </DataTable>
  );
});
