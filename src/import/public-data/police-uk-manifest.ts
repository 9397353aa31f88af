import { manifestSchema, type GeographyLevel, type Manifest, type ManifestInput } from '../../contract';
import { monthsBetween } from '../../contract/months';
import { enGBCount } from './number-text';
import type { AreaPlan } from './area-plan';
import { monthList } from './month-run';
import { openDataEthics } from './open-data-ethics';
import type { PoliceUkKind } from './police-uk-files';
import type { PoliceUkIndicator } from './police-uk-indicators';
import type { PoliceUkExtract } from './police-uk-extracts';
import type { PublicDataSettings } from './public-data-state';

export const POLICE_UK_AGENCY = 'Police (police.uk open data)';
export const OGL = 'Open Government Licence v3.0';

export const DATASET_ID: Record<PoliceUkKind, string> = {
  street: 'policeuk-street',
  outcomes: 'policeuk-outcomes',
  'stop-and-search': 'policeuk-stop-search',
};

const DATASET_TITLE: Record<PoliceUkKind, string> = {
  street: 'Street-level crime and anti-social behaviour (police.uk)',
  outcomes: 'Crime outcomes (police.uk)',
  'stop-and-search': 'Stop and search (police.uk)',
};

const WHAT: Record<PoliceUkKind, string> = {
  street: 'Street-level crime and anti-social behaviour records',
  outcomes: 'Outcomes of recorded crimes',
  'stop-and-search': 'Stop and search records',
};

const LEVEL_TITLE: Record<GeographyLevel, string> = {
  vru: 'VRU area',
  district: 'Local authority districts',
  ward: 'Electoral wards',
  msoa: 'Middle layer super output areas',
  lsoa: 'Lower layer super output areas',
};

const sumOf = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
const percent = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '0%');

/** The caveats police.uk's own notes give, and what this load found: months missing, records not placed. */
export function policeUkCaveats(x: PoliceUkExtract, plan: AreaPlan): string[] {
  const located = x.kind !== 'stop-and-search';
  const notPlaced = plan.unknownArea
    ? `they are counted in "Area not known", a part of ${plan.vru.name}, so its total includes them`
    : 'they are in no area, so area totals leave them out';
  const out: string[] = [];
  if (located) {
    out.push(
      'Locations are anonymised: police.uk moves each record to the nearest of a set of map points, so a record can be counted in a neighbouring LSOA and counts for small areas are approximate.',
      `"Falls within" names the force whose area the crime is in, and "Reported by" the force that recorded it; these files fall within ${x.forces.join(' and ')}.`,
    );
  } else {
    out.push(
      'A search has no LSOA in police.uk (only an approximate map point, often none), so searches are counted for the whole force area, given here as the VRU area.',
      'police.uk\'s age ranges ("under 10", "10-17", "18-24", "25-34", "over 34") do not divide into the dashboard\'s age bands, so each range is an indicator of its own, by sex.',
    );
    if (x.noSex > 0)
      out.push(
        `${enGBCount(x.noSex)} searches recorded with a gender of "Other" or none are in the totals but not in the age-range indicators, which are by sex.`,
      );
    if (x.noAge > 0)
      out.push(`${enGBCount(x.noAge)} searches with no age range are in the totals but not in the age-range indicators.`);
  }
  for (const m of x.missing) {
    out.push(
      `No data for ${monthList(m.months)} (${m.force}): these months are missing from the files loaded, and show as not available, not as zero.`,
    );
  }
  if (x.partialMonths.length > 0) {
    out.push(`${monthList(x.partialMonths)}: only some of the forces loaded have files for these months.`);
  }
  const noLocation = sumOf(x.noLocation);
  if (noLocation > 0) {
    out.push(
      `${enGBCount(noLocation)} of ${enGBCount(x.records)} records (${percent(noLocation, x.records)}) have no location and no LSOA: ${notPlaced}.`,
    );
  }
  const outside = sumOf(x.outside);
  if (outside > 0) {
    out.push(
      `${enGBCount(outside)} records (${percent(outside, x.records)}) are placed in ${enGBCount(x.outsideLsoas)} LSOAs outside the districts loaded: ${notPlaced}.`,
    );
  }
  if (x.noMonth > 0) out.push(`${enGBCount(x.noMonth)} records had no readable month and are not counted.`);
  return out;
}

