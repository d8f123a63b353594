import type { LeadLevel } from '../document/model.ts';
import {
  BODY_CHAR_PT,
  BODY_LETTER_SPACING_PT,
  DRAFT_MARK_ROLE,
  FACES,
  LEAD_FACES,
  LINE_PITCH_PT,
  PAGE,
  PAGE_NUMBER_LINE_PT,
  TABLE_CELL_PADDING_MM,
  TABLE_FONT_PT,
  TABLE_LINE_PT,
  TITLE_LINE_PT,
} from '../document/typography.ts';
import { fontStack, officialFontFaces } from './fonts.ts';

/**
 * The print stylesheet: GB/T 9704 page, type and page numbers from the constants the
 * DOCX renderer uses, with the same choices it makes (title line, footer line, cell
 * padding), so both put the same text on the same lines and pages. Screen media (the
 * app's preview) shows the type area on a sheet.
 */

/** 左空二字 */
const INDENT_PT = 2 * BODY_CHAR_PT;
/** Table rules: Word's single 0.5 pt line; Chromium draws any border at least one pixel wide. */
const RULE_PT = 0.5;
const CHROMIUM_MIN_RULE_PT = 0.75;
/**
 * A one-line row is its line plus one rule, 14.5 pt in Word; Chromium's thicker rule
 * comes off the line so that rows, and with them page breaks, fall where Word puts them.
 */
const TABLE_CELL_LINE_PT = TABLE_LINE_PT - (CHROMIUM_MIN_RULE_PT - RULE_PT);

const pageNumberBox = (side: 'left' | 'right'): string => `
  @bottom-${side} {
    content: "— " counter(page) " —";
    font-family: ${fontStack('pageNumber')};
    font-size: ${FACES.pageNumber.sizePt}pt;
    line-height: ${PAGE_NUMBER_LINE_PT}pt;
    letter-spacing: 0;
    text-align: ${side};
    vertical-align: top;
    padding-top: calc(${PAGE.pageNumberBelowTypeAreaMm}mm - ${PAGE_NUMBER_LINE_PT / 2}pt);
    padding-${side}: ${FACES.pageNumber.sizePt}pt;
  }`;

/** The draft mark at the right of the header line, its top halfway down the top margin (as the DOCX header). */
const draftMarkBox = (mark: string): string => `
  @top-right {
    content: "${mark.replace(/["\\]/g, (c) => `\\${c}`)}";
    font-family: ${fontStack(DRAFT_MARK_ROLE)};
    font-size: ${FACES[DRAFT_MARK_ROLE].sizePt}pt;
    letter-spacing: 0;
    text-align: right;
    vertical-align: top;
    padding-top: ${PAGE.marginTopMm / 2}mm;
  }`;

const leadRules = (Object.keys(LEAD_FACES) as LeadLevel[])
  .map((level) => `.lead-${level} { font-family: ${fontStack(LEAD_FACES[level])}; }`)
  .join('\n');

/**
 * `fontBaseUrl`: the font root of the bundled fonts (see renderPrintHtml); `draftMark`:
 * the document model's, printed on every page when present.
 */
export function printStylesheet(fontBaseUrl: string, draftMark?: string): string {
  const draft = draftMark ? draftMarkBox(draftMark) : '';
  return `${officialFontFaces(fontBaseUrl)}
@page {
  size: A4;
  margin: ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm;
}
@page :right {${pageNumberBox('right')}${draft}
}
@page :left {${pageNumberBox('left')}${draft}
}
html { color: #000; background: #fff; }
body {
  margin: 0;
  font-family: ${fontStack('body')};
  font-size: ${FACES.body.sizePt}pt;
  line-height: ${LINE_PITCH_PT}pt;
  letter-spacing: ${BODY_LETTER_SPACING_PT}pt;
  text-align: justify;
  font-synthesis: none;
  font-kerning: none;
}
h1, h2, p { margin: 0; font-weight: normal; }
h1 {
  font-family: ${fontStack('title')};
  font-size: ${FACES.title.sizePt}pt;
  line-height: ${TITLE_LINE_PT}pt;
  letter-spacing: 0;
  text-align: center;
  margin-bottom: ${LINE_PITCH_PT}pt;
  break-after: avoid;
}
h2 {
  font-family: ${fontStack('heading1')};
  font-size: ${FACES.heading1.sizePt}pt;
  text-indent: ${INDENT_PT}pt;
  break-after: avoid;
  break-inside: avoid;
}
p { text-indent: ${INDENT_PT}pt; }
p.flush { text-indent: 0; }
${leadRules}
/* A heading standing alone stays with the paragraph it heads. */
p.heading { break-after: avoid; }
table {
  width: ${PAGE.typeAreaWidthMm}mm;
  table-layout: fixed;
  border-collapse: collapse;
  font-family: ${fontStack('table')};
  font-size: ${TABLE_FONT_PT}pt;
  line-height: ${TABLE_CELL_LINE_PT}pt;
  letter-spacing: 0;
  text-indent: 0;
  text-align: center;
}
th, td {
  border: ${RULE_PT}pt solid #000;
  padding: 0 ${TABLE_CELL_PADDING_MM}mm;
  vertical-align: middle;
  font-weight: normal;
  overflow-wrap: anywhere;
}
.rowLabel { text-align: left; }
/* A row never splits, yet a row group (a cell spanning rows) may break between its rows,
   as Word's cantSplit does: only cells that span one row refuse to break. */
th:not([rowspan]), td:not([rowspan]) { break-inside: avoid; }
tr.keep-with-next { break-after: avoid; }
/* The signature never stands alone on a page. */
.signature { margin-top: ${LINE_PITCH_PT}pt; text-align: right; break-before: avoid; }
.signature p { text-indent: 0; }
/* Page-number glyphs are only drawn in the page margin at print time: laying them out
   here, unseen, makes Chromium load their font before it prints. */
.font-preload {
  position: absolute;
  visibility: hidden;
  font-family: ${fontStack('pageNumber')};
  font-size: ${FACES.pageNumber.sizePt}pt;
}
.font-preload .draft { font-family: ${fontStack(DRAFT_MARK_ROLE)}; }
@media screen {
  html { background: #e8e8e8; }
  body {
    box-sizing: content-box;
    width: ${PAGE.typeAreaWidthMm}mm;
    min-height: ${PAGE.typeAreaHeightMm}mm;
    margin: 8mm auto;
    padding: ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm;
    background: #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  }
}
`;
}
