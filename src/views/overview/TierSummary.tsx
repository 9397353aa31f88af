import { kindOf } from '../../indicator-kinds';
import type { DisclosurePolicy } from '../../contract';
import type { BriefingMeasure } from '../../queries/figures/briefing-measure';
import { DataTable, TierBodies } from '../../ui/DataTable';
import { SymbolLegend } from '../../ui/SymbolLegend';
import { ExportButtons } from '../shell/ExportButtons';
import { changeText, measureTitle, significanceText, summaryCsv } from './briefing-csv';
import { BriefingFigure } from './MeasureCard';

const fmtStat = (v: number) =>
  v.toLocaleString('en-GB', { maximumFractionDigits: v >= 100 ? 0 : 1, minimumFractionDigits: v >= 100 ? 0 : 1 });

/** Every measure loaded, grouped by prevention tier: latest full year, rate and change on the year before. */
export function TierSummary({
  measures,
  areaName,
  policy,
  source,
  synthetic,
  rules,
}: {
  measures: readonly BriefingMeasure[];
  areaName: string;
  policy: DisclosurePolicy;
  source: string;
  synthetic: boolean;
  /** The rules the figures of every measure in the table follow (rulesFor). */
  rules: string;
}) {
  const title = `All measures by prevention tier: ${areaName}, latest full year`;
  return (
    <>
      <DataTable
        captionId="tier-summary-caption"
        caption={title}
        className="data-table tier-summary"
        columns={[
          { label: 'Measure' },
          { label: 'Period' },
          { label: 'Number', num: true },
          { label: 'Rate or percentage', num: true },
          { label: 'Unit' },
          { label: 'Change on year before', num: true },
          { label: 'Significance' },
        ]}
      >
        <TierBodies items={measures} tierOf={(m) => m.indicator.tier} colSpan={7}>
          {(rows) =>
            rows.map((m) => (
              <tr key={m.indicator.id} data-indicator={m.indicator.id}>
                <th scope="row">{measureTitle(m)}</th>
                <td>{m.current?.label ?? 'x'}</td>
                <td className="num">
                  {m.current ? (
                    <BriefingFigure
                      value={m.current.perMonth !== null ? Math.round(m.current.perMonth) : m.current.value}
                      flag={m.current.flag}
                      policy={policy}
                    />
                  ) : (
                    'x'
                  )}
                  {m.current?.perMonth != null ? <span className="hint"> (average month)</span> : null}
                </td>
                <td className="num">
                  {/* z only for an indicator shown as a count: one with a rate but no full year has an x, not z. */}
                  {!kindOf(m.indicator).hasRate ? (
                    <span title="Not applicable: shown as a count">z</span>
                  ) : !m.current ? (
                    'x'
                  ) : (
                    <BriefingFigure
                      value={m.current.statistic?.value ?? null}
                      flag={m.current.statistic?.value == null && m.current.flag !== 'c' ? 'x' : m.current.flag}
                      policy={policy}
                      format={fmtStat}
                      derived={m.current.flag === 'rounded'}
                      missingReason={m.current.rateReason}
                    />
                  )}
                  {m.current?.populationYear != null ? (
                    <span className="hint"> ({m.current.populationYear} population)</span>
                  ) : null}
                </td>
                <td>{kindOf(m.indicator).hasRate ? m.indicator.rateLabel : m.indicator.unit}</td>
                <td className="num">{changeText(m)}</td>
                <td>{significanceText(m)}</td>
              </tr>
            ))
          }
        </TierBodies>
      </DataTable>
      <SymbolLegend symbols={['c', 'x', 'z']} />
      <div className="no-print">
        <ExportButtons
          title={title}
          source={source}
          synthetic={synthetic}
          rules={rules}
          csv={() => summaryCsv(measures, { title, source, synthetic, rules })}
        />
      </div>
    </>
  );
}
