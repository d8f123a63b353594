/** OOXML measures: twips (1/20 pt, also called DXA) and half-points for type sizes. */

export function twipsFromPt(pt: number): number {
  return Math.round(pt * 20);
}

export function twipsFromMm(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/**
 * Column widths in twips, rounded at the column edges so that they add up to the
 * rounded table width (a table of 156 mm is exactly as wide as the type area).
 */
export function gridTwips(widthsMm: readonly number[]): number[] {
  let edgeMm = 0;
  let edgeTwips = 0;
  return widthsMm.map((width) => {
    edgeMm += width;
    const next = twipsFromMm(edgeMm);
    const column = next - edgeTwips;
    edgeTwips = next;
    return column;
  });
}