function indicatorEntry(i: PoliceUkIndicator, x: PoliceUkExtract, withRates: boolean): ManifestInput['indicators'][number] {
  // A rate per resident of all ages would misdescribe searches of one age range: those stay counts.
  const rate = withRates && !(i.kind === 'stop-and-search' && i.bySex);
  const noLocation = x.noLocation[i.id] ?? 0;
  const counted = x.kind === 'street' ? 'placed at a map point in the LSOA' : 'recorded';
  return {
    id: i.id,
    title: i.title,
    shortTitle: i.shortTitle,
    dataset: DATASET_ID[i.kind],
    tier: i.tier,
    polarity: i.polarity,
    unit: i.unit,
    multiplier: rate ? 1000 : 1,
    rateLabel: rate ? 'per 1,000 residents' : `${i.unit} (count)`,
    numerator: i.numerator,
    denominator: rate ? 'Residents of all ages (ONS mid-year population estimates, or IoD 2019 File 6)' : 'None: counts only',
    denominatorSource: rate ? 'population' : 'none',
    statistic: rate ? 'rate' : 'count',
    method: `Records in the police.uk monthly files counted by month and ${i.kind === 'stop-and-search' ? 'force area' : `LSOA (${counted})`} as they were read in this browser; no record is kept. Areas add up to districts and the whole area; months to quarters and years.${rate ? ' Rate = count / residents x 1,000.' : ''}`,
    caveats: [
      ...i.caveats,
      ...(noLocation > 0 ? [`${enGBCount(noLocation)} records of this kind had no location and are in no LSOA.`] : []),
    ],
    headline: i.headline,
  };
}

/**
 * The manifest entries for the police.uk files loaded: one dataset per kind, marked as published open data,
 * with its licence, coverage, caveats and the ethics canvas for open data (the user's answers where given), and
 * an indicator per category. Levels are declared when the lookup was built here. Checked by the one schema.
 */
export function policeUkManifest(input: {
  plan: AreaPlan;
  extracts: readonly PoliceUkExtract[];
  withRates: boolean;
  settings: PublicDataSettings;
  refreshed: string;
}): Manifest {
  const { plan, extracts, withRates, settings, refreshed } = input;
  const districts = plan.districts.filter((d) => d.code !== plan.unknownArea);
  const where = `${plan.vru.name}: ${districts.length} ${districts.length === 1 ? 'district' : 'districts'} (${districts.map((d) => d.name).join(', ')})`;
  const manifest: ManifestInput = {
    schemaVersion: 1,
    title: `${plan.vru.name}: police.uk open data`,
    area: { code: plan.vru.code, name: plan.vru.name },
    synthetic: false,
    datasets: extracts.map((x) => ({
      id: DATASET_ID[x.kind],
      title: DATASET_TITLE[x.kind],
      agency: POLICE_UK_AGENCY,
      owner: `${x.forces.join(', ')}; published by the Home Office at data.police.uk`,
      legalBasis: `Open data, published under the ${OGL}: no sharing agreement is needed.`,
      sharingAgreement: 'None needed: published open data.',
      licence: OGL,
      refreshed,
      coverage: {
        from: x.months[0] ?? refreshed.slice(0, 7),
        to: x.months[x.months.length - 1] ?? refreshed.slice(0, 7),
        areas:
          x.kind === 'stop-and-search'
            ? `The whole force area (${x.forces.join(', ')}), given as ${plan.vru.name}`
            : `${where}, by the LSOA of each record's map point`,
        // police.uk lists every record, so an area with none in a month had none; a month without its file is not 0.
        absentRows: 'zero',
        notReported: notReportedSpans(x),
      },
      caveats: policeUkCaveats(x, plan),
      synthetic: false,
      published: true,
      ethics: { ...openDataEthics(WHAT[x.kind]), ...definedAnswers(settings.ethics?.[DATASET_ID[x.kind]]) },
    })),
    indicators: extracts.flatMap((x) => x.indicators.map((i) => indicatorEntry(i, x, withRates))),
    geographies: plan.levels.map((l) => ({ level: l.level, title: LEVEL_TITLE[l.level], parentLevel: l.parentLevel })),
  };
  return manifestSchema.parse(manifest);
}

/** Only the answers the user filled in: an empty answer keeps the dashboard's. */
function definedAnswers(answers: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''),
  );
}

/**
 * The months inside the loaded run that are not reported: those with no file, and those only some of the forces
 * loaded have files for (a force's areas cannot be told apart here, so the month is not reported as a whole; the
 * records that were loaded for it still count). Consecutive months make one span.
 */
export function notReportedSpans(x: Pick<PoliceUkExtract, 'months' | 'partialMonths' | 'missing'>) {
  const first = x.months[0];
  const last = x.months[x.months.length - 1];
  if (!first || !last) return [];
  const partial = new Set(x.partialMonths);
  const whole = new Set(x.months.filter((m) => !partial.has(m)));
  const forcesOf = (m: string) => x.missing.filter((f) => f.months.includes(m)).map((f) => f.force);
  const spans: { areas: 'all'; from: string; to: string; reason: string }[] = [];
  for (const m of monthsBetween(first, last)) {
    if (whole.has(m)) continue;
    const reason = partial.has(m)
      ? 'only some of the forces loaded have files for this month'
      : `no police.uk file for this month (${forcesOf(m).join(', ') || 'every force'})`;
    const prev = spans[spans.length - 1];
    if (prev && prev.reason === reason && monthsBetween(prev.to, m).length === 2) prev.to = m;
    else spans.push({ areas: 'all', from: m, to: m, reason });
  }
  return spans;
}
