import type { AgencyRecord, ReportSummary } from '../../shared/ipc/contract.ts';
import { nianbao, reason } from '../api.ts';

type AgencyId = AgencyRecord['id'];

/** What the home screen shows: the agencies, and the reports of the one on view. */
export interface HomeData {
  readonly agencies: AgencyRecord[];
  /** The reports of the agency on view; undefined when there is none. */
  readonly reports: { readonly agencyId: AgencyId; readonly list: ReportSummary[] } | undefined;
  /** Why a read failed, to tell the user; what could not be read shows empty. */
  readonly failures: string[];
}

/** The agency on view: the one asked for, else the first one in use. */
export function agencyOnView(agencies: readonly AgencyRecord[], agencyId: AgencyId | undefined): AgencyRecord | undefined {
  return agencies.find((a) => a.id === agencyId) ?? agencies.find((a) => !a.deletedAt);
}

/**
 * The agencies, then the reports of the one on view, in one read: the home screen renders
 * once with both, not once with the agencies and again with the reports.
 */
export async function readHome(agencyId: AgencyId | undefined, includeDeleted: boolean): Promise<HomeData> {
  let agencies: AgencyRecord[];
  try {
    agencies = await nianbao.agencies.list({ includeDeleted });
  } catch (error) {
    return { agencies: [], reports: undefined, failures: [reason(error)] };
  }
  const shown = agencyOnView(agencies, agencyId);
  if (!shown) return { agencies, reports: undefined, failures: [] };
  try {
    return { agencies, reports: { agencyId: shown.id, list: await nianbao.reports.list({ agencyId: shown.id, includeDeleted }) }, failures: [] };
  } catch (error) {
    return { agencies, reports: { agencyId: shown.id, list: [] }, failures: [reason(error)] };
  }
}

let started: { readonly agencyId: AgencyId | undefined; readonly read: Promise<HomeData> } | undefined;

/** Begins the home screen's first read before React's first render (main.tsx), so that the two overlap. */
export function startReadingHome(agencyId: AgencyId | undefined): void {
  started = { agencyId, read: readHome(agencyId, false) };
}

/** The read begun at start-up when it is the one asked for (it is used once), else a new read. */
export function homeData(agencyId: AgencyId | undefined, includeDeleted: boolean): Promise<HomeData> {
  const early = started;
  started = undefined;
  return early && early.agencyId === agencyId && !includeDeleted ? early.read : readHome(agencyId, includeDeleted);
}
