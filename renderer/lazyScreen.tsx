import { Suspense, use } from 'react';
import type { ComponentType, ReactNode } from 'react';

/**
 * A screen built into a script of its own (Vite splits the bundle at the dynamic import in
 * `load`), so that the home screen's start parses none of it. `preload` loads it ahead of
 * use (screens.ts: at start for the screen the window opens on, while idle for the others),
 * so that going to it does not wait; until it is loaded, `fallback` stands in its place.
 */
export interface LazyScreen<P> {
  readonly Screen: ComponentType<P>;
  readonly preload: () => Promise<unknown>;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A later use tries again rather than keeping the failure.
        loading = undefined;
        throw error;
      },
    ));

  // Once loaded, the screen renders at once: the fallback is not shown, not even for a frame.
  function Loaded(props: P) {
    const Component = loaded ?? use(preload());
    return <Component {...props} />;
  }
  function Screen(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return { Screen, preload };
}
