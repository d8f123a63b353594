import type { StepId } from './editor/steps.ts';

/**
 * Where the user is, kept in the location hash so that a reload (or a restart of the
 * window) comes back to the same report and step.
 */
export type Route =
  | { readonly screen: 'home'; readonly agencyId?: number }
  | { readonly screen: 'report'; readonly reportId: number; readonly step: StepId };

function positiveInteger(text: string | undefined): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function parseRoute(hash: string): Route {
  const [screen, id, step] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (screen === 'report') {
    const reportId = positiveInteger(id);
    if (reportId !== undefined) return { screen: 'report', reportId, step: (step || 'agency') as StepId };
  }
  const agencyId = screen === 'agency' ? positiveInteger(id) : undefined;
  return agencyId === undefined ? { screen: 'home' } : { screen: 'home', agencyId };
}

export function formatRoute(route: Route): string {
  if (route.screen === 'report') return `#/report/${route.reportId}/${encodeURIComponent(route.step)}`;
  return route.agencyId === undefined ? '#/' : `#/agency/${route.agencyId}`;
}
