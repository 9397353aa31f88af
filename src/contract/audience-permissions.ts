import type { Audience } from './vocabularies';

/**
 * What each audience may do beyond seeing its protected figures: the one place that decides it. Which figures
 * an audience sees (threshold, rounding, zeros) is its disclosure policy in the manifest, which a partnership
 * may change; these permissions are the product's own and are not configurable.
 */
export interface AudiencePermissions {
  /**
   * Projections and hotspot tests. Partner and public figures are rounded and have more small months hidden: a
   * model fitted to them is biased and overconfident, and a published list of "hotspots" can stigmatise
   * neighbourhoods. An analyst can review one and share it.
   */
  predictions: boolean;
  /** Publishing a bundle for another audience: only the holder of the unrounded figures can make one. */
  publishesBundles: boolean;
  /** Being the audience of a published bundle (a bundle never carries analyst figures). */
  receivesBundles: boolean;
  /** Whether small areas may be named in lists by default, when the audience's policy does not say. */
  listsSmallAreasByDefault: boolean;
  /** A banner on every page saying that figures are rounded and small counts hidden for this audience. */
  rulesBanner: boolean;
}

export const AUDIENCE_PERMISSIONS: Record<Audience, AudiencePermissions> = {
  analyst: {
    predictions: true,
    publishesBundles: true,
    receivesBundles: false,
    listsSmallAreasByDefault: true,
    rulesBanner: false,
  },
  partner: {
    predictions: false,
    publishesBundles: false,
    receivesBundles: true,
    listsSmallAreasByDefault: true,
    rulesBanner: true,
  },
  public: {
    predictions: false,
    publishesBundles: false,
    receivesBundles: true,
    listsSmallAreasByDefault: false,
    rulesBanner: true,
  },
};

/** The audiences a bundle can be published for, in the order the publish form offers them. */
export const BUNDLE_AUDIENCES = ['partner', 'public'] as const satisfies readonly Audience[];
