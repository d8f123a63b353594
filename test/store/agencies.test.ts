import { describe, expect, test } from 'vitest';
import { blankAgency } from '../../shared/model/report.ts';
import { errorOf, openTestStore, unwrap } from './support.ts';

describe('agencies', () => {
  test('create, list, read, update and rename', () => {
    const store = openTestStore();
    const created = unwrap(store.createAgency({ agency: { ...blankAgency('湖滨区政府办'), phone: '0571-1' } }));
    unwrap(store.createAgency({ agency: blankAgency('西湖区政府办') }));
    expect(created).toMatchObject({ name: '湖滨区政府办', level: 'county', reportCount: 0, deletedAt: null });
    expect(unwrap(store.listAgencies()).map((a) => a.name)).toEqual(['湖滨区政府办', '西湖区政府办'].sort());

    const updated = unwrap(store.updateAgency({ agencyId: created.id, agency: { ...created.agency, level: 'city', contact: '电话：1' } }));
    expect(updated.agency).toMatchObject({ level: 'city', contact: '电话：1', phone: '0571-1' });

    const renamed = unwrap(store.renameAgency({ agencyId: created.id, name: '  湖滨区人民政府办公室 ' }));
    expect(renamed.name).toBe('湖滨区人民政府办公室');
    expect(unwrap(store.getAgency({ agencyId: created.id })).agency).toMatchObject({ name: '湖滨区人民政府办公室', level: 'city' });
  });

  test('a second agency of the same name is refused', () => {
    const store = openTestStore();
    const first = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    const other = unwrap(store.createAgency({ agency: blankAgency('西湖区政府办') }));
    expect(errorOf(store.createAgency({ agency: blankAgency('湖滨区政府办') }))).toContain(`已经有名为“湖滨区政府办”的机关（编号${first.id}）`);
    expect(errorOf(store.renameAgency({ agencyId: other.id, name: '湖滨区政府办' }))).toContain('已经有名为');
  });

  test('delete moves to the recycle bin, with its reports; restore brings both back', () => {
    const store = openTestStore();
    const agency = unwrap(store.createAgency({ agency: blankAgency('湖滨区政府办') }));
    unwrap(store.createReport({ agencyId: agency.id, year: 2024 }));
    const deleted = unwrap(store.deleteAgency({ agencyId: agency.id }));
    expect(deleted.deletedAt).not.toBeNull();
    expect(unwrap(store.listAgencies())).toEqual([]);
    expect(unwrap(store.listAgencies({ deleted: true })).map((a) => a.id)).toEqual([agency.id]);
    expect(unwrap(store.listReports())).toEqual([]);
    expect(errorOf(store.createReport({ agencyId: agency.id, year: 2025 }))).toContain('在回收站中');
    expect(errorOf(store.deleteAgency({ agencyId: agency.id }))).toContain('在回收站中');

    const restored = unwrap(store.restoreAgency({ agencyId: agency.id }));
    expect(restored).toMatchObject({ deletedAt: null, reportCount: 1 });
    expect(unwrap(store.listReports()).map((r) => r.year)).toEqual([2024]);
    expect(errorOf(store.restoreAgency({ agencyId: agency.id }))).toContain('不在回收站中');
  });

  test('bad input at the boundary is refused with a Chinese reason', () => {
    const store = openTestStore();
    expect(errorOf(store.createAgency({ agency: blankAgency('  ') }))).toMatch(/^输入有误：机关 › 名称：名称不能为空/);
    expect(errorOf(store.createAgency({ agency: { ...blankAgency('某局'), level: 'galaxy' } as never }))).toContain('机关 › 层级');
    expect(errorOf(store.createAgency({ agency: { ...blankAgency('某局'), extra: 1 } as never }))).toContain('未知的键');
    expect(errorOf(store.getAgency({ agencyId: -1 }))).toBe('输入有误：机关编号：应为正整数');
    expect(errorOf(store.getAgency({ agencyId: '1' as never }))).toBe('输入有误：机关编号：应为数字');
    expect(errorOf(store.getAgency(undefined as never))).toContain('机关编号');
    expect(errorOf(store.getAgency({ agencyId: 99 }))).toBe('找不到编号为99的机关。');
    expect(errorOf(store.listAgencies({ deleted: 'yes' } as never))).toContain('回收站');
  });
});
