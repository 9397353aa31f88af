import type { DisclosurePolicy } from '../../contract';
import type { CohortFigure } from '../../queries/figures/cohort-figures';
import { roundingExplanation } from '../../disclosure/suppression-text';
import { Figure } from '../../ui/Figure';
import { formatRate, WIDEN_MESSAGE } from './cohort-format';

/**
 * Why a cohort figure is `c`, in words true of every hidden figure: hidden to protect privacy, or (a total of
 * several cells) not shown because one of its cells is hidden. Never "too small": that is not known here.
 */
export function cohortSuppressedReason(reason: string | null = null): string {
  // A `c` figure's reason is set only when it adds up several cells (cohort-cells.ts INCLUDES_HIDDEN).
  return reason !== null
    ? `This figure ${reason}: one of the age bands it adds up is hidden to protect privacy. ${upperFirst(WIDEN_MESSAGE)}.`
    : `Hidden to protect privacy. ${upperFirst(WIDEN_MESSAGE)}.`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  // A count with no population to make a rate of is still shown; its rate is `x`.
  if (field === 'count' && figure.flag === 'x' && figure.count !== null)
    return <Figure value={figure.count} flag="shown" suppressedReason="" />;
  if (figure.flag === 'x' || figure.flag === 'z') return <SymbolWithReason flag={figure.flag} reason={figure.reason} />;
  const value = field === 'count' ? figure.count : field === 'value' ? figure.stat.value : figure.stat[field];
  return (
    <Figure
      value={value}
      flag={figure.flag}
      format={field === 'count' ? (v) => v.toLocaleString('en-GB') : format}
      suppressedReason={cohortSuppressedReason(figure.reason)}
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
