import { Figure } from '../../ui/Figure';
import type { FigureFlag } from '../../disclosure/protected-tables';

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
  missingReason = null,
}: {
  value: number | null;
  flag: FigureFlag;
  format: (v: number) => string;
  explanations: FlagExplanations;
  lowCount?: boolean;
  /** Why an `x` has no figure when it is not a period without data (a rate with no population, say). */
  missingReason?: string | null;
}) {
  if (flag === 'x') {
    const text = missingReason ? `Not available: ${missingReason}.` : NOT_AVAILABLE_TEXT;
    return (
      <span className="figure figure--missing" title={text}>
        <span aria-hidden="true">x</span>
        <span className="visually-hidden">{`not available (x). ${text}`}</span>
      </span>
    );
  }
  return (
    <>
      <Figure
        value={value}
        flag={flag}
        format={format}
        suppressedReason={explanations.suppressed}
        roundedReason={explanations.rounded}
      />
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

export interface SymbolsUsed {
  c: boolean;
  x: boolean;
  r: boolean;
  u: boolean;
}

/** Which symbols a table's rows use, so the key explains exactly those. */
export function symbolsIn(points: readonly { flag: FigureFlag; rateFlag?: FigureFlag; lowCount?: boolean }[]): SymbolsUsed {
  const has = (f: FigureFlag) => points.some((p) => p.flag === f || p.rateFlag === f);
  return { c: has('c'), x: has('x'), r: has('rounded'), u: points.some((p) => p.lowCount === true) };
}

/** The key to the symbols a table uses, shown under it. */
export function SymbolKey({
  explanations,
  lowCountBelow,
  used,
}: {
  explanations: FlagExplanations;
  lowCountBelow: number;
  used: SymbolsUsed;
}) {
  const all: [boolean, string, string][] = [
    [used.c, 'c', explanations.suppressed],
    [used.x, 'x', NOT_AVAILABLE_TEXT],
    [used.r, 'r', explanations.rounded],
    [used.u, 'u', `Fewer than ${lowCountBelow} events: the rate is unreliable.`],
  ];
  const entries = all.filter(([on]) => on).map(([, symbol, text]) => [symbol, text] as const);
  if (entries.length === 0) return null;
  return (
    <dl className="symbol-key" aria-label="Symbols in the table">
      {entries.map(([symbol, text]) => (
        <div key={symbol}>
          <dt>{symbol}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
