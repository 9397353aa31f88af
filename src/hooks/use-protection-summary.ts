import { useQuery } from '@tanstack/react-query';
import type { Audience } from '../contract';
import { useSession, useSessionSnapshot } from './session-context';

/**
 * What protection did for an audience (cells hidden, audit result). Runs it when `run` is true or it has
 * already run at this data version; otherwise waits, because protecting an audience nobody is looking at
 * costs seconds of the worker's time that the figures on screen are waiting for.
 */
export function useProtectionSummary(audience: Audience, run = true) {
  const session = useSession();
  const { version, protection } = useSessionSnapshot();
  return useQuery({
    queryKey: ['protection-summary', version, audience],
    queryFn: () => session.ensureProtected(audience),
    enabled: run || protection[audience] !== undefined,
  });
}
