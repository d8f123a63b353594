import type { z } from 'zod';
import type { localRequirementsSchema } from './schemas.ts';

/**
 * Requirements a superior office adds to the official format for its units (e.g. 总体情况
 * 原则上不超过一千字; 总体情况 must have the five sub-headings; 五 lists problems item by
 * item). Kept with the agency, so next year's report has them too; checked as warnings.
 * One file carries them from the superior office to every unit (requirementsFile.ts).
 */
export type LocalRequirements = z.infer<typeof localRequirementsSchema>;

export const noLocalRequirements: LocalRequirements = { issuer: '', overviewMaxChars: null, overviewSubheadings: [], problemsItemised: false };

export function hasLocalRequirements(requirements: LocalRequirements): boolean {
  return requirements.overviewMaxChars !== null || requirements.overviewSubheadings.length > 0 || requirements.problemsItemised;
}
