/**
 * The superior office's 汇总 (pure): workspaces, expected units and name matching, the
 * review of each unit, and the sum over the units with the 勾稽 rules run on it.
 */
export type * from './types.ts';
export { REVIEW_STATE_LABELS } from './types.ts';
export { matchUnit, plainUnitName, unitMatcher, unitNameForms } from './unitNames.ts';
export type { UnitMatcher, UnitNameForms } from './unitNames.ts';
export { unitsFromRows, unitsFromText } from './unitList.ts';
export type { UnitListReading } from './unitList.ts';
export { findingNoteKey, findingPlaces, reviewUnit, shownRevision } from './review.ts';
export type { UnitReview, UnitReviewInput } from './review.ts';
export { checkSum, compareOwnReport, contributions, sumReports, summedReport } from './sum.ts';
export type { CellSum, OwnReportComparison, Summand, WorkspaceSum } from './sum.ts';
export { reviewWorkspace, sumReviewedUnits } from './workspaceReview.ts';
export type { WorkspaceContents, WorkspaceReview } from './workspaceReview.ts';
export { buildReviewOpinion, findingPlace, reviewOpinionTitle } from './reviewOpinion.ts';
export type { ReviewOpinionInput } from './reviewOpinion.ts';
