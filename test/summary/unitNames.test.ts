import { expect, test } from 'vitest';
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
  ['湖滨县发改委', undefined, undefined],
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
