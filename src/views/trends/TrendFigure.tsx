import type { TrendFlag } from '../../queries/trend-series';
import { Figure } from '../../ui/Figure';

export interface FlagExplanations {
  suppressed: string;
  rounded: string;
}

export const NOT_AVAILABLE_TEXT = 'Not available: no data were received for this period.';
export const LOW_COUNT_TEXT = 'Based on a small number of events, so the rate is unreliable: read it with its confidence limits.';

/**
 * A protected figure in a trend table: the number, a marked rounded number, `c` with its reason, or
 * `x` (no data received). Never 0 for a figure that is hidden or missing.
 */
export function TrendFigure({
  value,
  flag,
  format,
  explanations,
  lowCount = false,
}: {
  value: number | null;
  flag: TrendFlag;
  format: (v: number) => string;
  explanations: FlagExplanations;
  lowCount?: boolean;
}) {
  if (flag === 'x') {
    return (
      <span className="figure figure--missing" title={NOT_AVAILABLE_TEXT}>
        <span aria-hidden="true">x</span>
        <span className="visually-hidden">{`not available (x). ${NOT_AVAILABLE_TEXT}`}</span>
      </span>
    );
  }
  return (
    <>
      <Figure value={value} flag={flag} format={format} suppressedReason={explanations.suppressed} roundedReason={explanations.rounded} />
      {lowCount && value !== null ? (
        <span className="figure__low" title={LOW_COUNT_TEXT}>
          <span aria-hidden="true">u</span>
          <span className="visually-hidden">{` (low reliability: ${LOW_COUNT_TEXT})`}</span>
        </span>
      ) : null}
    </>
  );
}

/** "51.0 to 84.0", or nothing when a limit is missing. */
export function Limits({ lower, upper, format }: { lower: number | null; upper: number | null; format: (v: number) => string }) {
  if (lower === null || upper === null) return null;
  return <span className="limits">{`${format(lower)} to ${format(upper)}`}</span>;
}

/** The key to the symbols used in the tables, shown under each one. */
export function SymbolKey({ explanations, lowCountBelow }: { explanations: FlagExplanations; lowCountBelow: number }) {
  return (
    <dl className="symbol-key">
      <div>
        <dt>c</dt>
        <dd>{explanations.suppressed}</dd>
      </div>
      <div>
        <dt>x</dt>
        <dd>{NOT_AVAILABLE_TEXT}</dd>
      </div>
      <div>
        <dt>r</dt>
        <dd>{explanations.rounded}</dd>
      </div>
      <div>
        <dt>u</dt>
        <dd>{`Fewer than ${lowCountBelow} events: the rate is unreliable.`}</dd>
      </div>
    </dl>
  );
}
