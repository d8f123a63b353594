import { SEVERITY_LABELS } from '../checks/index.ts';
import type { Finding, FindingKind } from '../checks/index.ts';
import { chineseDate } from '../document/build.ts';
import { printable } from '../document/printableText.ts';
import type { DocParagraph, DocSection, DocumentModel } from '../document/model.ts';
import { TITLE_EM_PER_LINE, widestWidthInEm } from '../document/typography.ts';
import { cellIndex, cellName, formatForYear, tableById } from '../format/index.ts';
import type { ReportFormat } from '../format/index.ts';
import { findingNoteKey } from './review.ts';
import type { ReviewRow } from './types.ts';

/**
 * The 审核意见 sent back to a unit, as a document model (rendered to DOCX like the
 * report itself): each finding in plain Chinese with where it is (table, row, column,
 * or section) and its rule, the reviewer's note under it, and the note on the unit.
 */

/** Where a finding is, in words: `表三「（一）予以公开」「自然人」`, `表三「自然人」列`, `五、存在的主要问题及改进情况`. */
export function findingPlace(finding: Finding, format: ReportFormat): string {
  const { location } = finding;
  if (location.field?.startsWith('infoFee.')) {
    const field = location.field.slice('infoFee.'.length);
    const words = format.infoFee;
    return `${words?.name ?? ''}「${words?.figures.find((f) => f.field === field)?.label ?? field}」`;
  }
  if (location.section) {
    const section = format.sections.find((s) => s.key === location.section);
    const heading = section?.heading ?? location.section;
    return location.words ? `${heading}“${location.words.text}”` : heading;
  }
  if (location.table) {
    const table = tableById(format, location.table);
    const cell = cellIndex(format).byKey.get(location.cells[0] ?? '');
    if (cell && (location.cells.length === 1 || (location.row && location.column))) return cellName(cell, 'full');
    if (cell && location.column && !location.row) return `${table.shortName}「${cellName(cell, 'inRow')}」列`;
    if (cell && location.row && !location.column) return `${table.shortName}「${cell.rowLabel || cellName(cell, 'inRow')}」行`;
    return table.shortName;
  }
  return location.field === 'agency.name' ? '标题（机关名称）' : '报告';
}

/** The groups of the opinion, in the order a unit fixes them. */
const GROUPS: readonly { readonly kind: FindingKind; readonly heading: string }[] = [
  { kind: 'mistake', heading: '需要改正的错误' },
  { kind: 'unfinished', heading: '尚未填写完整的内容' },
  { kind: 'advice', heading: '请核实的问题' },
];

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

export interface ReviewOpinionInput {
  /** The superior agency (the signature). */
  readonly superior: string;
  readonly year: number;
  readonly row: ReviewRow;
  readonly findings: readonly Finding[];
  readonly format: ReportFormat;
  /** Notes by `findingNoteKey`. */
  readonly notes: Readonly<Record<string, string>>;
  /** `2025-03-05`: the date under the signature. */
  readonly date: string;
}

/** `关于某某局2025年政府信息公开工作年度报告的审核意见`, in the title words of the year's format. */
export function reviewOpinionTitle(unitName: string, year: number): string {
  return `关于${unitName}${year}年${formatForYear(year).titleSuffix}的审核意见`;
}

/** The title on as many lines as it needs, broken after the unit and before 的审核意见, never inside a word. */
function opinionTitleLines(unitName: string, year: number): string[] {
  const title = reviewOpinionTitle(unitName, year);
  const fits = (line: string) => widestWidthInEm(line) <= TITLE_EM_PER_LINE;
  if (fits(title)) return [title];
  const unit = `关于${unitName}`;
  const rest = title.slice(unit.length);
  const ending = '的审核意见';
  return fits(rest) ? [unit, rest] : [unit, rest.slice(0, -ending.length), ending];
}

function findingParagraphs(finding: Finding, index: number, input: ReviewOpinionInput): DocParagraph[] {
  const place = findingPlace(finding, input.format);
  // Most messages already name their place; it is said once.
  const said = finding.message.includes(place) ? finding.message : `${place}：${finding.message}`;
  const text = `${said}（${SEVERITY_LABELS[finding.severity]}，规则 ${finding.rule}）`;
  const note = input.notes[findingNoteKey(finding)]?.trim();
  return [
    { kind: 'paragraph', lead: { level: 'level3', text: `${index + 1}.` }, text },
    ...(note ? [{ kind: 'paragraph', text: `审核意见：${note}` } as const] : []),
  ];
}

/** The 审核意见 as a document model, every text printable: it quotes the unit's report as it came (printableText.ts). */
export function buildReviewOpinion(input: ReviewOpinionInput): DocumentModel {
  const { row, year, superior } = input;
  const title = reviewOpinionTitle(row.unitName, year);
  const groups = GROUPS.map((g) => ({ ...g, findings: input.findings.filter((f) => f.kind === g.kind) })).filter((g) => g.findings.length > 0);
  const sections: DocSection[] = groups.map((group, i) => ({
    key: `opinion:${group.kind}`,
    heading: `${NUMERALS[i]}、${group.heading}（${group.findings.length}项）`,
    blocks: group.findings.flatMap((f, j) => findingParagraphs(f, j, input)),
  }));
  if (row.note.trim()) {
    sections.push({ key: 'opinion:note', heading: `${NUMERALS[sections.length]}、其他意见`, blocks: [{ kind: 'paragraph', text: row.note.trim() }] });
  }
  const file = row.fileName ? `（文件“${row.fileName}”${row.revision && row.revisions > 1 ? `，第${row.revision}版` : ''}）` : '';
  const verdict =
    input.findings.length === 0
      ? '经审核，未发现问题。'
      : `经审核，发现以下问题${row.counts.error > 0 ? `，其中错误${row.counts.error}项，请逐项改正` : '，请逐项核实'}后重新报送。`;
  return printable<DocumentModel>({
    title,
    titleLines: opinionTitleLines(row.unitName, year),
    properties: { title, author: superior, subject: `${year}年${formatForYear(year).titleSuffix}审核意见` },
    preamble: [
      { kind: 'paragraph', text: `${row.unitName}：`, flush: true },
      { kind: 'paragraph', text: `你单位报送的${year}年${formatForYear(year).titleSuffix}${file}${verdict}` },
    ],
    sections,
    signature: { agency: superior, date: chineseDate(input.date.slice(0, 10)) },
  });
}
