import { useCallback, useState, useSyncExternalStore } from 'react';

/**
 * The editor's layout on small screens (1024×768 and 1280-wide office PCs): at this width
 * or less the step list becomes a narrow rail and the requirements/findings panel a drawer,
 * each with a toggle the app remembers.
 */
const COMPACT_QUERY = '(max-width: 1280px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(COMPACT_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useCompactScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(COMPACT_QUERY).matches);
}

/** A switch kept in the page's local storage under `nianbao.<name>`, so it holds after a restart. */
export function useRememberedSwitch(name: string, initial: boolean): [boolean, (on: boolean) => void] {
  const key = `nianbao.${name}`;
  const [on, setOn] = useState(() => {
    const stored = window.localStorage.getItem(key);
    return stored === null ? initial : stored === 'true';
  });
  const set = useCallback(
    (next: boolean) => {
      window.localStorage.setItem(key, String(next));
      setOn(next);
    },
    [key],
  );
  return [on, set];
}
