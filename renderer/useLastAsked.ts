import { useCallback, useRef } from 'react';

/**
 * For reads that may overlap (a reload while another is under way): each call marks a new
 * read and returns whether that read is still the last one asked for, so that an older
 * answer arriving later is dropped instead of replacing a newer one.
 */
export function useLastAsked(): () => () => boolean {
  const last = useRef(0);
  return useCallback(() => {
    const asked = ++last.current;
    return () => asked === last.current;
  }, []);
}
