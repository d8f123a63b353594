import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { DRAFT_MARK_ROLE, FACES, PAGE, PAGE_NUMBER_LINE_PT, pageNumberText } from '../../../shared/document/typography.ts';
import { runFonts } from './fonts.ts';
import { STYLE } from './styles.ts';
import { halfPoints, twipsFromMm, twipsFromPt } from './units.ts';

/**
 * Page numbers per GB/T 9704 7.5: `— 1 —` in 4号宋体, odd pages at the right and even
 * pages at the left, one character in from the type area's edge. The number is a
 * PAGE field, so it stays right when the clerk edits the document.
 */

const [BEFORE, AFTER] = pageNumberText(0).split('0') as [string, string];

/**
 * Distance from the page's lower edge to the footer's last line: the dash line, in the
 * middle of that line, sits 7 mm below the type area (GB/T 9704 7.5).
 */
export const FOOTER_DISTANCE_TWIPS =
  twipsFromMm(PAGE.marginBottomMm - PAGE.pageNumberBelowTypeAreaMm) - twipsFromPt(PAGE_NUMBER_LINE_PT / 2);

function pageNumber(side: 'left' | 'right'): Footer {
  const inset = twipsFromPt(FACES.pageNumber.sizePt);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: inset } : { left: inset },
        children: [new TextRun({ children: [BEFORE, PageNumber.CURRENT, AFTER] })],
      }),
    ],
  });
}

/** Odd pages use the default footer, even pages the even one (with even-and-odd headers on). */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumber('right'), even: pageNumber('left') };
}

/**
 * The draft mark (`草稿`, 三号黑体) at the right of the header line, on odd and even
 * pages alike: in the header, it stays out of the text when the clerk edits.
 */
export function draftMarkHeaders(mark: string): { default: Header; even: Header } {
  const header = () =>
    new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { firstLine: 0, left: 0, right: 0 },
          children: [new TextRun({ text: mark, font: runFonts(DRAFT_MARK_ROLE), size: halfPoints(FACES[DRAFT_MARK_ROLE].sizePt) })],
        }),
      ],
    });
  return { default: header(), even: header() };
}
