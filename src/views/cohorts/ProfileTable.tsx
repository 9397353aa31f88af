import { kindNamed } from '../../indicator-kinds';
import type { DisclosurePolicy, Indicator } from '../../contract';
import { DataTable, TierBodies } from '../../ui/DataTable';
import type { CohortProfile, ProfileRow } from '../../queries/readers/cohort-profile';
import { protectedCsv, type ExportMeta } from '../../disclosure/export-csv';
import type { PublicFlag } from '../../disclosure/protected-tables';
import { MarkerIcon } from './ComparisonMarker';
import { MIN_DISTRICTS_FOR_RANGE } from './SpineChart';
import { CsvButton } from './CsvButton';
import type { ExportMetaFor } from './export-meta';
import { FigureCell, SymbolWithReason } from './FigureCell';
import { bandList } from './cohort-name';
import {
  formatRate,
  formatValue,
  indicatorName,
  isSymbol,
  noteList,
  OUTCOME_TEXT,
  populationYearNote,
  SYMBOL_NOTES,
} from './cohort-format';

export function coverageText(row: ProfileRow): string {
  const s = row.selection;
  if (s.flag !== 'available') return s.reason ?? 'not recorded for this cohort';
  if (s.cellBands.includes('all'))
    return s.coveredBands.includes('all') ? 'all ages' : `all ages it records (${bandList(s.coveredBands)})`;
  if (s.missingBands.length === 0) return bandList(s.coveredBands);
  return `${bandList(s.coveredBands)} only (not recorded for ${bandList(s.missingBands)})`;
}

function rangeText(row: ProfileRow): string {
  if (!kindNamed(row.statistic).hasRate) return 'not compared (a count)';
  const r = row.range;
  const hidden = row.districts.filter((d) => d.figure.flag === 'c').length;
  if (!r) return hidden ? `every district c (${hidden})` : 'none';
  if (r.shown < MIN_DISTRICTS_FOR_RANGE) return `too few districts shown for a range (${r.shown} shown, ${r.hidden} c)`;
  const extent = `${formatRate(r.min)} to ${formatRate(r.max)} (middle half ${formatRate(r.q25)} to ${formatRate(r.q75)})`;
  return `${extent}; ${r.shown} districts${r.hidden ? `, ${r.hidden} c` : ''}`;
}

function Limits({ row, policy }: { row: ProfileRow; policy: Pick<DisclosurePolicy, 'roundTo'> | null }) {
  const f = row.figure;
  if (isSymbol(f.flag) || f.stat.lower95 === null || f.stat.upper95 === null) {
    return f.flag === 'x' || f.flag === 'z' ? (
      <SymbolWithReason flag={f.flag} reason={f.reason} />
    ) : (
      <FigureCell figure={f} field="lower95" policy={policy} />
    );
  }
  return (
    <>
      <FigureCell figure={f} field="lower95" policy={policy} /> to <FigureCell figure={f} field="upper95" policy={policy} />
    </>
  );
}

/** Every figure of the profile, by tier: the accessible table behind the spine charts. */
export function ProfileTable({
  profile,
  indicators,
  cohortName,
  vruName,
  policy,
  captionId,
}: {
  profile: CohortProfile;
  indicators: ReadonlyMap<string, Indicator>;
  cohortName: string;
  vruName: string;
  policy: Pick<DisclosurePolicy, 'roundTo'> | null;
  captionId: string;
}) {
  const hasBenchmark = profile.areaCode !== profile.vruCode;
  return (
    <DataTable
      captionId={captionId}
      caption={
        <>
          Figures for {cohortName} by prevention tier, with 95% confidence limits
          {hasBenchmark ? `, compared with the same ages and sex in the ${vruName}` : ''}
        </>
      }
      className="data-table cohort-table"
      columns={[
        { label: 'Indicator' },
        { label: 'Ages covered' },
        { label: 'Year' },
        { label: 'Count', num: true },
        { label: 'Value', num: true },
        { label: '95% limits', num: true },
        hasBenchmark && { label: 'VRU area', num: true },
        hasBenchmark && { label: 'Compared with VRU area' },
        { label: 'Districts, same ages and sex' },
      ]}
      after={
        <p className="hint">
          {SYMBOL_NOTES.join('. ')}. Low count: fewer than 10 events, so read the value with care.
          {profile.rows.some((r) => r.figure.averageMonth) ? ` ${AVERAGE_MONTH_NOTE}.` : ''}
        </p>
      }
    >
      <TierBodies items={profile.rows} tierOf={(r) => r.tier} colSpan={hasBenchmark ? 9 : 7}>
        {(rows) =>
          rows.map((row) => {
            const ind = indicators.get(row.indicatorId);
            return (
              <tr key={row.indicatorId}>
                <th scope="row">
                  {ind ? indicatorName(ind) : row.indicatorId}
                  <div className="hint">{ind?.rateLabel}</div>
                </th>
                <td>{coverageText(row)}</td>
                <td>{row.year ?? 'x'}</td>
                <td className="num">
                  <FigureCell figure={row.figure} field="count" policy={policy} />
                  {row.figure.averageMonth ? <div className="hint">people in an average month</div> : null}
                </td>
                <td className="num">
                  <FigureCell figure={row.figure} policy={policy} format={(v) => formatValue(v, row.statistic)} />
                  {row.lowCount ? <span className="tag tag--inline">low count</span> : null}
                </td>
                <td className="num">
                  {!kindNamed(row.statistic).hasRate && !isSymbol(row.figure.flag) ? 'z' : <Limits row={row} policy={policy} />}
                </td>
                {hasBenchmark ? (
                  <>
                    <td className="num">
                      {row.benchmark ? (
                        <FigureCell figure={row.benchmark} policy={policy} format={(v) => formatValue(v, row.statistic)} />
                      ) : (
                        'z'
                      )}
                    </td>
                    <td>
                      {row.figure.flag === 'x' || row.figure.flag === 'z' ? (
                        'not compared'
                      ) : (
                        <span className="cohort-outcome">
                          <MarkerIcon outcome={row.comparison} />
                          {OUTCOME_TEXT[row.comparison]}
                        </span>
                      )}
                    </td>
                  </>
                ) : null}
                <td>{rangeText(row)}</td>
              </tr>
            );
          })
        }
      </TierBodies>
    </DataTable>
  );
}

