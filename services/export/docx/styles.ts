import { AlignmentType, LineRuleType } from 'docx';
import type { IStylesOptions } from 'docx';
import type { LeadLevel } from '../../../shared/document/model.ts';
import {
  BODY_CHAR_PT,
  BODY_LETTER_SPACING_PT,
  FACES,
  LEAD_FACES,
  LINE_PITCH_PT,
  PAGE_NUMBER_LINE_PT,
  TABLE_LINE_PT,
  TITLE_LINE_PT,
} from '../../../shared/document/typography.ts';
import type { FaceRole } from '../../../shared/document/typography.ts';
import { faceName, runFonts } from './fonts.ts';
import { halfPoints, twipsFromPt } from './units.ts';

/**
 * The document's styles, named so that a clerk who edits the file in Word or WPS finds
 * them: 正文 (Normal) is 3号仿宋 on the 22-line grid with a two-字 first-line indent and
 * the 28-characters-per-line spacing; 标题 1 (Heading 1, 黑体) and 落款 derive from it.
 * 标题 (Title), 表格文字 (with 表格行名, its flush-left row labels) and the page number have their own type and derive from none,
 * so they do not inherit the body's letter spacing (Word cannot reset it to 0).
 */

export const STYLE = {
  body: 'Normal',
  title: 'Title',
  heading1: 'Heading1',
  table: 'TableText',
  tableLabel: 'TableLabel',
  signature: 'Signature',
  pageNumber: 'Footer',
} as const;

function faceStyleId(role: FaceRole): string {
  return `Face${role[0]!.toUpperCase()}${role.slice(1)}`;
}

/** Character style of a lead (（一） in 楷体) whose face differs from the body's. */
export function leadStyle(level: LeadLevel): string | undefined {
  const role = LEAD_FACES[level];
  return role === 'body' ? undefined : faceStyleId(role);
}

const exactLine = (pt: number) => ({ line: twipsFromPt(pt), lineRule: LineRuleType.EXACT });
const face = (role: FaceRole) => ({ font: runFonts(role), size: halfPoints(FACES[role].sizePt) });
const noIndent = { firstLine: 0, left: 0, right: 0 };


const leadRoles = [...new Set(Object.values(LEAD_FACES))].filter((role) => role !== 'body');

export const documentStyles: IStylesOptions = {
  default: {
    document: {
      run: { ...face('body'), language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    heading1: {
      name: 'heading 1',
      basedOn: STYLE.body,
      next: STYLE.body,
      quickFormat: true,
      run: { ...face('heading1'), bold: false, color: '000000' },
      paragraph: { keepNext: true, keepLines: true, outlineLevel: 0 },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.title,
      name: 'Title',
      next: STYLE.body,
      quickFormat: true,
      run: face('title'),
      paragraph: {
        alignment: AlignmentType.CENTER,
        indent: noIndent,
        // A 2号 title needs more than the body's line; one blank line follows it.
        spacing: { ...exactLine(TITLE_LINE_PT), after: twipsFromPt(LINE_PITCH_PT) },
        keepNext: true,
      },
    },
    {
      id: STYLE.body,
      name: 'Normal',
      quickFormat: true,
      run: { ...face('body'), characterSpacing: twipsFromPt(BODY_LETTER_SPACING_PT) },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        spacing: exactLine(LINE_PITCH_PT),
        indent: { firstLine: twipsFromPt(2 * BODY_CHAR_PT) },
      },
    },
    {
      id: STYLE.table,
      name: '表格文字',
      quickFormat: true,
      run: face('table'),
      paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine(TABLE_LINE_PT) },
    },
    {
      // Row labels: the table text set flush left (every other cell is centred).
      id: STYLE.tableLabel,
      name: '表格行名',
      basedOn: STYLE.table,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.pageNumber,
      name: 'footer',
      run: face('pageNumber'),
      // The dash line sits in the middle of this line (see footer.ts).
      paragraph: { spacing: exactLine(PAGE_NUMBER_LINE_PT) },
    },
    {
      id: STYLE.signature,
      name: '落款',
      basedOn: STYLE.body,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, left: 0 }, keepNext: true },
    },
  ],
  characterStyles: leadRoles.map((role) => ({
    id: faceStyleId(role),
    name: faceName(role),
    quickFormat: true,
    run: { font: runFonts(role) },
  })),
};
