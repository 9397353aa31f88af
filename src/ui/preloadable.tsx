import { lazy, useState, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  /** Renders the component, suspending (to the nearest Suspense) only if it has not been loaded yet. */
  Component: ComponentType<P>;
  /** Starts loading it now, once; later calls return the same promise (a failed load may be tried again). */
  preload: () => Promise<ComponentType<P>>;
}

/**
 * A component split out of the first load that can be fetched ahead of need. Once loaded it renders at once:
 * a React.lazy component suspends on its first render even when its module is already here, and React 19 then
 * holds the content back until 300 ms after the fallback appeared (to avoid flicker), so every first opening
 * of a view cost a third of a second of waiting.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Component(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount the view.
    const [Loaded] = useState<ComponentType<P> | undefined>(() => loaded);
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component, preload };
}