/** Why some counts are an average month: said under the table and in the CSV file. */
export const AVERAGE_MONTH_NOTE =
  'For indicators that count people each month (e.g. young people not in education, employment or training), the count is people in an average month of the year, not the sum of the months (person-months)';

const csvSymbol = (row: ProfileRow, v: number | null): string | number | null =>
  isSymbol(row.figure.flag) ? row.figure.flag : v === null ? 'x' : Number(v.toFixed(4));

/** The profile as a CSV of protected figures, with its symbols explained. */
export function profileCsv(
  profile: CohortProfile,
  indicators: ReadonlyMap<string, Indicator>,
  cohortName: string,
  meta: ExportMeta,
): string {
  return protectedCsv<ProfileRow>(
    {
      title: `Tier profile: ${cohortName}`,
      ...meta,
      notes: [
        ...SYMBOL_NOTES,
        'value is a rate, proportion or count as the indicator states; limits are 95%',
        ...(profile.rows.some((r) => r.figure.averageMonth) ? [AVERAGE_MONTH_NOTE] : []),
        ...noteList(
          populationYearNote(
            profile.rows.flatMap((r) => [r.figure, ...(r.benchmark ? [r.benchmark] : []), ...r.districts.map((d) => d.figure)]),
          ),
        ),
      ],
    },
    [
      { header: 'tier', value: (r) => r.tier },
      { header: 'indicator_id', value: (r) => r.indicatorId },
      { header: 'indicator', value: (r) => indicators.get(r.indicatorId)?.title ?? r.indicatorId },
      { header: 'unit', value: (r) => indicators.get(r.indicatorId)?.rateLabel ?? '' },
      { header: 'year', value: (r) => r.year ?? 'x' },
      { header: 'ages_covered', value: (r) => coverageText(r) },
      { header: 'count', figure: true, value: (r) => csvSymbol(r, r.figure.count) },
      { header: 'count_is', value: (r) => (r.figure.averageMonth ? 'people in an average month' : 'in the year') },
      { header: 'value', figure: true, value: (r) => csvSymbol(r, r.figure.stat.value) },
      {
        header: 'lower_95',
        value: (r) => (!kindNamed(r.statistic).hasRate && !isSymbol(r.figure.flag) ? 'z' : csvSymbol(r, r.figure.stat.lower95)),
      },
      {
        header: 'upper_95',
        value: (r) => (!kindNamed(r.statistic).hasRate && !isSymbol(r.figure.flag) ? 'z' : csvSymbol(r, r.figure.stat.upper95)),
      },
      {
        header: 'vru_value',
        value: (r) => (r.benchmark ? (isSymbol(r.benchmark.flag) ? r.benchmark.flag : r.benchmark.stat.value) : 'z'),
      },
      { header: 'compared_with_vru', value: (r) => OUTCOME_TEXT[r.comparison] },
      { header: 'districts_shown', value: (r) => r.range?.shown ?? 0 },
      { header: 'districts_c', value: (r) => r.districts.filter((d) => d.figure.flag === 'c').length },
      { header: 'district_min', value: (r) => r.range?.min ?? 'x' },
      { header: 'district_q25', value: (r) => r.range?.q25 ?? 'x' },
      { header: 'district_q75', value: (r) => r.range?.q75 ?? 'x' },
      { header: 'district_max', value: (r) => r.range?.max ?? 'x' },
    ],
    profile.rows,
    (r): PublicFlag => (r.figure.flag === 'c' || r.figure.flag === 'rounded' ? r.figure.flag : 'shown'),
  );
}

export function CohortCsvButton(props: {
  profile: CohortProfile;
  indicators: ReadonlyMap<string, Indicator>;
  cohortName: string;
  exportMeta: ExportMetaFor;
}) {
  const file = `cohort-profile-${props.cohortName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.csv`;
  return (
    <CsvButton
      fileName={file}
      label="Download the profile (CSV)"
      build={() =>
        profileCsv(
          props.profile,
          props.indicators,
          props.cohortName,
          props.exportMeta(props.profile.rows.map((r) => r.indicatorId)),
        )
      }
    />
  );
}
