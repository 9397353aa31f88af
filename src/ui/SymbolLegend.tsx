import { Fragment } from 'react';
import { SYMBOL_MEANING, type FigureSymbol } from './symbols';

/** "Symbols: c = hidden to protect privacy; x = not available.", under a table or chart that can show them. */
export function SymbolLegend({ symbols }: { symbols: readonly FigureSymbol[] }) {
  if (symbols.length === 0) return null;
  return (
    <p className="hint symbol-legend">
      Symbols:{' '}
      {symbols.map((s, i) => (
        <Fragment key={s}>
          {i > 0 ? '; ' : ''}
          <span className="symbol-legend__symbol">{s}</span> = {SYMBOL_MEANING[s]}
        </Fragment>
      ))}
      .
    </p>
  );
}
