import type { Polarity, Tier } from '../../contract';
import type { PoliceUkKind } from './police-uk-files';

/** One indicator the dashboard makes from police.uk files, before the manifest adds rates and its dataset. */
export interface PoliceUkIndicator {
  id: string;
  kind: PoliceUkKind;
  title: string;
  shortTitle: string;
  tier: Tier;
  polarity: Polarity;
  unit: string;
  numerator: string;
  headline: boolean;
  /** By sex (female, male) rather than for all persons only. */
  bySex: boolean;
  caveats: string[];
}

const crime = (
  id: string,
  type: string,
  tier: Tier,
  extra: Partial<PoliceUkIndicator> = {},
): PoliceUkIndicator & { match: string } => ({
  id: `policeuk-${id}`,
  kind: 'street',
  match: type,
  title: `${type} recorded by the police`,
  shortTitle: type,
  tier,
  polarity: 'higher-is-worse',
  unit: 'crimes recorded',
  numerator: `Crimes recorded in the police.uk category "${type}", by the LSOA of the map point they were placed at`,
  headline: false,
  bySex: false,
  caveats: [],
  ...extra,
});

/**
 * police.uk's 14 street-level categories. Violence, weapons and robbery are harm (tertiary); public order,
 * anti-social behaviour, criminal damage and drugs are early warnings (secondary); the rest is context (primary).
 */
export const STREET_INDICATORS = [
  crime('violence-sexual', 'Violence and sexual offences', 'tertiary', { headline: true }),
  crime('weapons', 'Possession of weapons', 'tertiary', {
    headline: true,
    caveats: [
      'Possession of weapons is mostly found by police activity (such as stop and search), so it rises with that activity.',
    ],
  }),
  crime('robbery', 'Robbery', 'tertiary', { headline: true }),
  crime('public-order', 'Public order', 'secondary'),
  crime('asb', 'Anti-social behaviour', 'secondary', {
    title: 'Anti-social behaviour incidents recorded by the police',
    unit: 'incidents of anti-social behaviour recorded',
    numerator:
      'Incidents recorded in the police.uk category "Anti-social behaviour" (not crimes), by the LSOA of their map point',
  }),
  crime('criminal-damage-arson', 'Criminal damage and arson', 'secondary'),
  crime('drugs', 'Drugs', 'secondary', {
    title: 'Drug offences recorded by the police',
    polarity: 'neutral',
    caveats: ['Drug offences are mostly found by police activity, so they measure that activity as much as drug use.'],
  }),
  crime('burglary', 'Burglary', 'primary'),
  crime('vehicle', 'Vehicle crime', 'primary'),
  crime('shoplifting', 'Shoplifting', 'primary'),
  crime('theft-person', 'Theft from the person', 'primary'),
  crime('bicycle-theft', 'Bicycle theft', 'primary'),
  crime('other-theft', 'Other theft', 'primary'),
  crime('other-crime', 'Other crime', 'primary'),
];

const byType = new Map(STREET_INDICATORS.map((i) => [i.match, i]));

/** The indicator a street record's "Crime type" goes to; a category police.uk adds later gets one of its own. */
export function streetIndicator(crimeType: string): PoliceUkIndicator {
  const known = byType.get(crimeType);
  if (known) return known;
  const slug = crimeType
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return crime(slug || 'not-given', crimeType || 'Crime type not given', 'primary');
}

const outcome = (id: string, title: string, shortTitle: string, numerator: string): PoliceUkIndicator => ({
  id: `policeuk-outcome-${id}`,
  kind: 'outcomes',
  title,
  shortTitle,
  tier: 'tertiary',
  polarity: 'neutral',
  unit: 'crime outcomes recorded',
  numerator,
  headline: false,
  bySex: false,
  caveats: ['An outcome is counted in the month it was recorded, which is often later than the month of the crime.'],
});

/** Outcome types grouped as police.uk groups them on its site; every type falls in exactly one group. */
export const OUTCOME_INDICATORS = {
  noSuspect: outcome(
    'no-suspect',
    'Investigations completed with no suspect identified',
    'No suspect identified',
    'Outcomes "Investigation complete; no suspect identified"',
  ),
  unable: outcome(
    'unable-to-prosecute',
    'Crimes where the suspect could not be prosecuted',
    'Unable to prosecute suspect',
    'Outcomes "Unable to prosecute suspect"',
  ),
  charged: outcome(
    'charged',
    'Suspects charged or sent to court',
    'Charged',
    'Outcomes "Suspect charged", "Suspect charged as part of another case", "Awaiting court outcome" and "Defendant sent to Crown Court"',
  ),
  court: outcome(
    'court-result',
    'Court results recorded',
    'Court results',
    'Outcomes that are a court result: sentences, fines, discharges, not guilty, case unable to proceed, result unavailable',
  ),
  outOfCourt: outcome(
    'out-of-court',
    'Out-of-court resolutions',
    'Out-of-court resolutions',
    'Outcomes "Local resolution", cautions, penalty notices, drugs and cannabis or khat warnings, community resolutions',
  ),
  publicInterest: outcome(
    'not-public-interest',
    'Crimes closed as not in the public interest',
    'Not in the public interest',
    'Outcomes saying formal action or further investigation is not in the public interest',
  ),
  other: outcome(
    'other',
    'Other crime outcomes',
    'Other outcomes',
    'Every other outcome: action by another organisation, under investigation, status update unavailable',
  ),
};

