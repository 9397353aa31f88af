/**
 * How the audit that certifies a protected table works, in the words bundles and the Data and ethics view use.
 * Published instead of any figure about the hidden cells (how many are small, which ones): safety relies on
 * those staying unknown, while the method is part of the rules anyone may read.
 */
export const AUDIT_METHOD = 'interval attack over all relations';
