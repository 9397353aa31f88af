/**
 * The indicators of the SYNTHETIC demo: what the manifest says about each one, plus the parameters of the
 * made-up model that generates its counts. Rates below are chosen to be plausible in size for Lancashire;
 * they are not real rates.
 */
import type { ManifestInput } from '../../src/contract/manifest-schema';
import type { AgeBand } from '../../src/contract/vocabularies';
import { AMBULANCE, DEPRIVATION, ED, EDUCATION, HES, POLICE, PROBATION, SOCIAL_CARE, YOUTH_JUSTICE } from './datasets';

export type IndicatorInput = ManifestInput['indicators'][number];
type Band = Exclude<AgeBand, 'all'>;
type Twelve = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

/** Monthly shapes (January first); each is normalised to a mean of 1 by the generator. */
export const SEASONS = {
  // Violence peaks in early summer and in December (night-time economy, festive period).
  violence: [0.92, 0.86, 0.95, 0.98, 1.05, 1.1, 1.12, 1.07, 0.99, 0.98, 0.93, 1.05],
  nightEconomy: [0.93, 0.85, 0.94, 0.98, 1.04, 1.08, 1.1, 1.07, 0.98, 0.99, 0.95, 1.1],
  // Term time: half terms, Easter and Christmas breaks; August near zero.
  schoolEvents: [1.25, 0.95, 1.25, 0.7, 1.05, 1.15, 0.75, 0.02, 0.95, 1.15, 1.4, 0.85],
  // The month in the academic year when a pupil first passes the 10% absence threshold.
  absenceFirstCrossing: [0.1, 0.07, 0.08, 0.05, 0.06, 0.06, 0.04, 0.002, 0.12, 0.18, 0.13, 0.11],
  referrals: [1.0, 1.0, 1.05, 0.92, 1.02, 1.05, 1.0, 0.78, 1.0, 1.1, 1.1, 0.9],
  // 'Activity not known' rises in September and October while the new cohort is traced.
  neet: [1.0, 0.97, 0.95, 0.95, 0.95, 0.98, 1.0, 1.05, 1.5, 1.35, 1.12, 1.02],
  youthJustice: [0.95, 0.95, 1.0, 0.95, 1.05, 1.05, 1.1, 1.0, 0.95, 1.0, 1.05, 0.95],
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
} as const satisfies Record<string, Twelve>;
export type Season = keyof typeof SEASONS;

