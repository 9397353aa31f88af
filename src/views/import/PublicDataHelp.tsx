/** The public files the Load data screen takes as they are published (an item of its "What files can I load?" list). */
export function PublicDataHelp() {
  return (
    <li>
      <strong>Public data, as published</strong>: police.uk monthly files (<code>YYYY-MM-force-street.csv</code>,{' '}
      <code>-outcomes.csv</code>, <code>-stop-and-search.csv</code>), one by one, many at once, or the zip of month folders
      police.uk gives; the English Indices of Deprivation 2019 (File 1, and File 6 for population); ONS LSOA population estimates;
      ONS lookups (LSOA to MSOA, ward and district). They are counted here into the dashboard&rsquo;s own extracts, areas lookup
      and population, with no manifest needed. Records are never kept, only counts.
    </li>
  );
}