/** The group an outcome type belongs to. */
export function outcomeIndicator(type: string): PoliceUkIndicator {
  const t = type.toLowerCase();
  const o = OUTCOME_INDICATORS;
  if (t.startsWith('investigation complete')) return o.noSuspect;
  if (t.startsWith('unable to prosecute')) return o.unable;
  if (t.includes('not in the public interest')) return o.publicInterest;
  if (t.startsWith('suspect charged') || t === 'awaiting court outcome' || t === 'defendant sent to crown court')
    return o.charged;
  if (/^local resolution|caution|penalty notice|warning|community resolution/.test(t)) return o.outOfCourt;
  if (/^(offender|defendant)\b|^court /.test(t)) return o.court;
  return o.other;
}

const search = (id: string, title: string, shortTitle: string, numerator: string, bySex: boolean): PoliceUkIndicator => ({
  id: `policeuk-stop-search${id ? `-${id}` : ''}`,
  kind: 'stop-and-search',
  title,
  shortTitle,
  tier: 'tertiary',
  polarity: 'neutral',
  unit: 'stop and searches recorded',
  numerator,
  headline: false,
  bySex,
  caveats: [],
});

/**
 * Stop and search. police.uk's age ranges ("10-17", "over 34") do not divide into the dashboard's age bands,
 * so each range is an indicator of its own, by sex: a search is never put in a band it may not belong to.
 */
export const STOP_SEARCH_INDICATORS = {
  all: search('', 'Stop and searches', 'Stop and searches', 'Every stop and search recorded (people and vehicles)', false),
  ages: {
    'under 10': search(
      'age-under-10',
      'Stop and searches of children aged under 10',
      'Searches, under 10',
      'Searches of people recorded as aged under 10',
      true,
    ),
    '10-17': search(
      'age-10-17',
      'Stop and searches of children aged 10 to 17',
      'Searches, aged 10-17',
      'Searches of people recorded as aged 10-17',
      true,
    ),
    '18-24': search(
      'age-18-24',
      'Stop and searches of people aged 18 to 24',
      'Searches, aged 18-24',
      'Searches of people recorded as aged 18-24',
      true,
    ),
    '25-34': search(
      'age-25-34',
      'Stop and searches of people aged 25 to 34',
      'Searches, aged 25-34',
      'Searches of people recorded as aged 25-34',
      true,
    ),
    'over 34': search(
      'age-over-34',
      'Stop and searches of people aged over 34',
      'Searches, over 34',
      'Searches of people recorded as aged over 34',
      true,
    ),
  } as Record<string, PoliceUkIndicator>,
  weapons: search(
    'weapons',
    'Stop and searches for weapons',
    'Searches for weapons',
    'Searches whose object was offensive weapons, firearms or anything to threaten or harm anyone',
    false,
  ),
  drugs: search(
    'drugs',
    'Stop and searches for drugs',
    'Searches for drugs',
    'Searches whose object was controlled drugs or psychoactive substances',
    false,
  ),
  theft: search(
    'stolen-goods',
    'Stop and searches for stolen goods or articles for theft',
    'Searches for stolen goods',
    'Searches whose object was stolen goods or articles for use in theft',
    false,
  ),
  otherObject: search(
    'other-object',
    'Stop and searches for other objects',
    'Searches for other objects',
    'Searches for any other object, or none given',
    false,
  ),
  arrest: search(
    'arrest',
    'Stop and searches ending in arrest',
    'Searches ending in arrest',
    'Searches with the outcome "Arrest"',
    false,
  ),
  nothingFound: search(
    'no-further-action',
    'Stop and searches ending with no further action',
    'Searches, no further action',
    'Searches with the outcome "A no further action disposal" (or "Nothing found - no further action")',
    false,
  ),
  otherOutcome: search(
    'other-outcome',
    'Stop and searches with another outcome',
    'Searches, other outcome',
    'Searches with any other outcome, or none given',
    false,
  ),
};

export function searchObjectIndicator(object: string): PoliceUkIndicator {
  const t = object.toLowerCase();
  const s = STOP_SEARCH_INDICATORS;
  if (/weapon|firearm|threaten or harm|crossbow/.test(t)) return s.weapons;
  if (/drug|psychoactive/.test(t)) return s.drugs;
  if (/stolen|theft/.test(t)) return s.theft;
  return s.otherObject;
}

export function searchOutcomeIndicator(result: string): PoliceUkIndicator {
  const t = result.toLowerCase();
  const s = STOP_SEARCH_INDICATORS;
  if (t === 'arrest' || t.startsWith('suspect arrested')) return s.arrest;
  if (t.includes('no further action')) return s.nothingFound;
  return s.otherOutcome;
}

/** police.uk's gender, as the contract's sex, or null when it is "Other" or not given. */
export function searchSex(gender: string): 'female' | 'male' | null {
  const g = gender.toLowerCase();
  return g === 'female' ? 'female' : g === 'male' ? 'male' : null;
}
