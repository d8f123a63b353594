import { expect, test } from 'vitest';
import { DEPARTMENT_NAMES } from '../../shared/summary/departmentNames.ts';
import { matchUnit, unitsFromText } from '../../shared/summary/index.ts';
import type { ExpectedUnit } from '../../shared/summary/index.ts';

const units: ExpectedUnit[] = [
  { id: 1, name: '湖滨县人民政府办公室', aliases: [] },
  { id: 2, name: '城关镇人民政府', aliases: [] },
  { id: 3, name: '湖滨县教育局', aliases: ['县教育局'] },
  { id: 4, name: '东城区街道办事处', aliases: [] },
  { id: 5, name: '湖滨县发展和改革委员会', aliases: [] },
];

test.each([
  ['湖滨县人民政府办公室', 1, 'exact'],
  [' 湖滨县 人民政府办公室\u3000', 1, 'exact'],
  ['县教育局', 3, 'exact'],
  ['县政府办', 1, 'tolerant'],
  ['湖滨县政府办公室', 1, 'tolerant'],
  ['城关镇', 2, 'tolerant'],
  ['城关镇政府', 2, 'tolerant'],
  ['湖滨县城关镇人民政府', 2, 'tolerant'],
  ['东城区街道', 4, 'tolerant'],
  ['湖滨县发改委', 5, 'tolerant'],
  ['县发改委', 5, 'tolerant'],
  ['湖滨县发展改革委', 5, 'tolerant'],
  ['县发展和改革委', 5, 'tolerant'],
])('%s → unit %s (%s)', (name, unitId, by) => {
  const match = matchUnit(name, units);
  if (unitId === undefined) expect(match.status).not.toBe('matched');
  else expect(match).toEqual({ status: 'matched', unitId, by });
});

test('a name that fits two units equally is never matched: the reviewer chooses', () => {
  const twoCounties: ExpectedUnit[] = [
    { id: 1, name: '湖滨县人民政府办公室', aliases: [] },
    { id: 2, name: '西湖县人民政府办公室', aliases: [] },
  ];
  expect(matchUnit('县政府办', twoCounties)).toEqual({ status: 'ambiguous', candidates: [1, 2] });
  // Named in full, each is its own unit.
  expect(matchUnit('西湖县人民政府办公室', twoCounties)).toEqual({ status: 'matched', unitId: 2, by: 'exact' });
  const twoTowns: ExpectedUnit[] = [
    { id: 7, name: '城关镇人民政府', aliases: [] },
    { id: 8, name: '城关镇', aliases: [] },
  ];
  expect(matchUnit('城关镇政府', twoTowns)).toEqual({ status: 'ambiguous', candidates: [7, 8] });
  // A shared alias is ambiguous too.
  expect(matchUnit('教育局', [{ id: 1, name: '甲县教育局', aliases: ['教育局'] }, { id: 2, name: '乙县教育局', aliases: ['教育局'] }])).toEqual({
    status: 'ambiguous',
    candidates: [1, 2],
  });
});

test('names that only share their level are different units', () => {
  expect(matchUnit('西城区街道办事处', units)).toMatchObject({ status: 'unmatched' });
  expect(matchUnit('湖滨县财政局', units)).toMatchObject({ status: 'unmatched' });
  expect(matchUnit('', units)).toEqual({ status: 'unmatched', candidates: [] });
});

test('an unmatched name lists the near units as candidates', () => {
  expect(matchUnit('湖滨县教育局（本级）', units)).toEqual({ status: 'unmatched', candidates: [3] });
});

test('unit lists from pasted text: headers, ordinals, aliases, duplicates', () => {
  const reading = unitsFromText('序号\t单位名称\t简称\n1\t湖滨县人民政府办公室\t县政府办\n2、城关镇人民政府，城关镇\n\n湖滨县教育局\n湖滨县 教育局\n');
  expect(reading.units).toEqual([
    { name: '湖滨县人民政府办公室', aliases: ['县政府办'] },
    { name: '城关镇人民政府', aliases: ['城关镇'] },
    { name: '湖滨县教育局', aliases: [] },
  ]);
  expect(reading.duplicates).toEqual(['湖滨县 教育局']);
});

