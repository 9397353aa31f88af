import { useViewState } from '../url-state/use-view-state';
import { useSessionSnapshot } from './session-context';

/** The disclosure policy in force for the audience in the URL. */
export function useDisclosurePolicy() {
  const { state: loaded } = useSessionSnapshot();
  const { state } = useViewState();
  return loaded.manifest?.disclosure[state.audience] ?? null;
}
