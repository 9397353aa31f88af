import { useCallback, useState } from 'react';
import type { GeographyLevel } from '../contract';
import type { BundleAudience } from '../bundle/bundle-format';
import type { PublishedBundle } from '../bundle/publish-bundle';
import { useSession, useSessionSnapshot } from './session-context';

export type PublishState =
  | { kind: 'idle' }
  | { kind: 'working'; step: string }
  | { kind: 'done'; bundle: PublishedBundle }
  | { kind: 'failed'; error: string };

/**
 * Builds a partner or public bundle from the data loaded in this browser: the audience's protected table is made
 * (or reused), then its cells at the chosen levels are written with the lookups and audited.
 */
export function usePublishBundle() {
  const session = useSession();
  const { state: loaded, bundle } = useSessionSnapshot();
  const [state, setState] = useState<PublishState>({ kind: 'idle' });
  const publish = useCallback(
    async (audience: BundleAudience, levels: GeographyLevel[]) => {
      const manifest = loaded.manifest;
      if (!manifest) return setState({ kind: 'failed', error: 'No data are loaded.' });
      try {
        setState({ kind: 'working', step: `Applying the ${audience} disclosure rules` });
        await session.ensureProtected(audience);
        setState({ kind: 'working', step: 'Writing the bundle and running its disclosure audit' });
        // Let the status message paint before the audit takes the main thread.
        await new Promise((r) => setTimeout(r, 30));
        setState({ kind: 'done', bundle: await session.publishBundle({ audience, levels, manifest }) });
      } catch (e) {
        setState({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    },
    [session, loaded.manifest],
  );
  return { state, publish, canPublish: !bundle && loaded.manifest !== null };
}
