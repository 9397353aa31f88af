import { replaceEqualDeep, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The query's result with its data kept as the same object while the figures are the same: moving the latest
 * month within a year asks a new query for the same full year, and new but equal data would draw every chart
 * again. Parts that did change are new objects, the rest are shared (as react-query does within one query).
 */
export function useCohortKept<T>(result: UseQueryResult<T>): UseQueryResult<T> {
  const [kept, setKept] = useState<T | undefined>(result.data);
  const data = result.data === undefined ? undefined : (replaceEqualDeep(kept, result.data) as T);
  // Storing what was shown last, during render, as React's docs describe for values from earlier renders.
  if (data !== undefined && data !== kept) setKept(data);
  return data === result.data ? result : ({ ...result, data } as UseQueryResult<T>);
}
