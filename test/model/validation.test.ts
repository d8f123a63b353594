import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../services/app/createHandlers.ts';
import type { Store } from '../../services/store/index.ts';
import type { Channel } from '../../shared/ipc/contract.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import { reportSchema } from '../../shared/model/schemas.ts';
import { validate } from '../../shared/model/validation.ts';
import { tripwireDeps } from '../ipc/support.ts';
import { errorOf, openTestStore } from '../store/support.ts';

/**
 * One validation stack: the report model, the store's inputs and the IPC arguments say
 * what is wrong with the same Chinese field names, zod's own messages in Chinese, and the
 * same bounds (a year the IPC refuses, the store refuses with the same words).
 */

const report = blankReport(blankAgency('某县人民政府办公室'), 2024);
const handlers = createHandlers(tripwireDeps([]));
let store: Store | undefined;

afterEach(() => {
  store?.close();
  store = undefined;
});

async function ipcError(channel: Channel, args: unknown): Promise<string> {
  const response = await handlers[channel](args);
  if (response.ok) throw new Error(`${channel} accepted ${JSON.stringify(args)}`);
  return response.error;
}

describe('one validation stack', () => {
  it('the report model says in Chinese what zod itself finds wrong', () => {
    const result = validate(reportSchema, { ...report, year: 2024.5 });
    expect(result).toEqual({ ok: false, error: '年度：年度应为整数' });
    const wrongType = validate(reportSchema, { ...report, sections: { overview: 7 } });
    expect(wrongType.ok || wrongType.error).toMatch(/^章节 › overview：无效输入/);
  });

  it('IPC arguments and store inputs name a field alike', async () => {
    expect(await ipcError('nianbao:import:pasted', { text: 7 })).toMatch(/^请求的参数有误：内容：无效输入/);
    store = openTestStore();
    const agency = store.createAgency({ agency: blankAgency('某局') });
    if (!agency.ok) throw new Error(agency.error);
    expect(errorOf(store.createReport({ agencyId: agency.value.id, year: 2007 }))).toBe('输入有误：年度：年度应为2008年以后');
    expect(await ipcError('nianbao:reports:create', { agencyId: 1, year: 2007, from: 'blank' })).toBe('请求的参数有误：年度：年度应为2008年以后');
    expect(errorOf(store.createReport({ agencyId: agency.value.id, year: 2024.5 }))).toBe('输入有误：年度：年度应为整数');
    expect(await ipcError('nianbao:reports:create', { agencyId: 1, year: 2024.5, from: 'blank' })).toBe('请求的参数有误：年度：年度应为整数');
  });
});
