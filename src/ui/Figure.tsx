import type { PublicFlag } from '../disclosure/protected-tables';
import { SUPPRESSED_SYMBOL } from '../disclosure/suppression-text';

/**
 * One protected figure as people see it: the number, a marked rounded number, `c` with its reason available to
 * screen readers, to the keyboard (focus shows the title) and on hover, or `x` when there is no number although
 * disclosure hid nothing (a rate with no population, say): only disclosure control makes a `c`.
 */
export function Figure({
  value,
  flag,
  format = (v) => v.toLocaleString('en-GB'),
  suppressedReason,
  roundedReason,
  missingReason = 'no figure in the data',
}: {
  value: number | null;
  flag: PublicFlag;
  format?: (v: number) => string;
  suppressedReason: string;
  roundedReason?: string;
  /** Why there is no number when the flag is not `c`. */
  missingReason?: string;
}) {
  if (flag !== 'c' && value === null) {
    return (
      <span className="figure figure--missing" title={`Not available: ${missingReason}.`}>
        <span aria-hidden="true">x</span>
        <span className="visually-hidden">{`not available (x): ${missingReason}.`}</span>
      </span>
    );
  }
  if (flag === 'c' || value === null) {
    return (
      <span className="figure figure--suppressed" title={suppressedReason}>
        <span aria-hidden="true">{SUPPRESSED_SYMBOL}</span>
        <span className="visually-hidden">{`suppressed (c). ${suppressedReason}`}</span>
      </span>
    );
  }
  if (flag === 'rounded') {
    return (
      <span className="figure figure--rounded" title={roundedReason}>
        {format(value)}
        <sup aria-hidden="true">r</sup>
        <span className="visually-hidden">{` (${roundedReason ?? 'rounded'})`}</span>
      </span>
    );
  }
  return <span className="figure">{format(value)}</span>;
}
