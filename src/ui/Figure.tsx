import type { PublicFlag } from '../disclosure/protected-tables';
import { SUPPRESSED_SYMBOL } from '../disclosure/suppression-text';

/**
 * One protected figure as people see it: the number, a marked rounded number, or `c` with its reason
 * available to screen readers, to the keyboard (focus shows the title) and on hover.
 */
export function Figure({
  value,
  flag,
  format = (v) => v.toLocaleString('en-GB'),
  suppressedReason,
  roundedReason,
}: {
  value: number | null;
  flag: PublicFlag;
  format?: (v: number) => string;
  suppressedReason: string;
  roundedReason?: string;
}) {
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
