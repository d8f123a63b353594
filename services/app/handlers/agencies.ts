import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { unwrap } from '../registry.ts';
import { agencyRecord } from '../summaries.ts';
import { agencyOf } from './storeAccess.ts';

type AgencyChannel = `nianbao:agencies:${string}` & keyof Implementations;

export function agencyHandlers({ store }: AppDeps): Implementations<AgencyChannel> {
  return {
    'nianbao:agencies:list': async ({ includeDeleted }) => {
      const summaries = [false, ...(includeDeleted ? [true] : [])].flatMap((deleted) => unwrap(store.listAgencies({ deleted })));
      return summaries.map((summary) => agencyRecord(agencyOf(store, summary.id)));
    },
    'nianbao:agencies:create': async ({ agency }) => agencyRecord(unwrap(store.createAgency({ agency }))),
    'nianbao:agencies:update': async ({ id, agency }) => agencyRecord(unwrap(store.updateAgency({ agencyId: id, agency }))),
    'nianbao:agencies:delete': async ({ id }) => {
      unwrap(store.deleteAgency({ agencyId: id }));
      return null;
    },
    'nianbao:agencies:restore': async ({ id }) => {
      unwrap(store.restoreAgency({ agencyId: id }));
      return agencyRecord(agencyOf(store, id));
    },
  };
}
