import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The indicator a view is showing when none is chosen in the link (the Map's and Trends' defaults), so that the
 * shared Indicator filter names it instead of asking to "choose" one while one is on screen. Not part of the
 * view state: the link still says only what the person chose.
 */
const ShownIndicator = createContext<{ id: string | null; set: (id: string | null) => void }>({ id: null, set: () => {} });

export function ShownIndicatorProvider({ children }: { children: ReactNode }) {
  const [id, set] = useState<string | null>(null);
  const value = useMemo(() => ({ id, set }), [id]);
  return <ShownIndicator.Provider value={value}>{children}</ShownIndicator.Provider>;
}

/** The indicator the current view says it shows by default, or null. */
export function useShownIndicator(): string | null {
  return useContext(ShownIndicator).id;
}

/** Called by a view with the indicator it shows by default (null when it shows the chosen one, or none). */
export function useReportShownIndicator(id: string | null): void {
  const { set } = useContext(ShownIndicator);
  useEffect(() => {
    set(id);
    return () => set(null);
  }, [id, set]);
}
