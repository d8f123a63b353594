import { useLayoutEffect, useState } from 'react';

/** An element's inner width, kept up to date, to fit a page to it. */
export function useWidth(element: React.RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    // A hidden element measures 0 wide: it keeps the width it was last shown at.
    const measure = () => {
      if (target.clientWidth > 0) setWidth(target.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
