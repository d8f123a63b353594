import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../services/app/createHandlers.ts';
import { channels, CHANNEL_PREFIX } from '../../shared/ipc/contract.ts';
import type { Channel } from '../../shared/ipc/contract.ts';
import { blankAgency, blankReport } from '../../shared/model/report.ts';
import { tripwireDeps } from './support.ts';

/**
 * Every channel of the contract has a handler, and a bad argument is refused with a
 * readable Chinese error before any service (store, dialogs, printers …) is touched.
 */

const agency = blankAgency('某县人民政府办公室');
const report = blankReport(agency, 2024);

/** Arguments of the right overall shape that are still wrong, per channel (on top of the generic ones). */
const WRONG_ARGUMENTS: Record<Channel, readonly unknown[]> = {
  'nianbao:app:info': [{ verbose: true }],
  'nianbao:app:startupNotices': [{ all: true }],
  'nianbao:agencies:list': [{ includeDeleted: 'yes' }],
  'nianbao:agencies:create': [{}, { agency: { ...agency, level: 'galaxy' } }, { agency: { ...agency, name: 'x'.repeat(101) } }],
  'nianbao:agencies:update': [{ agency }, { id: 1, agency: { name: '缺少其他字段' } }],
  'nianbao:agencies:delete': [{}, { id: 0 }, { id: -1 }, { id: 1.5 }, { id: '1' }],
  'nianbao:agencies:restore': [{ id: Number.NaN }],
  'nianbao:reports:list': [{}, { agencyId: '1' }],
  'nianbao:reports:create': [
    { agencyId: 1, year: 2024 },
    { agencyId: 1, year: 1999, from: 'blank' },
    { agencyId: 1, year: 2024.5, from: 'blank' },
    { agencyId: 1, year: 2024, from: 'template' },
  ],
  'nianbao:reports:open': [{ id: null }],
  'nianbao:reports:save': [
    { id: 1 },
    { id: 1, report: { ...report, values: { 'no.such.cell': '1' } } },
    { id: 1, report: { ...report, formatId: '1999' } },
    { id: 1, report: { ...report, sections: { overview: 'x'.repeat(200_001) } } },
  ],
  'nianbao:reports:saveChanges': [
    { id: 1, report },
    { id: 1, changes: { base: 'abc', formatId: report.formatId } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: report.formatId, values: { set: { 'no.such.cell': '1' }, removed: [] } } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: report.formatId, values: { set: { 't3.granted.total': '1' }, removed: [] } } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: report.formatId, values: { set: { 't3.granted.naturalPerson': 1 }, removed: [] } } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: report.formatId, statedTotals: { set: { 't3.granted.naturalPerson': '1' }, removed: [] } } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: report.formatId, sections: { set: { nowhere: '' }, removed: [] } } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: '1999' } },
    { id: 1, changes: { base: '0'.repeat(64), formatId: report.formatId, year: 1999 } },
  ],
  'nianbao:reports:rename': [{ id: 1, name: '   ' }, { id: 1, name: '名'.repeat(101) }],
  'nianbao:reports:delete': [{ reportId: 1 }],
  'nianbao:reports:restore': [{ id: [1] }],
  'nianbao:revisions:list': [{ id: 1 }],
  'nianbao:revisions:view': [{ id: true }],
  'nianbao:revisions:restore': [{ id: 2 ** 64 + 0.5 }],
  'nianbao:backups:list': [{ folder: '/' }],
  'nianbao:backups:backupToFile': [{ path: '/tmp/x.db' }],
  'nianbao:backups:restoreFromFile': [{ path: '/tmp/x.db' }],
  'nianbao:exchange:export': [{ reportId: 1, path: '/tmp/x.nianbao' }],
  'nianbao:exchange:import': [{ path: '/etc/passwd' }],
  'nianbao:export:docx': [{ reportId: 1, path: '/tmp/x.docx' }],
  'nianbao:export:pdf': [{ id: 1 }],
  'nianbao:export:html': [{ reportId: 1, path: '/tmp/x.html' }, { reportId: 0 }],
  'nianbao:export:xlsx': [{ reportId: '1' }, { reportId: 1, sheets: ['table3'] }],
  'nianbao:export:preview': [{ report: { ...report, year: 'last' } }],
  'nianbao:export:printAhead': [{ report: { ...report, agency: null } }, {}],
  'nianbao:export:print': [{ reportId: 'all' }],
  'nianbao:import:read': [{ path: '/etc/passwd' }],
  'nianbao:import:pasted': [{}, { text: 42 }, { text: '', html: '  ' }, { text: 'x'.repeat(5_000_001) }, { text: '一、总体情况', path: '/etc/passwd' }],
  'nianbao:import:confirm': [
    { agencyId: 1, report },
    { agencyId: 1, report, fileName: 'x'.repeat(261) },
  ],
  'nianbao:shell:showInFolder': [{ path: '' }, { path: 42 }],
  'nianbao:comparison:exportDocx': [{ reportId: 1, path: '/tmp/x.docx' }],
  'nianbao:requirements:export': [{ requirements: { issuer: '', overviewMaxChars: 5, overviewSubheadings: [], problemsItemised: false } }, { requirements: {} }],
  'nianbao:requirements:import': [{ path: '/etc/passwd' }],
  'nianbao:summary:list': [{}, { agencyId: 0 }],
  'nianbao:summary:open': [{ agencyId: 1 }, { agencyId: 1, year: 1999 }, { agencyId: '1', year: 2025 }],
  'nianbao:summary:addUnits': [{ workspaceId: 1 }, { workspaceId: 1, text: 'x'.repeat(500_001) }, { workspaceId: 1, text: 42 }],
  'nianbao:summary:importUnits': [{ workspaceId: 1, path: '/tmp/units.xlsx' }],
  'nianbao:summary:carryUnits': [{ workspaceId: -1 }],
  'nianbao:summary:removeUnit': [{ id: 1 }],
  'nianbao:summary:receiveFiles': [{ workspaceId: 1, paths: ['/etc/passwd'] }],
  'nianbao:summary:receiveFolder': [{ workspaceId: 1, path: '/etc' }],
  'nianbao:summary:receiveProgress': [{ jobId: 'all' }],
  'nianbao:summary:receiveCancel': [{}],
  'nianbao:summary:assignFile': [{ fileId: 1 }, { fileId: 1, unitId: 0 }],
  'nianbao:summary:chooseRevision': [{ unitId: 1, fileId: null }],
  'nianbao:summary:unit': [{ workspaceId: 1 }, { unitId: 1 }],
  'nianbao:summary:setNote': [{ unitId: 1, findingKey: '', text: 'x'.repeat(5001) }, { unitId: 1, text: '备注' }],
  'nianbao:summary:sum': [{ workspaceId: 1.5 }],
  'nianbao:summary:exportOpinion': [{ workspaceId: 1 }, { workspaceId: 1, unitId: 1, path: '/tmp/x.docx' }],
  'nianbao:summary:exportReview': [{ workspaceId: 1, path: '/tmp/x.xlsx' }],
  'nianbao:summary:exportSumXlsx': [{ workspaceId: null }],
  'nianbao:summary:exportSumReport': [{ workspaceId: 1, agencyId: 1 }],
};

