import { z } from 'zod';
import { AUDIENCE_PERMISSIONS } from './audience-permissions';
import { withDatasetProvenance } from './provenance';
import { AGE_BANDS, AUDIENCES, GEOGRAPHY_LEVELS, POLARITIES, TIERS } from './vocabularies';

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');

/** The ODI Data Ethics Canvas, one answer per section (https://theodi.org/ data ethics canvas). */
export const ETHICS_CANVAS_SECTIONS = [
  ['dataSources', 'Data sources'],
  ['limitations', 'Limitations in data sources'],
  ['ethicalAndLegislativeContext', 'Ethical and legislative context'],
  ['rightsAroundData', 'Rights around data sources'],
  ['reasonForUsingData', 'Your reason for using data'],
  ['communicatingPurpose', 'Communicating your purpose'],
  ['positiveEffects', 'Positive effects on people'],
  ['negativeEffects', 'Negative effects on people'],
  ['minimisingNegativeImpact', 'Minimising negative impact'],
  ['engagingWithPeople', 'Engaging with people'],
  ['opennessAndTransparency', 'Openness and transparency'],
  ['sharingDataWithOthers', 'Sharing data with others'],
  ['ongoingImplementation', 'Ongoing implementation'],
  ['reviewsAndIterations', 'Reviews and iterations'],
  ['actions', 'Your actions'],
] as const;
export type EthicsSectionKey = (typeof ETHICS_CANVAS_SECTIONS)[number][0];

export const ethicsCanvasSchema = z.object(
  Object.fromEntries(ETHICS_CANVAS_SECTIONS.map(([key]) => [key, text])) as Record<EthicsSectionKey, typeof text>,
);

/**
 * How an extract's absent rows are read inside its declared coverage. Real extracts usually leave out empty
 * cells; if an absent row were shown as "no data" while a present one is shown (even as `c`), a cell's existence
 * would say someone was counted. `zero`: an absent row is a count of 0, so the cube holds every cell of the
 * coverage. `notReported`: the extract gives its zeros as rows, and an area's month with no row at all was not
 * reported. Not declared: the import asks (src/contract/absent-rows.ts); the extract is not shown until answered.
 */
export const ABSENT_ROWS = ['zero', 'notReported'] as const;

/** Areas and months an agency did not report, declared, never inferred from which rows are present. */
export const notReportedSpanSchema = z.object({
  /** `all`, or area codes at any level (a district stands for every area within it). */
  areas: z.union([z.literal('all'), z.array(text).min(1)]),
  from: period,
  to: period,
  reason: text.optional(),
});

export const coverageSchema = z
  .object({
    from: period,
    to: period,
    /** The areas covered, in words. */
    areas: text,
    /** The areas covered, as codes at any level; absent: every area in the areas lookup. */
    areaCodes: z.array(text).min(1).optional(),
    absentRows: z.enum(ABSENT_ROWS).optional(),
    notReported: z.array(notReportedSpanSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.from > c.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `is before "from" (${c.from})` });
    c.notReported.forEach((s, i) => {
      if (s.from > s.to)
        ctx.addIssue({ code: 'custom', path: ['notReported', i, 'to'], message: `is before "from" (${s.from})` });
    });
  });

export const datasetSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/, 'use lower-case letters, digits, - and _'),
  title: text,
  agency: text,
  owner: text,
  legalBasis: text,
  sharingAgreement: text,
  licence: text,
  refreshed: isoDate,
  coverage: coverageSchema,
  caveats: z.array(text).default([]),
  synthetic: z.boolean().default(false),
  /**
   * Open data already published (police.uk): shown with exact counts to every audience. Read by the disclosure
   * layer; the public-data import sets it for the datasets it generates.
   */
  published: z.boolean().default(false),
  ethics: ethicsCanvasSchema,
});

export const indicatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/, 'use lower-case letters, digits, - and _'),
  title: text,
  shortTitle: text.optional(),
  dataset: text,
  tier: z.enum(TIERS),
  polarity: z.enum(POLARITIES),
  /** What one counted unit is, in plain words ("assault attendances"). */
  unit: text,
  /** Rates are count / denominator x multiplier ("per 1,000 population aged 10-17"). */
  multiplier: z.number().positive(),
  rateLabel: text,
  numerator: text,
  denominator: text,
  /** Where the denominator comes from: the population table, or the extract's own denominator column. */
  denominatorSource: z.enum(['population', 'extract', 'none']).default('population'),
  /** What kind of indicator it is: see src/indicator-kinds (one module per kind). */
  statistic: z.enum(['rate', 'proportion', 'count', 'dsr']).default('rate'),
  method: text,
  caveats: z.array(text).default([]),
  headline: z.boolean().default(false),
  /** The indicator's id on Fingertips, so a Fingertips download gives its benchmark values (England, regions). */
  fingertipsId: z.number().int().positive().optional(),
  /**
   * What a month's count is: `events` (what happened in the month, so months add up to a year's events) or
   * `people-each-month` (the people in a state that month, e.g. residents of the most deprived areas or young
   * people not in education at the month end, so a year's sum counts each of them up to 12 times). Periods longer
   * than a month of the second kind are shown as the average month, in people.
   */
  counted: z.enum(['events', 'people-each-month']).default('events'),
  /**
   * The breakdowns the extract gives for every area and month of its coverage: age bands (none: all ages) and
   * whether by sex. Absent: the bands and sexes found in its rows.
   */
  breakdowns: z.object({ ageBands: z.array(z.enum(AGE_BANDS)).default([]), bySex: z.boolean().default(false) }).optional(),
});

