import { normaliseFigure } from '../../shared/figures/normalise.ts';
import type { FigureKind } from '../../shared/figures/normalise.ts';

/**
 * What the report stores for a figure the user typed: null when blank, the canonical
 * figure when it is one (full-width digits, units and separators normalised), else the
 * text as typed, so nothing is lost and the checks can say what is wrong with it.
 */
export function storedFigure(typed: string, kind: FigureKind): string | null {
  const result = normaliseFigure(typed, kind);
  return result.ok ? result.value : result.typed;
}
