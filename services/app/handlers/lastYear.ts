import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { buildComparisonDocument, comparisonTitle } from '../../../shared/document/comparison.ts';
import { REQUIREMENTS_FILE_EXTENSION, parseRequirements, serializeRequirements } from '../../../shared/model/requirementsFile.ts';
import { renderDocx } from '../../export/docx/renderDocx.ts';
import type { AppDeps } from '../deps.ts';
import type { Implementations } from '../registry.ts';
import { UserFacingError, unwrap } from '../registry.ts';
import type { UserFiles } from '../userFiles.ts';
import { safeFileName } from '../userFiles.ts';
import { lastYearOf } from './storeAccess.ts';

type LastYearChannel = (`nianbao:comparison:${string}` | `nianbao:requirements:${string}`) & keyof Implementations;

const REQUIREMENTS_FILTERS = [{ name: '本地要求文件', extensions: [REQUIREMENTS_FILE_EXTENSION] }];

/**
 * Working with last year's report and the superior office's requirements: the
 * comparison with last year as a Word table, and the local requirements file.
 */
export function lastYearHandlers({ store, dialogs }: AppDeps, files: UserFiles): Implementations<LastYearChannel> {
  return {
    'nianbao:comparison:exportDocx': async ({ reportId }) => {
      const { report } = unwrap(store.getReport({ reportId }));
      const previous = lastYearOf(store, reportId);
      if (!previous) throw new UserFacingError(`没有找到本机关${report.year - 1}年度的报告，无法与上年对比。可先从已发布的上年报告导入。`);
      const path = await dialogs.chooseSavePath({
        title: '导出与上年对比表',
        defaultName: `${safeFileName(comparisonTitle(report, previous.year), '数据对比')}.docx`,
        filters: [{ name: 'Word文档', extensions: ['docx'] }],
      });
      if (path === null) return null;
      await files.write(path, await renderDocx(buildComparisonDocument(report, previous)));
      unwrap(store.keepRevision({ reportId, reason: 'exported', note: basename(path) }));
      return { path };
    },
    'nianbao:requirements:export': async ({ requirements }) => {
      const path = await dialogs.chooseSavePath({
        title: '导出本地要求',
        defaultName: `${safeFileName(requirements.issuer ? `${requirements.issuer}年报要求` : '年报本地要求', '年报本地要求')}.${REQUIREMENTS_FILE_EXTENSION}`,
        filters: REQUIREMENTS_FILTERS,
      });
      if (path === null) return null;
      await files.write(path, new TextEncoder().encode(serializeRequirements(requirements)));
      return { path };
    },
    'nianbao:requirements:import': async () => {
      const path = await dialogs.chooseOpenPath({ title: '导入本地要求', filters: REQUIREMENTS_FILTERS });
      if (path === null) return null;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new UserFacingError(`无法读取“${path}”（${(error as Error).message}）。`);
      }
      const parsed = parseRequirements(text);
      if (!parsed.ok) throw new UserFacingError(parsed.error);
      return parsed.value;
    },
  };
}
