// Declared vocabularies for the breakdown columns of an extract. Anything else is rejected at import.
export const AGE_BANDS = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'] as const;
export const AGE_BAND_VALUES = [...AGE_BANDS, 'all'] as const;
export type AgeBand = (typeof AGE_BAND_VALUES)[number];

export const SEXES = ['female', 'male'] as const;
export const SEX_VALUES = [...SEXES, 'all'] as const;
export type Sex = (typeof SEX_VALUES)[number];

/**
 * The one wording of each sex, as ONS writes it: on a control ("Persons"), in a breakdown's label ("all ages,
 * persons") and in a sentence ("people aged 15-17").
 */
export const SEX_WORDS: Record<Sex, { label: string; plural: string; prose: string }> = {
  all: { label: 'Persons', plural: 'persons', prose: 'people' },
  female: { label: 'Female', plural: 'females', prose: 'females' },
  male: { label: 'Male', plural: 'males', prose: 'males' },
};

/** An age band in words: "all ages" or "aged 15-17". */
export function ageWords(age: string): string {
  return age === 'all' ? 'all ages' : `aged ${age}`;
}

/** A breakdown in words, as titles, notes and CSV files name it: "all ages, persons", "aged 15-17, females". */
export function breakdownWords(age: string, sex: Sex): string {
  return `${ageWords(age)}, ${SEX_WORDS[sex].plural}`;
}

/** Why a cohort of some ages cannot be read from an indicator recorded for all ages together (views show it). */
export const ALL_AGES_ONLY = 'recorded for all ages together only';
/** The same for one sex, from an indicator recorded for both sexes together. */
export const BOTH_SEXES_ONLY = 'recorded for both sexes together only';

export const TIERS = ['primary', 'secondary', 'tertiary'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  primary: 'Primary prevention (universal)',
  secondary: 'Secondary prevention (early warning)',
  tertiary: 'Tertiary prevention (harm and justice)',
};

export const POLARITIES = ['higher-is-worse', 'higher-is-better', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const AUDIENCES = ['analyst', 'partner', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The one wording of each audience: on a control ("Analyst"), before "disclosure rules" ("Analyst disclosure
 * rules"), as the people it is for ("analysts"), and in full ("Analysts in the partnership").
 */
export const AUDIENCE_WORDS: Record<Audience, { label: string; people: string; full: string }> = {
  analyst: { label: 'Analyst', people: 'analysts', full: 'Analysts in the partnership' },
  partner: { label: 'Partner', people: 'partners', full: 'Partner organisations' },
  public: { label: 'Public', people: 'the public', full: 'The public' },
};

/** "Partner disclosure rules": the name every view and export gives the rules its figures follow. */
export function rulesName(audience: Audience): string {
  return `${AUDIENCE_WORDS[audience].label} disclosure rules`;
}

export const GEOGRAPHY_LEVELS = ['lsoa', 'msoa', 'ward', 'district', 'vru'] as const;
export type GeographyLevel = (typeof GEOGRAPHY_LEVELS)[number];

/** Period strings are calendar months, YYYY-MM. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
