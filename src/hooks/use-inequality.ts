import { concentrationFigures, type ConcentrationParams } from '../queries/readers/concentration-figures';
import { inequalityFigures, type InequalityParams } from '../queries/readers/inequality-figures';
import { useProtectedQuery } from './use-protected-query';

/** Rates by deprivation group with the SII/RII and the gap, for the Deprivation view (protected sums only). */
export function useInequalityFigures(params: InequalityParams | null) {
  return useProtectedQuery(
    'inequality-figures',
    [params],
    (engine, table) => inequalityFigures(engine, table, params!),
    params !== null,
  );
}

/** Shares, concentration curves and persistently high areas per year, for the Concentration view. */
export function useConcentrationFigures(params: ConcentrationParams | null) {
  return useProtectedQuery(
    'concentration-figures',
    [params],
    (engine, table) => concentrationFigures(engine, table, params!),
    params !== null,
  );
}
