import type { StepId } from './editor/steps.ts';

/**
 * Where the user is, kept in the location hash so that a reload (or a restart of the
 * window) comes back to the same report and step.
 */
export type Route =
  | { readonly screen: 'home'; readonly agencyId?: number }
  | { readonly screen: 'report'; readonly reportId: number; readonly step: StepId }
  | SummaryRoute;

/** The views of a 汇总 workspace: expected units and receiving, the review table, one unit, the sum. */
export type SummaryView = 'units' | 'review' | 'unit' | 'sum';
const SUMMARY_VIEWS: readonly SummaryView[] = ['units', 'review', 'unit', 'sum'];

/** A superior agency's 汇总 of one year; `unitId` with the view `unit`. */
export interface SummaryRoute {
  readonly screen: 'summary';
  readonly agencyId: number;
  readonly year: number;
  readonly view: SummaryView;
  readonly unitId?: number;
}

function positiveInteger(text: string | undefined): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function parseRoute(hash: string): Route {
  const [screen, id, step, view, unit] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (screen === 'summary') {
    const agencyId = positiveInteger(id);
    const year = positiveInteger(step);
    const unitId = positiveInteger(unit);
    const shown = SUMMARY_VIEWS.find((v) => v === view) ?? 'review';
    if (agencyId !== undefined && year !== undefined) {
      if (shown === 'unit' && unitId !== undefined) return { screen: 'summary', agencyId, year, view: shown, unitId };
      return { screen: 'summary', agencyId, year, view: shown === 'unit' ? 'review' : shown };
    }
  }
  if (screen === 'report') {
    const reportId = positiveInteger(id);
    if (reportId !== undefined) return { screen: 'report', reportId, step: (step || 'agency') as StepId };
  }
  const agencyId = screen === 'agency' ? positiveInteger(id) : undefined;
  return agencyId === undefined ? { screen: 'home' } : { screen: 'home', agencyId };
}

export function formatRoute(route: Route): string {
  if (route.screen === 'report') return `#/report/${route.reportId}/${encodeURIComponent(route.step)}`;
  if (route.screen === 'summary') {
    const unit = route.view === 'unit' && route.unitId !== undefined ? `/${route.unitId}` : '';
    return `#/summary/${route.agencyId}/${route.year}/${route.view}${unit}`;
  }
  return route.agencyId === undefined ? '#/' : `#/agency/${route.agencyId}`;
}
