// Declared vocabularies for the breakdown columns of an extract. Anything else is rejected at import.
export const AGE_BANDS = ['0-9', '10-14', '15-17', '18-24', '25-34', '35-49', '50-64', '65+'] as const;
export const AGE_BAND_VALUES = [...AGE_BANDS, 'all'] as const;
export type AgeBand = (typeof AGE_BAND_VALUES)[number];

export const SEXES = ['female', 'male'] as const;
export const SEX_VALUES = [...SEXES, 'all'] as const;
export type Sex = (typeof SEX_VALUES)[number];

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

export const GEOGRAPHY_LEVELS = ['lsoa', 'msoa', 'ward', 'district', 'vru'] as const;
export type GeographyLevel = (typeof GEOGRAPHY_LEVELS)[number];

/** Period strings are calendar months, YYYY-MM. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