export const geographyLevelSchema = z.object({
  level: z.enum(GEOGRAPHY_LEVELS),
  title: text,
  parentLevel: z.enum(GEOGRAPHY_LEVELS).nullable(),
  boundary: z
    .object({
      /** A file name among the loaded files, or an http(s) URL the user chose to configure. */
      source: text,
      codeProperty: text,
      nameProperty: text.optional(),
      attribution: text.optional(),
    })
    .nullable()
    .default(null),
});

export const disclosurePolicySchema = z.object({
  /** Counts from 1 up to and including this value are suppressed. */
  suppressBelowOrEqual: z.number().int().min(0),
  /** Shown counts are rounded to the nearest multiple of this (1 means no rounding). */
  roundTo: z.number().int().min(1),
  showZeros: z.boolean().default(true),
  /** Rates from fewer events than this carry a low-count flag; standardised rates are not shown. */
  lowCountBelow: z.number().int().min(0).default(10),
  /**
   * Whether lists that name small areas (LSOAs, MSOAs, wards) by how much happened in them, such as the areas
   * persistently among the most affected, may be shown. Unset: yes for analysts and partners, no for the public.
   */
  listSmallAreas: z.boolean().optional(),
});

export const DEFAULT_POLICIES = {
  analyst: { suppressBelowOrEqual: 4, roundTo: 1, showZeros: true, lowCountBelow: 10 },
  partner: { suppressBelowOrEqual: 7, roundTo: 5, showZeros: true, lowCountBelow: 10 },
  public: { suppressBelowOrEqual: 9, roundTo: 5, showZeros: true, lowCountBelow: 10 },
} as const satisfies Record<(typeof AUDIENCES)[number], z.input<typeof disclosurePolicySchema>>;

export const manifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    title: text,
    area: z.object({ code: text, name: text }),
    synthetic: z.boolean().default(false),
    datasets: z.array(datasetSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    geographies: z.array(geographyLevelSchema).min(1),
    disclosure: z
      .object({
        analyst: disclosurePolicySchema.default(DEFAULT_POLICIES.analyst),
        partner: disclosurePolicySchema.default(DEFAULT_POLICIES.partner),
        public: disclosurePolicySchema.default(DEFAULT_POLICIES.public),
      })
      .default(DEFAULT_POLICIES),
    /** Files the manifest expects alongside it. */
    files: z
      .object({
        extracts: z.array(text).default([]),
        areas: z.array(text).default([]),
        population: z.array(text).default([]),
      })
      .default({ extracts: [], areas: [], population: [] }),
  })
  .superRefine((m, ctx) => {
    const datasetIds = new Set(m.datasets.map((d) => d.id));
    m.indicators.forEach((ind, i) => {
      if (!datasetIds.has(ind.dataset)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'dataset'],
          message: `names dataset "${ind.dataset}", which is not among the manifest's datasets`,
        });
      }
    });
    const levels = new Set(m.geographies.map((g) => g.level));
    m.geographies.forEach((g, i) => {
      if (g.parentLevel && !levels.has(g.parentLevel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['geographies', i, 'parentLevel'],
          message: `parent level "${g.parentLevel}" is not declared among the geographies`,
        });
      }
    });
  })
  // A synthetic manifest's datasets are synthetic, wherever they travel from here (src/contract/provenance.ts).
  .transform(withDatasetProvenance);

/** Whether the audience's rules let a view list small areas by name and figure (see listSmallAreas). */
export function allowsSmallAreaLists(
  policy: z.infer<typeof disclosurePolicySchema>,
  audience: (typeof AUDIENCES)[number],
): boolean {
  return policy.listSmallAreas ?? AUDIENCE_PERMISSIONS[audience].listsSmallAreasByDefault;
}

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type AbsentRows = (typeof ABSENT_ROWS)[number];
export type Indicator = z.infer<typeof indicatorSchema>;
export type DisclosurePolicy = z.infer<typeof disclosurePolicySchema>;
export type EthicsCanvas = z.infer<typeof ethicsCanvasSchema>;
