import { concentrationFigures, type ConcentrationParams } from '../queries/readers/concentration-figures';
import { inequalityFigures, type InequalityParams } from '../queries/readers/inequality-figures';
import { declareFigure } from './coordinator/figure-declaration';
import { useFigure } from './coordinator/use-figure';

const inequalityFigure = declareFigure('inequality-figures', (ctx, params: InequalityParams) =>
  inequalityFigures(ctx.engine, ctx.table, params),
);

const concentrationFigure = declareFigure('concentration-figures', (ctx, params: ConcentrationParams) =>
  concentrationFigures(ctx.engine, ctx.table, params),
);

/** Rates by deprivation group with the SII/RII and the gap, for the Deprivation view (protected sums only). */
export function useInequalityFigures(params: InequalityParams | null) {
  return useFigure(inequalityFigure, params);
}

/** Shares, concentration curves and persistently high areas per year, for the Concentration view. */
export function useConcentrationFigures(params: ConcentrationParams | null) {
  return useFigure(concentrationFigure, params);
}
