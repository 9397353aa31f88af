import type { DisclosurePolicy } from '../../contract';
import type { CohortFigure } from '../../queries/cohort-cells';
import { roundingExplanation } from '../../disclosure/suppression-text';
import { Figure } from '../../ui/Figure';
import { formatRate, WIDEN_MESSAGE } from './cohort-format';

/** Why a cohort figure is `c`: the cohort is too small, and what to do about it. */
export function cohortSuppressedReason(): string {
  return `Hidden to protect privacy: ${WIDEN_MESSAGE}.`;
}

/** `x` or `z` with its reason for screen readers and on hover. */
export function SymbolWithReason({ flag, reason }: { flag: 'x' | 'z'; reason: string | null }) {
  const text = flag === 'x' ? 'not available' : 'not applicable';
  return (
    <span className="figure figure--symbol" title={reason ?? text}>
      <span aria-hidden="true">{flag}</span>
      <span className="visually-hidden">{`${text} (${flag})${reason ? `: ${reason}` : ''}`}</span>
    </span>
  );
}

/** A cohort's rate (or count, with `field="count"`), shown through the disclosure layer's Figure. */
export function FigureCell({
  figure,
  field = 'value',
  policy,
  format = formatRate,
}: {
  figure: CohortFigure;
  field?: 'value' | 'count' | 'lower95' | 'upper95';
  policy: Pick<DisclosurePolicy, 'roundTo'> | null;
  format?: (v: number) => string;
}) {
  if (figure.flag === 'x' || figure.flag === 'z') return <SymbolWithReason flag={figure.flag} reason={figure.reason} />;
  const value = field === 'count' ? figure.count : field === 'value' ? figure.stat.value : figure.stat[field];
  return (
    <Figure
      value={value}
      flag={figure.flag}
      format={field === 'count' ? (v) => v.toLocaleString('en-GB') : format}
      suppressedReason={cohortSuppressedReason()}
      roundedReason={
        policy
          ? field === 'count'
            ? roundingExplanation(policy)
            : `Calculated from counts rounded to the nearest ${policy.roundTo} to protect privacy.`
          : undefined
      }
    />
  );
}
