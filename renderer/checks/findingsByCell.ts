import type { Finding } from '../../shared/checks/index.ts';

/** Every finding under each cell it involves, for marking the grid. */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const cell of finding.location.cells) map.set(cell, [...(map.get(cell) ?? []), finding]);
  }
  return map;
}
