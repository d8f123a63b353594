import type { RevisionSummary } from '../../../shared/ipc/contract.ts';
import type * as stored from '../../store/index.ts';
import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { unwrap } from '../registry.ts';
import { openedReport } from './storeAccess.ts';

type RevisionChannel = `nianbao:revisions:${string}` & keyof Implementations;

function revisionSummary(revision: stored.RevisionEntry): RevisionSummary {
  return {
    id: revision.id,
    reportId: revision.reportId,
    createdAt: revision.createdAt,
    reason: revision.note ? `${revision.reasonLabel}（${revision.note}）` : revision.reasonLabel,
    summary: revision.summary,
  };
}

export function revisionHandlers({ store }: AppDeps): Implementations<RevisionChannel> {
  return {
    'nianbao:revisions:list': async ({ reportId }) => unwrap(store.listRevisions({ reportId })).map(revisionSummary),
    'nianbao:revisions:view': async ({ id }) => {
      const { revision, report } = unwrap(store.getRevision({ revisionId: id }));
      return { revision: revisionSummary(revision), report };
    },
    'nianbao:revisions:restore': async ({ id }) => openedReport(store, unwrap(store.restoreRevision({ revisionId: id }))),
  };
}