/** A district's departments as an office lists them in full. */
const district: ExpectedUnit[] = [
  '湖滨区发展和改革委员会',
  '湖滨区人力资源和社会保障局',
  '湖滨区住房和城乡建设局',
  '湖滨区市场监督管理局',
  '湖滨区自然资源局',
  '湖滨区卫生健康委员会',
  '湖滨区教育体育局',
  '湖滨区农业农村局',
  '湖滨区文化和旅游局',
  '湖滨区退役军人事务局',
  '湖滨区人民政府外事办公室',
].map((name, i) => ({ id: i + 1, name, aliases: [] }));

test.each([
  ['区发改委', '湖滨区发展和改革委员会'],
  ['湖滨区发改委', '湖滨区发展和改革委员会'],
  ['湖滨区发展改革委', '湖滨区发展和改革委员会'],
  ['湖滨区人社局', '湖滨区人力资源和社会保障局'],
  ['区人力资源社会保障局', '湖滨区人力资源和社会保障局'],
  ['湖滨区住建局', '湖滨区住房和城乡建设局'],
  ['湖滨区市监局', '湖滨区市场监督管理局'],
  ['区市场监管局', '湖滨区市场监督管理局'],
  ['湖滨区卫健委', '湖滨区卫生健康委员会'],
  ['湖滨区卫生健康委', '湖滨区卫生健康委员会'],
  ['湖滨区教体局', '湖滨区教育体育局'],
  ['湖滨区教育和体育局', '湖滨区教育体育局'],
  ['湖滨区文旅局', '湖滨区文化和旅游局'],
  ['湖滨区退役军人局', '湖滨区退役军人事务局'],
  ['湖滨区政府外办', '湖滨区人民政府外事办公室'],
])('a department’s short form: %s is %s', (name, unitName) => {
  const unit = district.find((u) => u.name === unitName)!;
  expect(matchUnit(name, district)).toEqual({ status: 'matched', unitId: unit.id, by: 'tolerant' });
});

test.each([
  ['湖滨区农业局', '湖滨区农业农村局'],
  ['湖滨区自规局', '湖滨区自然资源局'],
  ['湖滨区国土资源局', '湖滨区自然资源局'],
])('a former or merged department’s name is only offered: %s → asked, with %s as the candidate', (name, unitName) => {
  const unit = district.find((u) => u.name === unitName)!;
  expect(matchUnit(name, district)).toEqual({ status: 'unmatched', candidates: [unit.id] });
});

test('a department’s short form that fits two units is asked about, never picked', () => {
  const twoDistricts: ExpectedUnit[] = [
    { id: 1, name: '湖滨区发展和改革委员会', aliases: [] },
    { id: 2, name: '西湖区发展和改革委员会', aliases: [] },
    { id: 3, name: '湖滨区人力资源和社会保障局', aliases: [] },
  ];
  expect(matchUnit('区发改委', twoDistricts)).toEqual({ status: 'ambiguous', candidates: [1, 2] });
  expect(matchUnit('发改委', twoDistricts)).toEqual({ status: 'ambiguous', candidates: [1, 2] });
  expect(matchUnit('西湖区发改委', twoDistricts)).toEqual({ status: 'matched', unitId: 2, by: 'tolerant' });
  // A department of another name is another unit, whatever the place.
  expect(matchUnit('湖滨区发改局', twoDistricts)).toMatchObject({ status: 'unmatched' });
  expect(matchUnit('湖滨区住建局', twoDistricts)).toMatchObject({ status: 'unmatched' });
  // A former name that may be two units offers both.
  const both: ExpectedUnit[] = [
    { id: 1, name: '湖滨区自然资源局', aliases: [] },
    { id: 2, name: '西湖区自然资源和规划局', aliases: [] },
  ];
  expect(matchUnit('国土资源局', both)).toEqual({ status: 'unmatched', candidates: [1, 2] });
});

test('the department table: ideographs only, and each way of writing a name belongs to one department', () => {
  const written = DEPARTMENT_NAMES.flatMap((d) => [d.full, ...d.short]);
  expect(new Set(written).size).toBe(written.length);
  for (const name of [...written, ...DEPARTMENT_NAMES.flatMap((d) => d.maybe ?? [])]) expect(name).toMatch(/^\p{Script=Han}+$/u);
  // A name that may be another department is never also a sure name of one it is offered for.
  for (const d of DEPARTMENT_NAMES) for (const maybe of d.maybe ?? []) expect([d.full, ...d.short]).not.toContain(maybe);
});
