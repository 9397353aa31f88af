/**
 * How a bundle's own audits work (the publisher's and the recipient's re-check of the bundle's cells), in the
 * words bundle.json uses. The protected tables themselves are certified by the exact LP (lp-audit.ts), whose method
 * protect-cube.ts words. Published instead of any figure about the hidden cells (how many are small, which ones):
 * safety relies on those staying unknown, while the method is part of the rules anyone may read.
 */
export const AUDIT_METHOD = 'interval attack over all relations';
