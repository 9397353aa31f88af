import { useEffect } from 'react';
import { useSessionSnapshot } from './session-context';

/**
 * While the workspace is being stored on this device, leaving or reloading the page asks first (the browser's own
 * "Leave site?" question). A large load takes seconds to store; a reload in the middle leaves them stored in part,
 * and the next visit can only say so and ask for them again (storing-mark.ts). Once stored, or when nothing is being
 * stored, the page leaves freely.
 */
export function useLeaveWarningWhileStoring(): void {
  const { storage } = useSessionSnapshot();
  useEffect(() => {
    if (!storage.saving) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium asks only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [storage.saving]);
}