/** Extra factors for January..December 2021 (lockdowns: night-time economy closed, schools closed to most pupils). */
export const COVID_2021 = {
  nightEconomy: [0.72, 0.7, 0.78, 0.85, 0.92, 0.97, 1, 1, 1, 1, 1, 0.97],
  violence: [0.82, 0.8, 0.86, 0.9, 0.95, 0.98, 1, 1, 1, 1, 1, 1],
  schools: [0.25, 0.3, 0.85, 0.95, 1, 1, 1, 1, 1, 1, 1, 1],
  referrals: [0.85, 0.85, 0.95, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  youthJustice: [0.8, 0.8, 0.9, 0.95, 1, 1, 1, 1, 1, 1, 1, 1],
} as const satisfies Record<string, Twelve>;
export type Covid = keyof typeof COVID_2021;

/** Counts of events: expected = population x annual rate / 12 x adjustments, drawn gamma-Poisson. */
export interface EventModel {
  kind: 'events';
  /** Annual events per 1,000 people in each age band (or 'all'), at the area's average deprivation. */
  per1000: Partial<Record<Band | 'all', number>>;
  sex: { female: number; male: number };
  /** Deprivation gradient: rate multiplier (score / mean score) ^ elasticity. */
  elasticity: number;
  season: Season;
  covid?: Covid;
  /** Log-linear trend per year: each district draws its slope from N(mean, sd), so some rise and some fall. */
  trend: { mean: number; sd: number };
  /** District level effect beyond deprivation (log-normal sd). */
  levelSd: number;
  /** Gamma-Poisson shape: variance = mean + mean^2 / k. */
  dispersion: number;
}

/** NEET 16-17: a monthly snapshot proportion; denominator = 16-17 year olds known to the local authority. */
export interface NeetModel {
  kind: 'neet';
  p: number;
  sex: { female: number; male: number };
  elasticity: number;
  trend: { mean: number; sd: number };
}

/** Proven reoffending: monthly adult cohorts and how many had a proven reoffence within 12 months. */
export interface ReoffendingModel {
  kind: 'reoffending';
  cohortPer1000: Partial<Record<Band, number>>;
  cohortSex: { female: number; male: number };
  p: Partial<Record<Band, number>>;
  pSex: { female: number; male: number };
  lastPeriod: string;
}

/** Residents of LSOAs in England's most deprived decile: annual, repeated every month. */
export interface DeprivationModel {
  kind: 'deprivation';
}

export interface IndicatorSpec {
  manifest: IndicatorInput;
  /** The one geography level whose rows the extract holds for this indicator. */
  base: 'district' | 'lsoa';
  /** 'all' = one row per area and month with age_band 'all' and sex 'all'; otherwise these bands x female/male. */
  breakdown: 'all' | readonly Band[];
  model: EventModel | NeetModel | ReoffendingModel | DeprivationModel;
}

const CHILD_BANDS = ['0-9', '10-14', '15-17'] as const;
const SECONDARY_BANDS = ['10-14', '15-17'] as const;
const UNDER_25 = ['0-9', '10-14', '15-17', '18-24'] as const;
const ALL_BANDS = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'] as const;
const ADULT_BANDS = ['18-24', '25-34', '35-49', '50-64', '65+'] as const;

const SYNTHETIC = 'SYNTHETIC demo figures: plausible in size, not real rates.';
const SMALL = 'Small monthly counts: read district figures as rolling twelve-month totals.';

export const INDICATORS: readonly IndicatorSpec[] = [
  // ---------------------------------------------------------------- primary prevention (universal)
  {
    manifest: {
      id: 'imd_most_deprived_decile',
      title: "Residents living in England's most deprived 10% of neighbourhoods",
      shortTitle: 'Most deprived 10% (residents)',
      dataset: DEPRIVATION,
      tier: 'primary',
      polarity: 'higher-is-worse',
      unit: 'residents',
      multiplier: 100,
      rateLabel: '% of residents',
      numerator: 'Residents of LSOAs whose deprivation score places them among the most deprived 10% of LSOAs in England',
      denominator: 'All residents (mid-year estimate), given in the extract',
      denominatorSource: 'extract',
      statistic: 'proportion',
      method:
        'Context indicator. For each district and year, the residents of its LSOAs with a (synthetic) IMD 2019-scale score of 34.2 or more, over all residents. The annual value is repeated in every month of the year, so any period gives the same proportion.',
      caveats: [
        SYNTHETIC,
        'Describes areas, not people: it is context for other indicators, not a measure of harm.',
        'Summed over several months the counts are resident-months, not people; read the proportion.',
      ],
      counted: 'people-each-month',
    },
    base: 'district',
    breakdown: 'all',
    model: { kind: 'deprivation' },
  },
  {
    manifest: {
      id: 'persistent_absence',
      title: 'Pupils newly persistently absent from school',
      shortTitle: 'Persistent absence',
      dataset: EDUCATION,
      tier: 'primary',
      polarity: 'higher-is-worse',
      unit: 'pupils newly persistently absent',
      multiplier: 1000,
      rateLabel: 'per 1,000 children in the age band',
      numerator: 'Pupils counted in the month in which they first missed 10% or more of possible sessions in the academic year',
      denominator: 'Resident population in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        'Each pupil is counted once per academic year, in the month they first pass the 10% threshold, so twelve months add up to the number of pupils persistently absent in a year. Rate per 1,000 resident children of the same age and sex.',
      caveats: [
        SYNTHETIC,
        'The 0-9 band covers pupils aged 5-9 but its denominator includes children under 5, so its rate is understated.',
        'The 15-17 band covers Year 11 pupils only (post-16 attendance is not collected).',
        'August is near zero (school holidays); January and February 2021 are low because of school closures.',
      ],
    },
    base: 'district',
    breakdown: CHILD_BANDS,
    model: {
      kind: 'events',
      per1000: { '0-9': 75, '10-14': 230, '15-17': 85 },
      sex: { female: 1.02, male: 0.98 },
      elasticity: 0.45,
      season: 'absenceFirstCrossing',
      covid: 'schools',
      trend: { mean: -0.04, sd: 0.03 },
      levelSd: 0.06,
      dispersion: 40,
    },
  },
  {
    manifest: {
      id: 'neet_16_17',
      title: 'Young people aged 16-17 not in education, employment or training (or activity not known)',
      shortTitle: 'NEET or not known, 16-17',
      dataset: EDUCATION,
      tier: 'primary',
      polarity: 'higher-is-worse',
      unit: 'young people NEET or activity not known',
      multiplier: 100,
      rateLabel: '% of 16-17 year olds known to the local authority',
      numerator:
        '16-17 year olds recorded as not in education, employment or training, or whose activity is not known, at the month end',
      denominator: '16-17 year olds known to the local authority at the month end, given in the extract',
      denominatorSource: 'extract',
      statistic: 'proportion',
      method:
        'Month-end snapshot from local authority participation tracking. Summing counts and denominators over months gives the average proportion; the national measure uses the December to February average.',
      caveats: [
        SYNTHETIC,
        'Recorded in the 15-17 age band, which here means 16-17 year olds.',
        "'Activity not known' rises every September and October while the new cohort is traced.",
      ],
      counted: 'people-each-month',
    },
    base: 'district',
    breakdown: ['15-17'],
    model: { kind: 'neet', p: 0.055, sex: { female: 0.88, male: 1.12 }, elasticity: 0.6, trend: { mean: 0.01, sd: 0.04 } },
  },
  // ---------------------------------------------------------------- secondary prevention (early warning)
  {
    manifest: {
      id: 'school_suspensions',
      title: 'Suspensions from school',
      shortTitle: 'Suspensions',
      dataset: EDUCATION,
      tier: 'secondary',
      polarity: 'higher-is-worse',
      unit: 'suspensions',
      multiplier: 1000,
      rateLabel: 'per 1,000 children in the age band',
      numerator: 'Suspensions (fixed-period exclusions) from state-funded schools starting in the month',
      denominator: 'Resident population in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: 'Count of suspensions, not pupils: one pupil may be suspended more than once. Rate per 1,000 resident children.',
      caveats: [SYNTHETIC, 'Follows term time: August is near zero.', 'Boys are suspended far more often than girls.'],
    },
    base: 'district',
    breakdown: CHILD_BANDS,
    model: {
      kind: 'events',
      per1000: { '0-9': 8, '10-14': 150, '15-17': 55 },
      sex: { female: 0.5, male: 1.5 },
      elasticity: 0.8,
      season: 'schoolEvents',
      covid: 'schools',
      trend: { mean: 0.08, sd: 0.05 },
      levelSd: 0.12,
      dispersion: 12,
    },
  },
  {
    manifest: {
      id: 'permanent_exclusions',
      title: 'Permanent exclusions from school',
      shortTitle: 'Permanent exclusions',
      dataset: EDUCATION,
      tier: 'secondary',
      polarity: 'higher-is-worse',
      unit: 'permanent exclusions',
      multiplier: 10000,
      rateLabel: 'per 10,000 children aged 10-17',
      numerator: 'Permanent exclusions from state-funded secondary schools in the month',
      denominator: 'Resident population aged 10-17 in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: 'Count of permanent exclusions by the month they took effect. Rate per 10,000 resident children.',
      caveats: [SYNTHETIC, SMALL, 'Follows term time: August is near zero.'],
    },
    base: 'district',
    breakdown: SECONDARY_BANDS,
    model: {
      kind: 'events',
      per1000: { '10-14': 1.2, '15-17': 0.6 },
      sex: { female: 0.4, male: 1.6 },
      elasticity: 0.8,
      season: 'schoolEvents',
      covid: 'schools',
      trend: { mean: 0.06, sd: 0.06 },
      levelSd: 0.15,
      dispersion: 6,
    },
  },
  {
    manifest: {
      id: 'csc_referrals',
      title: "Referrals to children's social care",
      shortTitle: 'Social care referrals',
      dataset: SOCIAL_CARE,
      tier: 'secondary',
      polarity: 'neutral',
      unit: 'referrals',
      multiplier: 10000,
      rateLabel: 'per 10,000 children aged 0-17',
      numerator: "Referrals to children's social care received in the month",
      denominator: 'Resident population aged 0-17 in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        'Count of referrals (a child may be referred more than once). Rate per 10,000 resident children, the national convention.',
      caveats: [
        SYNTHETIC,
        'Neutral polarity: more referrals can mean better identification of children who need help, not more harm.',
        'Deliberate gap: Blackpool has no data for 2021-04 and 2021-05.',
      ],
    },
    base: 'district',
    breakdown: CHILD_BANDS,
    model: {
      kind: 'events',
      per1000: { '0-9': 48, '10-14': 42, '15-17': 40 },
      sex: { female: 0.98, male: 1.02 },
      elasticity: 1.0,
      season: 'referrals',
      covid: 'referrals',
      trend: { mean: 0.01, sd: 0.05 },
      levelSd: 0.12,
      dispersion: 15,
    },
  },
  {
    manifest: {
      id: 'csc_referrals_exploitation',
      title: "Referrals to children's social care where exploitation or harm outside the family was identified",
      shortTitle: 'Exploitation referrals',
      dataset: SOCIAL_CARE,
      tier: 'secondary',
      polarity: 'neutral',
      unit: 'referrals with exploitation identified',
      multiplier: 10000,
      rateLabel: 'per 10,000 children aged 10-17',
      numerator:
        'Referrals in the month whose assessment recorded child criminal exploitation, child sexual exploitation, gangs or other extra-familial harm',
      denominator: 'Resident population aged 10-17 in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: 'Count of referrals with an exploitation or extra-familial harm factor at assessment, by month of referral.',
      caveats: [
        SYNTHETIC,
        SMALL,
        'Neutral polarity: a rise can reflect better recognition of exploitation.',
        'Deliberate gap: Blackpool has no data for 2021-04 and 2021-05.',
      ],
    },
    base: 'district',
    breakdown: SECONDARY_BANDS,
    model: {
      kind: 'events',
      per1000: { '10-14': 1.5, '15-17': 3.5 },
      sex: { female: 0.7, male: 1.3 },
      elasticity: 1.0,
      season: 'referrals',
      covid: 'referrals',
      trend: { mean: 0.07, sd: 0.07 },
      levelSd: 0.2,
      dispersion: 5,
    },
  },
  {
    manifest: {
      id: 'ed_assault_attendances',
      title: 'Emergency department attendances after assault',
      shortTitle: 'ED assault attendances',
      dataset: ED,
      tier: 'secondary',
      polarity: 'higher-is-worse',
      unit: 'attendances after assault',
      multiplier: 1000,
      rateLabel: 'per 1,000 residents',
      numerator: 'Attendances at emergency departments where the patient reported having been assaulted (ISTV)',
      denominator: 'Resident population in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: "Count of attendances by the patient's home district and month of attendance. Rate per 1,000 residents.",
      caveats: [SYNTHETIC, 'Deliberate gap: Lancaster has no data for 2022-10 and 2022-11.', 'Visits, not people.'],
    },
    base: 'district',
    breakdown: ALL_BANDS,
    model: {
      kind: 'events',
      per1000: { '0-9': 0.8, '10-14': 3.0, '15-17': 9, '18-24': 15, '25-34': 11, '35-49': 6.5, '50-64': 3.0, '65+': 0.8 },
      sex: { female: 0.65, male: 1.35 },
      elasticity: 0.9,
      season: 'nightEconomy',
      covid: 'nightEconomy',
      trend: { mean: 0.02, sd: 0.05 },
      levelSd: 0.12,
      dispersion: 8,
    },
  },
  {
    manifest: {
      id: 'ambulance_assault_callouts',
      title: 'Ambulance call-outs to assaults',
      shortTitle: 'Ambulance assault call-outs',
      dataset: AMBULANCE,
      tier: 'secondary',
      polarity: 'higher-is-worse',
      unit: 'ambulance call-outs to assault',
      multiplier: 1000,
      rateLabel: 'per 1,000 residents',
      numerator: 'Incidents attended by an ambulance where the 999 call was coded as assault or sexual assault',
      denominator: 'Resident population in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        'Count of attended incidents by district of the incident and age band and sex of the patient. Rate per 1,000 residents.',
      caveats: [
        SYNTHETIC,
        'Deliberate gap: Pendle has no data for 2023-03 and 2023-04.',
        'Counted where the incident happened, divided by the resident population: busy town centres look high.',
      ],
    },
    base: 'district',
    breakdown: ALL_BANDS,
    model: {
      kind: 'events',
      per1000: { '0-9': 0.6, '10-14': 2.5, '15-17': 8, '18-24': 14, '25-34': 12, '35-49': 8, '50-64': 3.5, '65+': 1.2 },
      sex: { female: 0.7, male: 1.3 },
      elasticity: 1.0,
      season: 'nightEconomy',
      covid: 'nightEconomy',
      trend: { mean: 0.03, sd: 0.05 },
      levelSd: 0.12,
      dispersion: 8,
    },
  },
  // ---------------------------------------------------------------- tertiary prevention (harm and justice)
  {
    manifest: {
      id: 'police_violence_with_injury',
      title: 'Police recorded violence with injury',
      shortTitle: 'Violence with injury',
      dataset: POLICE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'offences of violence with injury',
      multiplier: 1000,
      rateLabel: 'per 1,000 residents',
      numerator: 'Offences of violence with injury recorded by the police, by LSOA where the offence happened',
      denominator: 'Resident population, all ages (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        'Count of recorded offences by LSOA of the offence and month recorded; the dashboard sums LSOAs to MSOAs, districts and the VRN area. Rate per 1,000 residents.',
      caveats: [
        SYNTHETIC,
        'Place of offence, not residence: town-centre LSOAs with a busy night-time economy have high rates.',
        'January to April 2021 are low because of lockdown restrictions.',
      ],
    },
    base: 'lsoa',
    breakdown: 'all',
    model: {
      kind: 'events',
      per1000: { all: 10.5 },
      sex: { female: 1, male: 1 },
      elasticity: 1.0,
      season: 'violence',
      covid: 'nightEconomy',
      trend: { mean: -0.01, sd: 0.04 },
      levelSd: 0.1,
      dispersion: 1.5,
    },
  },
  {
    manifest: {
      id: 'police_knife_offences',
      title: 'Police recorded offences involving a knife or sharp instrument',
      shortTitle: 'Knife-enabled offences',
      dataset: POLICE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'knife-enabled offences',
      multiplier: 100000,
      rateLabel: 'per 100,000 residents',
      numerator:
        'Selected offences (homicide, attempted murder, threats to kill, assault with injury or intent, robbery, rape, sexual assault) where a knife or sharp instrument was used',
      denominator: 'Resident population, all ages (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: 'Count by district of the offence and month recorded, all ages of the people harmed. Rate per 100,000 residents.',
      caveats: [SYNTHETIC, 'Includes robberies of businesses, where there is no individual victim age.'],
    },
    base: 'district',
    breakdown: 'all',
    model: {
      kind: 'events',
      per1000: { all: 0.65 },
      sex: { female: 1, male: 1 },
      elasticity: 1.2,
      season: 'violence',
      covid: 'violence',
      trend: { mean: 0.0, sd: 0.08 },
      levelSd: 0.15,
      dispersion: 6,
    },
  },
  {
    manifest: {
      id: 'knife_serious_violence_u25',
      title: 'Knife-enabled serious violence against people aged under 25',
      shortTitle: 'Knife serious violence, under 25',
      dataset: POLICE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'people aged under 25 harmed in knife-enabled serious violence',
      multiplier: 100000,
      rateLabel: 'per 100,000 people aged under 25',
      numerator:
        'Offences of homicide, attempted murder, assault with injury or intent to cause serious harm and robbery, involving a knife or sharp instrument, where the person harmed was aged under 25',
      denominator: 'Resident population aged under 25 in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        'Home Office VRU success measure. Count by district of the offence, month recorded, and age band and sex of the person harmed. Rate per 100,000 residents aged under 25.',
      caveats: [SYNTHETIC, SMALL],
      headline: true,
    },
    base: 'district',
    breakdown: UNDER_25,
    model: {
      kind: 'events',
      per1000: { '0-9': 0.02, '10-14': 0.25, '15-17': 0.9, '18-24': 0.8 },
      sex: { female: 0.4, male: 1.6 },
      elasticity: 1.3,
      season: 'violence',
      covid: 'violence',
      trend: { mean: -0.03, sd: 0.08 },
      levelSd: 0.15,
      dispersion: 4,
    },
  },
  {
    manifest: {
      id: 'homicides_u25',
      title: 'Homicides of people aged under 25',
      shortTitle: 'Homicides, under 25',
      dataset: POLICE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'homicides of people aged under 25',
      multiplier: 1,
      rateLabel: 'homicides (count)',
      numerator: 'Homicides (murder, manslaughter, infanticide) recorded by the police where the person killed was aged under 25',
      denominator: 'None: shown as counts, because the numbers are too small for meaningful rates',
      denominatorSource: 'none',
      statistic: 'count',
      method:
        'Home Office VRU success measure. Count by district and month recorded, by age band and sex of the person killed. Meaningful only for the whole VRN area over several years.',
      caveats: [
        SYNTHETIC,
        'Very rare: almost every district-month is zero; any single case may be recognisable and must never be shown below the VRN area in public.',
      ],
      headline: true,
    },
    base: 'district',
    breakdown: UNDER_25,
    model: {
      kind: 'events',
      per1000: { '0-9': 0.003, '10-14': 0.002, '15-17': 0.012, '18-24': 0.015 },
      sex: { female: 0.3, male: 1.7 },
      elasticity: 1.2,
      season: 'violence',
      trend: { mean: 0.0, sd: 0.05 },
      levelSd: 0.1,
      dispersion: 2,
    },
  },
  {
    manifest: {
      id: 'police_personal_robbery',
      title: 'Police recorded robbery of personal property',
      shortTitle: 'Personal robbery',
      dataset: POLICE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'robberies of personal property',
      multiplier: 100000,
      rateLabel: 'per 100,000 residents',
      numerator: 'Offences of robbery of personal property recorded by the police',
      denominator: 'Resident population, all ages (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: 'Count by district of the offence and month recorded. Rate per 100,000 residents.',
      caveats: [SYNTHETIC],
    },
    base: 'district',
    breakdown: 'all',
    model: {
      kind: 'events',
      per1000: { all: 0.5 },
      sex: { female: 1, male: 1 },
      elasticity: 1.1,
      season: 'violence',
      covid: 'violence',
      trend: { mean: 0.03, sd: 0.06 },
      levelSd: 0.15,
      dispersion: 5,
    },
  },
  {
    manifest: {
      id: 'hes_sharp_object_admissions',
      title: 'Hospital admissions for assault by a sharp object',
      shortTitle: 'Sharp-object admissions',
      dataset: HES,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'emergency admissions for assault by a sharp object',
      multiplier: 100000,
      rateLabel: 'per 100,000 residents in the age band',
      numerator: 'Emergency hospital admissions with an external cause of assault by a sharp object (ICD-10 X99)',
      denominator: 'Resident population in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        "Home Office VRU success measure: select the under-25 age bands (0-9, 10-14, 15-17, 18-24). Count of admissions by the patient's home district and month of admission, for all ages. Rate per 100,000 residents.",
      caveats: [SYNTHETIC, SMALL, 'Recent months of real HES are provisional.'],
      headline: true,
    },
    base: 'district',
    breakdown: ALL_BANDS,
    model: {
      kind: 'events',
      per1000: {
        '0-9': 0.003,
        '10-14': 0.02,
        '15-17': 0.15,
        '18-24': 0.28,
        '25-34': 0.22,
        '35-49': 0.12,
        '50-64': 0.05,
        '65+': 0.01,
      },
      sex: { female: 0.2, male: 1.8 },
      elasticity: 1.3,
      season: 'violence',
      covid: 'violence',
      trend: { mean: -0.04, sd: 0.06 },
      levelSd: 0.15,
      dispersion: 3,
    },
  },
  {
    manifest: {
      id: 'ambulance_penetrating_trauma',
      title: 'Ambulance call-outs to stabbings, shootings and other penetrating injuries',
      shortTitle: 'Ambulance penetrating injuries',
      dataset: AMBULANCE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'ambulance call-outs to penetrating injury',
      multiplier: 100000,
      rateLabel: 'per 100,000 residents',
      numerator: 'Incidents attended by an ambulance where the 999 call was coded as stab, gunshot or penetrating trauma',
      denominator: 'Resident population, all ages (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method: 'Count by district of the incident and month, all ages. Rate per 100,000 residents.',
      caveats: [
        SYNTHETIC,
        'Includes accidental penetrating injuries coded at the call.',
        'Deliberate gap: Pendle has no data for 2023-03 and 2023-04.',
      ],
    },
    base: 'district',
    breakdown: 'all',
    model: {
      kind: 'events',
      per1000: { all: 0.35 },
      sex: { female: 1, male: 1 },
      elasticity: 1.2,
      season: 'nightEconomy',
      covid: 'violence',
      trend: { mean: 0.0, sd: 0.06 },
      levelSd: 0.15,
      dispersion: 5,
    },
  },
  {
    manifest: {
      id: 'yjs_first_time_entrants',
      title: 'Children in contact with youth justice for the first time',
      shortTitle: 'First-time entrants',
      dataset: YOUTH_JUSTICE,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'children receiving their first youth caution or conviction',
      multiplier: 100000,
      rateLabel: 'per 100,000 children aged 10-17',
      numerator: 'Children aged 10-17 who received their first youth caution or court conviction in the month',
      denominator: 'Resident population aged 10-17 in the same age band and sex (population table)',
      denominatorSource: 'population',
      statistic: 'rate',
      method:
        'First-time entrants to the youth justice system, by home district. Rate per 100,000 children aged 10-17, as in the national measure.',
      caveats: [SYNTHETIC, SMALL, 'Lower figures can reflect more diversion rather than less harm.'],
    },
    base: 'district',
    breakdown: SECONDARY_BANDS,
    model: {
      kind: 'events',
      per1000: { '10-14': 0.9, '15-17': 3.2 },
      sex: { female: 0.4, male: 1.6 },
      elasticity: 0.9,
      season: 'youthJustice',
      covid: 'youthJustice',
      trend: { mean: -0.02, sd: 0.06 },
      levelSd: 0.15,
      dispersion: 4,
    },
  },
  {
    manifest: {
      id: 'proven_reoffending',
      title: 'Adults with a proven reoffence within 12 months',
      shortTitle: 'Proven reoffending',
      dataset: PROBATION,
      tier: 'tertiary',
      polarity: 'higher-is-worse',
      unit: 'adults with a proven reoffence',
      multiplier: 100,
      rateLabel: '% of the cohort',
      numerator:
        'Adults in the cohort who had a proven further offence (caution or conviction) within 12 months of release or sentence',
      denominator:
        'Adults released from custody or given a court order or caution in the month (the cohort), given in the extract',
      denominatorSource: 'extract',
      statistic: 'proportion',
      method:
        'Ministry of Justice proven reoffending method with monthly cohorts. Sum counts and cohorts over months for a stable proportion; Wilson intervals.',
      caveats: [
        SYNTHETIC,
        'The latest cohort is 2024-06 (12 months of follow-up plus 6 months for convictions).',
        'Monthly cohorts for one age band and sex are small and sometimes empty (denominator 0).',
      ],
    },
    base: 'district',
    breakdown: ADULT_BANDS,
    model: {
      kind: 'reoffending',
      cohortPer1000: { '18-24': 15, '25-34': 13, '35-49': 8, '50-64': 3, '65+': 0.4 },
      cohortSex: { female: 0.3, male: 1.7 },
      p: { '18-24': 0.33, '25-34': 0.3, '35-49': 0.27, '50-64': 0.18, '65+': 0.1 },
      pSex: { female: 0.85, male: 1.05 },
      lastPeriod: '2024-06',
    },
  },
];
