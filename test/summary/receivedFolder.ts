import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument } from '../../shared/document/build.ts';
import { applyFixtureFigures } from '../../shared/model/fixtureFigures.ts';
import type { FixtureFigures } from '../../shared/model/fixtureFigures.ts';
import type { Report } from '../../shared/model/report.ts';
import { renderWebHtml } from '../../shared/web/renderWebHtml.ts';
import { writeExchangeFile } from '../../services/exchange/index.ts';
import { renderDocx } from '../../services/export/docx/renderDocx.ts';
import { renderXlsx } from '../../services/export/xlsx/renderXlsx.ts';
import { loadSeeds } from '../fixtures/seedReports.ts';
import type { Seed } from '../fixtures/seedReports.ts';

/**
 * A superior office's folder of 30 received reports, made from the five seeds: as DOCX,
 * exchange file, XLSX and web page (Nianbao's own exports, the agency renamed to the
 * unit) and as text (the seeds' Markdown form, named after the unit). Variants: three
 * units whose table 3 does not balance, one unit received twice (first with the error,
 * then corrected), one unreadable file, and two listed units that sent nothing.
 * Every unit's figures are kept in fixture shape, for an independent sum.
 */

export type FileForm = 'docx' | 'nianbao' | 'xlsx' | 'html' | 'txt';
const FORMS: readonly FileForm[] = ['docx', 'nianbao', 'xlsx', 'html', 'txt'];

const DEPARTMENTS = ['财政局', '教育局', '民政局', '司法局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '应急管理局', '审计局', '统计局', '医疗保障局', '林业局', '市场监督管理局', '生态环境分局', '住房和城乡建设局', '自然资源局', '人力资源和社会保障局'];
const TOWNS = ['城关', '河口', '石桥', '青山', '白沙', '新河'];

export interface ExpectedUnitFile {
  readonly unitName: string;
  /** The name the report itself carries (a 简称 for towns and the government office). */
  readonly reportAgency: string;
  readonly form: FileForm;
  readonly seed: Seed;
  readonly figures: FixtureFigures;
  /** The report as written before export (for txt: the seed's own report). */
  readonly report: Report;
  readonly broken: boolean;
  readonly fileName: string;
}

export interface ReceivedFolder {
  readonly dir: string;
  /** The expected units' list, as the office pastes it (full names). */
  readonly unitList: string;
  readonly unitNames: readonly string[];
  /** The file per unit that counts (for the duplicate: the second). */
  readonly counted: ReadonlyMap<string, ExpectedUnitFile>;
  readonly duplicateUnit: string;
  readonly duplicateFirst: string;
  readonly unreadableUnit: string;
  readonly unreadableFile: string;
  readonly missingUnits: readonly string[];
  readonly brokenUnits: readonly string[];
  readonly fileCount: number;
}

/** Table 3 no longer balances: five more 予以公开 to natural persons. */
function broken(figures: FixtureFigures): FixtureFigures {
  const copy = structuredClone(figures);
  const granted = copy.table3.rows['granted']!;
  granted[0] = (granted[0] ?? 0) + 5;
  return copy;
}

async function writeForm(path: string, form: FileForm, report: Report, seed: Seed): Promise<void> {
  if (form === 'docx') writeFileSync(path, await renderDocx(buildDocument(report)));
  else if (form === 'xlsx') writeFileSync(path, await renderXlsx(buildDocument(report)));
  else if (form === 'html') writeFileSync(path, renderWebHtml(buildDocument(report)));
  else if (form === 'nianbao') writeFileSync(path, writeExchangeFile(report, new Date('2022-01-20T08:00:00Z')));
  else writeFileSync(path, readFileSync(join(import.meta.dirname, '..', 'fixtures', 'text-forms', `${seed.id}.gfm.md`)));
}

export async function makeReceivedFolder(): Promise<ReceivedFolder> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
  const folder = join(dir, '收到的报告');
  mkdirSync(join(folder, '乡镇'), { recursive: true });
  const seeds = loadSeeds();
  const units = [
    { unitName: '湖滨县人民政府办公室', reportAgency: '湖滨县政府办' },
    ...DEPARTMENTS.map((d) => ({ unitName: `湖滨县${d}`, reportAgency: `湖滨县${d}` })),
    ...TOWNS.map((t) => ({ unitName: `${t}镇人民政府`, reportAgency: `${t}镇` })),
    { unitName: '湖滨县档案馆', reportAgency: '湖滨县档案馆' },
    { unitName: '湖滨县气象局', reportAgency: '湖滨县气象局' },
    { unitName: '湖滨县地震局', reportAgency: '湖滨县地震局' },
    { unitName: '湖滨县供销合作社', reportAgency: '湖滨县供销合作社' },
  ];
  // 27 units with one file, the duplicate, the unreadable one, two missing: 31 listed, 30 files.
  const [duplicate, unreadable, ...missing] = units.slice(27, 31);
  const counted = new Map<string, ExpectedUnitFile>();
  const brokenUnits: string[] = [];
  let fileCount = 0;
  const add = async (index: number, unit: (typeof units)[number], form: FileForm, isBroken: boolean, suffix = ''): Promise<ExpectedUnitFile> => {
    const seed = seeds[index % seeds.length]!;
    const figures = isBroken ? broken(seed.fixture) : seed.fixture;
    const report = form === 'txt' ? seed.report : applyFixtureFigures({ ...seed.report, agency: { ...seed.report.agency, name: unit.reportAgency } }, figures);
    const sub = unit.unitName.endsWith('镇人民政府') ? join(folder, '乡镇') : folder;
    const fileName = `${String(index + 1).padStart(2, '0')}-${unit.reportAgency}${suffix}.${form === 'html' ? 'html' : form}`;
    await writeForm(join(sub, fileName), form, report, seed);
    fileCount++;
    return { ...unit, form, seed, figures, report, broken: isBroken, fileName };
  };
  for (const [i, unit] of units.slice(0, 27).entries()) {
    const form = FORMS[i % FORMS.length]!;
    const isBroken = [2, 7, 11].includes(i);
    if (isBroken) brokenUnits.push(unit.unitName);
    counted.set(unit.unitName, await add(i, unit, form, isBroken));
  }
  const first = await add(27, duplicate!, 'docx', true, '（第1次）');
  counted.set(duplicate!.unitName, await add(27, duplicate!, 'nianbao', false, '（第2次）'));
  const unreadableFile = `30-${unreadable!.reportAgency}.docx`;
  writeFileSync(join(folder, unreadableFile), Buffer.from('这不是一个Word文件，只是改了扩展名。'));
  fileCount++;
  return {
    dir: folder,
    unitList: `序号\t单位名称\n${units.slice(0, 31).map((u, i) => `${i + 1}\t${u.unitName}`).join('\n')}\n`,
    unitNames: units.slice(0, 31).map((u) => u.unitName),
    counted,
    duplicateUnit: duplicate!.unitName,
    duplicateFirst: first.fileName,
    unreadableUnit: unreadable!.unitName,
    unreadableFile,
    missingUnits: missing.map((u) => u.unitName),
    brokenUnits,
    fileCount,
  };
}
