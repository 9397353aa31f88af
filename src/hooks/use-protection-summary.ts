import { useQuery } from '@tanstack/react-query';
import type { Audience } from '../contract';
import { useSession, useSessionSnapshot } from './session-context';

/** What protection did for an audience (cells hidden, audit result); runs it if it has not run yet. */
export function useProtectionSummary(audience: Audience) {
  const session = useSession();
  const { version } = useSessionSnapshot();
  return useQuery({
    queryKey: ['protection-summary', version, audience],
    queryFn: () => session.ensureProtected(audience),
  });
}
