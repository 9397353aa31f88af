import { drawsOnSynthetic, type GeographyLevel, type Indicator, type Manifest, sourceOf } from '../../contract';
import { protectedCsv, type CsvColumn } from '../../disclosure/export-csv';
import type { AreaFigure, MapFigures } from '../../queries/figures/map-area-figures';
import { averageMonthNote, comparisonLabel, levelNoun } from './map-model';

export interface MapCsvContext {
  manifest: Manifest;
  indicator: Indicator;
  level: GeographyLevel;
  /** Wards, MSOAs and LSOAs are published for all ages and persons only, with their district. */
  small: boolean;
  age: string;
  sex: string;
  /** The rules the figures follow (rulesFor, for the indicator), as named under the map. */
  rules: string;
  hasRate: boolean;
  benchmarkName: string;
  /** "2024" or "March 2025", as the map's title says. */
  when: string;
  /** "all ages, persons", as the map's title says. */
  breakdown: string;
  /** A loaded benchmark (not the whole area) is what the comparison column compares with. */
  comparedWithBenchmark: boolean;
}

/** The table beside the map as a CSV of protected figures, with the whole VRU area as the benchmark row. */
export function mapCsv(data: MapFigures, c: MapCsvContext): string {
  const rows: AreaFigure[] = [...data.areas, ...(data.benchmark ? [data.benchmark] : [])];
  const missing = (f: AreaFigure['rateFlag']) => f === 'c' || f === 'x';
  const columns: CsvColumn<AreaFigure>[] = [
    { header: 'area_code', value: (r) => r.code },
    { header: 'area_name', value: (r) => r.name },
    { header: 'level', value: (r) => r.level },
    ...(c.small ? [{ header: 'district_code', value: (r: AreaFigure) => r.districtCode }] : []),
    { header: 'period', value: () => data.period?.period ?? '' },
    { header: 'age_band', value: () => (c.small ? 'all' : c.age) },
    { header: 'sex', value: () => (c.small ? 'all' : c.sex) },
    { header: 'value', figure: true, value: (r) => (r.countFlag === 'x' ? 'x' : r.count) },
    ...(c.hasRate
      ? [
          { header: 'rate', value: (r: AreaFigure) => (missing(r.rateFlag) ? r.rateFlag : (r.rate?.value ?? null)) },
          { header: 'rate_lower_95', value: (r: AreaFigure) => (missing(r.rateFlag) ? null : (r.rate?.lower95 ?? null)) },
          { header: 'rate_upper_95', value: (r: AreaFigure) => (missing(r.rateFlag) ? null : (r.rate?.upper95 ?? null)) },
          { header: 'rate_flag', value: (r: AreaFigure) => r.rateFlag },
          {
            header: c.comparedWithBenchmark ? 'compared_with_benchmark' : 'compared_with_whole_area',
            value: (r: AreaFigure) =>
              r.level === 'vru' || r.level === 'benchmark' ? 'benchmark' : comparisonLabel(r.comparison, c.indicator.polarity),
          },
        ]
      : []),
    { header: 'low_count', value: (r) => (r.lowCount ? 'yes' : 'no') },
    { header: 'partial', value: (r) => (r.incompleteMonths > 0 ? 'yes' : 'no') },
  ];
  return protectedCsv(
    {
      title: `${c.indicator.title} by ${levelNoun(c.level, false)}, ${c.when} (${c.breakdown})`,
      source: sourceOf(c.manifest, [c.indicator]),
      synthetic: drawsOnSynthetic(c.manifest, [c.indicator.id]),
      rules: c.rules,
      notes: [
        ...(data.countAveragedOver !== null ? [`value: ${averageMonthNote(c.indicator.unit, data.countAveragedOver)}`] : []),
        `rate: ${c.indicator.rateLabel}, with 95% confidence limits; compared with ${c.benchmarkName} by those limits`,
        'partial = some parts of the area sent no data for some months of the period: the total is too low and is not compared',
        ...(data.populationYear !== null
          ? [
              `rate: uses the ${data.populationYear} population, the nearest year loaded (there is none for ${data.period?.period.slice(0, 4)})`,
            ]
          : []),
        ...[...new Set(rows.flatMap((r) => (r.rateFlag === 'x' && r.rateReason ? [r.rateReason] : [])))].map(
          (reason) => `rate x: ${reason}`,
        ),
      ],
    },
    columns,
    rows,
    (r) => r.countFlag,
  );
}
