/**
 * How a bundle's own audits work (the publisher's and the recipient's re-check of the bundle's cells), in the
 * words bundle.json uses. The protected tables themselves are certified by the exact LP (lp-audit.ts), whose method
 * protect-cube.ts words. Published instead of any figure about the hidden cells (how many are small, which ones):
 * safety relies on those staying unknown, while the method is part of the rules anyone may read.
 */
export const AUDIT_METHOD = 'interval attack over all relations';

/**
 * What ProtectionSummary.audit.method says when the LP certificate covers the whole table: every group of linked
 * cells solved exactly. Any other method (groups above the cap left to bounds propagation, or no solver) passed
 * weaker checks, and the views must not call that proof (see DisclosureSection).
 */
export const LP_AUDIT_METHOD =
  'exact LP over all relations of each indicator (HiGHS); attackers who see c and who know which cells are small';