/** Not an object at all, or with a key the channel does not know. */
const GENERIC_WRONG: readonly unknown[] = [undefined, null, 'text', 42, [], { unexpected: true }];

describe('IPC contract', () => {
  it('names every channel nianbao:<group>:<method>', () => {
    for (const channel of channels) expect(channel).toMatch(new RegExp(`^${CHANNEL_PREFIX}[a-z]+:[a-zA-Z]+$`));
  });

  it('has a handler for every channel and nothing else', () => {
    const handlers = createHandlers(tripwireDeps([]));
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(typeof handlers[channel]).toBe('function');
  });

  it.each(channels)('%s refuses bad arguments without touching a service', async (channel) => {
    const calls: string[] = [];
    const handlers = createHandlers(tripwireDeps(calls));
    for (const args of [...GENERIC_WRONG, ...WRONG_ARGUMENTS[channel]]) {
      const response = await handlers[channel](args);
      expect(response, `${channel} accepted ${JSON.stringify(args)?.slice(0, 80)}`).toMatchObject({ ok: false });
      if (!response.ok) expect(response.error).toMatch(/^请求的参数有误：\S/);
    }
    expect(calls).toEqual([]);
  });

  it('says in Chinese what is wrong and where', async () => {
    const handlers = createHandlers(tripwireDeps([]));
    expect(await handlers['nianbao:reports:open']({ id: '7' })).toEqual({ ok: false, error: '请求的参数有误：编号：编号应为数字' });
    const unknownKey = await handlers['nianbao:reports:open']({ id: 7, extra: 1 });
    expect(unknownKey.ok || unknownKey.error).toMatch(/extra/);
    const badCell = await handlers['nianbao:reports:save']({ id: 1, report: { ...report, values: { 'no.such.cell': '1' } } });
    expect(badCell.ok || badCell.error).toContain('未知的表格单元格');
  });
});
